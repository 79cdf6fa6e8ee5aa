import Foundation
import Yams

/// Settings as text, each with where it came from, merged from three sources in order
/// of precedence: command-line flags, then `SWITCHBOARD_*` environment variables, then
/// a YAML file. Every source spells a setting from its one name: `websocket.keep-alive`
/// is `--websocket-keep-alive`, `SWITCHBOARD_WEBSOCKET_KEEP_ALIVE`, and
/// `websocket: {keep-alive: ...}` (or `websocket.keep-alive:`) in YAML.
public struct ConfigurationValues: Sendable {
    public struct Value: Sendable, Equatable {
        public var text: String
        /// Where the value was read, as an error about it should say.
        public var source: String
    }

    public private(set) var values: [String: Value] = [:]
    /// `SWITCHBOARD_*` variables that name no setting: warned about, not fatal, as
    /// deployment tools set variables of their own with the same prefix.
    public private(set) var unknownVariables: [String] = []

    public init() {}

    public subscript(key: String) -> Value? { values[key] }

    /// The flag that sets `key`.
    public static func flag(for key: String) -> String {
        "--" + key.replacingOccurrences(of: ".", with: "-")
    }

    /// The environment variable that sets `key`.
    public static func environmentVariable(for key: String) -> String {
        "SWITCHBOARD_" + key.uppercased().replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: "-", with: "_")
    }

    /// The sources merged: `flags` (by setting name) over the environment over the YAML
    /// text. A YAML key that names no setting is an error, so a misspelt setting is
    /// never silently ignored; an unknown `SWITCHBOARD_` variable is listed in
    /// `unknownVariables` for a warning.
    public static func merged(
        flags: [String: String], environment: [String: String], yaml: (text: String, path: String)?,
        keys: Set<String>
    ) throws(ConfigurationError) -> ConfigurationValues {
        var merged = ConfigurationValues()
        if let yaml {
            for (key, text) in try read(yaml: yaml.text, path: yaml.path) {
                guard keys.contains(key) else {
                    throw ConfigurationError("\(yaml.path): \(key) is not a setting (see switchboard serve --help)")
                }
                merged.values[key] = Value(text: text, source: "\(yaml.path): \(key)")
            }
        }
        let byVariable = Dictionary(uniqueKeysWithValues: keys.map { (environmentVariable(for: $0), $0) })
        for (name, text) in environment where name.hasPrefix("SWITCHBOARD_") {
            guard let key = byVariable[name] else {
                merged.unknownVariables.append(name)
                continue
            }
            merged.values[key] = Value(text: text, source: name)
        }
        for (key, text) in flags {
            merged.values[key] = Value(text: text, source: flag(for: key))
        }
        return merged
    }

    /// The YAML file's settings as dotted names: nested mappings join their keys with
    /// `.`; a sequence is joined with commas, as a list is written in a flag.
    static func read(yaml text: String, path: String) throws(ConfigurationError) -> [String: String] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError("\(path): not YAML: \(error)")
        }
        guard let root else { return [:] }
        var result: [String: String] = [:]
        func walk(_ node: Node, _ prefix: String) throws(ConfigurationError) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    guard let name = key.string else {
                        throw ConfigurationError("\(path): line \((key.mark?.line).map(String.init) ?? "?"): keys must be text")
                    }
                    try walk(value, prefix.isEmpty ? name : "\(prefix).\(name)")
                }
            case .scalar(let scalar):
                guard !prefix.isEmpty else { throw ConfigurationError("\(path): expected a mapping of settings") }
                result[prefix] = scalar.string
            case .sequence(let sequence):
                let items = sequence.compactMap(\.string)
                guard items.count == sequence.count else {
                    throw ConfigurationError("\(path): \(prefix) must be a list of plain values")
                }
                result[prefix] = items.joined(separator: ",")
            case .alias:
                throw ConfigurationError("\(path): \(prefix): YAML aliases are not supported here")
            }
        }
        try walk(root, "")
        return result
    }
}

/// A setting that cannot be used, said with where it came from.
public struct ConfigurationError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }
}
