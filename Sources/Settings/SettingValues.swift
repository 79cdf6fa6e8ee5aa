import Foundation

/// Settings as text, each with where it came from, merged from three sources in order
/// of precedence: command-line flags, then `SWITCHBOARD_*` environment variables, then
/// a YAML file. Every source spells a setting from its one key: `websocket.keep-alive`
/// is `--websocket-keep-alive`, `SWITCHBOARD_WEBSOCKET_KEEP_ALIVE`, and
/// `websocket: {keep-alive: ...}` (or `websocket.keep-alive:`) in YAML.
public struct SettingValues: Sendable {
    public struct Value: Sendable, Equatable {
        public var text: String
        /// Where the value was read, as an error about it should say: `--port`,
        /// `SWITCHBOARD_PORT`, `switchboard.yaml: port`.
        public var source: String
    }

    /// The prefix of every settings variable.
    public static let environmentPrefix = "SWITCHBOARD_"

    public private(set) var values: [String: Value] = [:]
    /// `SWITCHBOARD_*` variables that name no setting: warned about, not fatal, as
    /// deployment tools set variables of their own with the same prefix.
    public private(set) var unknownVariables: [String] = []

    public init() {}

    public subscript(key: String) -> Value? { values[key] }

    /// Where `key` was set, as errors name it; the key itself when it was not set.
    public func source(of key: String) -> String { values[key]?.source ?? key }

    /// The flag that sets `key`.
    public static func flag(for key: String) -> String {
        "--" + key.replacingOccurrences(of: ".", with: "-")
    }

    /// The environment variable that sets `key`.
    public static func environmentVariable(for key: String) -> String {
        environmentPrefix
            + key.uppercased().replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// The sources merged: `flags` (by key) over the environment over the YAML file's
    /// settings (by key, as `readYAML` gives them). A YAML key that names no setting is an
    /// error, so a misspelt setting is never silently ignored; an unknown `SWITCHBOARD_`
    /// variable is listed in `unknownVariables` for a warning.
    public static func merged(
        flags: [String: String], environment: [String: String], yaml: (text: String, path: String)?,
        keys: Set<String>
    ) throws(SettingsError) -> SettingValues {
        var merged = SettingValues()
        if let yaml {
            for (key, text) in try readYAML(yaml.text, path: yaml.path) {
                guard keys.contains(key) else {
                    let hint = Suggestion.closest(to: key, among: keys).map { "; did you mean \($0)?" } ?? ""
                    throw SettingsError("\(yaml.path): \(key) is not a setting\(hint) (see switchboard serve --help)")
                }
                merged.values[key] = Value(text: text, source: "\(yaml.path): \(key)")
            }
        }
        let byVariable = Dictionary(uniqueKeysWithValues: keys.map { (environmentVariable(for: $0), $0) })
        for (name, text) in environment where name.hasPrefix(environmentPrefix) {
            guard let key = byVariable[name] else {
                merged.unknownVariables.append(name)
                continue
            }
            merged.values[key] = Value(text: text, source: name)
        }
        merged.unknownVariables.sort()
        for (key, text) in flags {
            merged.values[key] = Value(text: text, source: flag(for: key))
        }
        return merged
    }
}
