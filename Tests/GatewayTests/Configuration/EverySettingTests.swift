import Gateway
import Settings
import Testing

@testable import TestSupport

/// Every declared setting through every source: its examples land in the configuration
/// from a flag, a variable and the YAML file (nested or dotted), a flag wins over a
/// variable which wins over the file, and its bad example is refused naming the source.
/// The cases are the declarations themselves, so a setting is tested once it is declared.
@Suite struct EverySettingTests {
    static let table = ServerConfiguration.settingsTable
    let defaults = ServerConfiguration()

    /// The settings read from the three sources, without the sections' cross-checks
    /// (a webhook URL, a manifest file to read), which have tests of their own.
    func read(
        flags: [String: String] = [:], environment: [String: String] = [:], yaml: String? = nil
    ) throws(SettingsError) -> ServerConfiguration {
        try Self.table.read(
            Self.table.values(flags: flags, environment: environment, yaml: yaml.map { ($0, "switchboard.yaml") }),
            into: ServerConfiguration())
    }

    /// A YAML file that sets `key` to `text`, as nested mappings or one dotted key.
    static func yaml(_ key: String, _ text: String, nested: Bool = true) -> String {
        let quoted = "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
        guard nested else { return "\(key): \(quoted)\n" }
        let parts = key.split(separator: ".")
        return parts.enumerated().map { depth, part in
            String(repeating: "  ", count: depth) + part + ":" + (depth == parts.count - 1 ? " \(quoted)" : "")
        }.joined(separator: "\n") + "\n"
    }

    /// Each way a value can be given, with the source an error about it names.
    static func sources(_ key: String, _ text: String) -> [(name: String, values: SourceValues)] {
        let variable = SettingValues.environmentVariable(for: key)
        return [
            (SettingValues.flag(for: key), SourceValues(flags: [key: text])),
            (variable, SourceValues(environment: [variable: text])),
            ("switchboard.yaml: \(key)", SourceValues(yaml: yaml(key, text))),
            ("switchboard.yaml: \(key)", SourceValues(yaml: yaml(key, text, nested: false))),
        ]
    }

    struct SourceValues {
        var flags: [String: String] = [:]
        var environment: [String: String] = [:]
        var yaml: String?
    }

    func read(_ source: SourceValues) throws(SettingsError) -> ServerConfiguration {
        try read(flags: source.flags, environment: source.environment, yaml: source.yaml)
    }

    @Test func noKeyIsDeclaredTwice() {
        #expect(Self.table.keys.count == Self.table.settings.count)
    }

    @Test(arguments: table.settings)
    func everySettingHasHelpAndExamplesThatShowAChange(setting: Setting<ServerConfiguration>) throws {
        #expect(!setting.help.isEmpty)
        try #require(setting.examples.count >= 2, "\(setting.key) needs two examples")
        #expect(!setting.holds(setting.examples[0], in: defaults), "the first example is the default")
        let first = try read(flags: [setting.key: setting.examples[0]])
        #expect(!setting.holds(setting.examples[1], in: first), "the two examples give the same value")
        if setting.acceptsAnyText {
            #expect(setting.badExample == nil, "\(setting.key) takes any text, so nothing is a bad example")
        } else {
            #expect(setting.badExample != nil, "\(setting.key) needs a bad example")
        }
        if let shown = setting.text(in: defaults) {
            #expect(setting.holds(shown, in: defaults), "--help shows a default \"\(shown)\" that reads otherwise")
        }
    }

    @Test(arguments: table.settings)
    func aGoodValueIsReadFromEverySource(setting: Setting<ServerConfiguration>) throws {
        let example = try #require(setting.examples.first)
        for (name, source) in Self.sources(setting.key, example) {
            #expect(setting.holds(example, in: try read(source)), "from \(name)")
        }
    }

    @Test(arguments: table.settings)
    func aFlagWinsOverTheEnvironmentWhichWinsOverTheFile(setting: Setting<ServerConfiguration>) throws {
        try #require(setting.examples.count >= 2)
        let (one, other) = (setting.examples[0], setting.examples[1])
        let (key, variable) = (setting.key, SettingValues.environmentVariable(for: setting.key))
        let (oneInFile, otherInFile) = (Self.yaml(key, one), Self.yaml(key, other))
        #expect(setting.holds(one, in: try read(flags: [key: one], environment: [variable: other], yaml: otherInFile)))
        #expect(setting.holds(other, in: try read(flags: [key: other], environment: [variable: one], yaml: oneInFile)))
        #expect(setting.holds(one, in: try read(environment: [variable: one], yaml: otherInFile)))
        #expect(setting.holds(other, in: try read(environment: [variable: other], yaml: oneInFile)))
    }

    @Test(arguments: table.settings.filter { $0.badExample != nil })
    func aBadValueIsRefusedNamingItsSource(setting: Setting<ServerConfiguration>) throws {
        let bad = try #require(setting.badExample)
        for (name, source) in Self.sources(setting.key, bad) {
            do {
                _ = try read(source)
                Issue.record("\(name) = \"\(bad)\" was taken")
            } catch {
                #expect(error.description.hasPrefix("\(name): "), "\(error.description)")
            }
        }
    }
}
