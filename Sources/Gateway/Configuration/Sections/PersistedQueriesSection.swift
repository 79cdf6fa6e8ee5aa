import Pipeline
import Settings

extension ServerConfiguration {
    /// `persisted-queries.*`: automatic persisted queries, an allow-list of registered
    /// operations, or neither. Once read, they make the gateway's mode, and the manifest
    /// is read.
    static let persistedQueriesSection = SettingsSection<ServerConfiguration>(
        "persisted-queries", title: "Persisted queries",
        settings: [
            Setting(
                "mode", \.persistedQueries.mode, .oneOf(PersistedQuerySettings.Mode.allCases),
                help: "automatic (APQ), allow-list (only registered operations run) or off.",
                examples: ["off", "allow-list"], bad: "sometimes"),
            Setting(
                "max-entries", \.persistedQueries.maxEntries, .int(1...10_000_000),
                help: "Automatic persisted queries kept.", examples: ["100", "50000"], bad: "0"),
            Setting(
                "manifest", \.persistedQueries.manifest, SettingParser.text.optional,
                help: "Registered operations: a JSON manifest (hash to query) or a directory of .graphql files.",
                examples: ["operations.json", "operations/"]),
        ],
        finish: { configuration, values throws(SettingsError) in
            let settings = configuration.persistedQueries
            if let manifest = settings.manifest {
                do {
                    configuration.gateway.registeredOperations = try PersistedQueryManifest(contentsOf: manifest)
                        .operations
                } catch {
                    throw SettingsError("\(values.source(of: "persisted-queries.manifest")): \(error)")
                }
            } else if settings.mode == .allowList {
                throw SettingsError("persisted-queries.mode allow-list needs persisted-queries.manifest")
            }
            configuration.gateway.persistedQueries =
                switch settings.mode {
                case .automatic: .automatic(maxEntries: settings.maxEntries)
                case .allowList: .allowList
                case .off: .disabled
                }
        })
}
