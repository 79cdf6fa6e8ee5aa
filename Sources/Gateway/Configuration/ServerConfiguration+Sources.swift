import Foundation
import Settings

extension ServerConfiguration {
    /// The variable that names the YAML file when `--config` does not.
    public static let configFileVariable = "SWITCHBOARD_CONFIG"

    /// The configuration from flags (by setting key), the environment, and the YAML file
    /// named by `configFile` or `SWITCHBOARD_CONFIG`, in that order of precedence.
    public static func resolve(
        flags: [String: String], configFile: String?, environment: [String: String]
    ) throws(SettingsError) -> ServerConfiguration {
        var yaml: (text: String, path: String)?
        if let path = configFile ?? environment[configFileVariable] {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SettingsError("\(path): cannot read the configuration file")
            }
            yaml = (String(decoding: data, as: UTF8.self), path)
        }
        var variables = environment
        variables[configFileVariable] = nil
        return try load(settingsTable.values(flags: flags, environment: variables, yaml: yaml))
    }

    /// The settings flags among command-line `arguments` (`--port 8080`, `--port=8080`),
    /// by key; an unknown flag is an error that names it.
    public static func flags(from arguments: [String]) throws(SettingsError) -> [String: String] {
        try SettingValues.flags(from: arguments, keys: settingsTable.keys)
    }

    /// What `switchboard serve --help` says of the settings: each flag with its help and
    /// default, by section.
    public static var settingsHelp: String { settingsTable.help(defaults: ServerConfiguration()) }

    /// The help of the setting `key`, for a command that takes one setting as its own
    /// option (`switchboard migrate --database`).
    public static func help(for key: String) -> String { settingsTable[key]?.help ?? "" }
}
