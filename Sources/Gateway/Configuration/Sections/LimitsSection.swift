import Settings

extension ServerConfiguration {
    /// `limits.*`: what one request or operation may ask of the server.
    static let limitsSection = SettingsSection<ServerConfiguration>(
        "limits", title: "Limits",
        settings: [
            Setting(
                "body-bytes", \.gateway.maxRequestBodyBytes, .int(1...(1 << 30)),
                help: "The largest HTTP request body, in bytes.", examples: ["1024", "4096"], bad: "0"),
            Setting(
                "query-bytes", \.gateway.maxQueryBytes, .int(1...(1 << 30)),
                help: "The largest GraphQL document, in bytes.", examples: ["1024", "4096"], bad: "-1"),
            Setting(
                "tokens", \.gateway.documentLimits.maxTokens, .int(1...10_000_000),
                help: "The most tokens a document may have.", examples: ["500", "2000"], bad: "lots"),
            Setting(
                "operation-timeout", \.gateway.operationTimeout, SettingParser.duration.zeroMeansNone,
                help: "How long an operation may run; 0 for no limit.", examples: ["5s", "0"], bad: "30 s"),
            Setting(
                "depth", \.operationLimits.maxDepth, SettingParser.int(0...10_000).zeroMeansNone,
                help: "How deep selections may nest; 0 for no limit.", examples: ["9", "0"], bad: "-1"),
            Setting(
                "aliases", \.operationLimits.maxAliases, SettingParser.int(0...10_000).zeroMeansNone,
                help: "The most aliases an operation may use; 0 for no limit.", examples: ["5", "0"], bad: "many"),
            Setting(
                "root-fields", \.operationLimits.maxRootFields, SettingParser.int(0...10_000).zeroMeansNone,
                help: "The most root fields an operation may select; 0 for no limit.", examples: ["3", "0"],
                bad: "10001"),
        ])
}
