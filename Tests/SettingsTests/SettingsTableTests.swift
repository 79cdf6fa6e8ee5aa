import Foundation
import Settings
import Testing

/// Declared settings read from the three sources, with a domain's section embedded.
@Suite struct SettingsTableTests {
    let table = SampleConfiguration.table

    func load(
        flags: [String: String] = [:], environment: [String: String] = [:], yaml: String? = nil
    ) throws(SettingsError) -> SampleConfiguration {
        try table.load(flags: flags, environment: environment, yaml: yaml, into: SampleConfiguration())
    }

    @Test func anEmbeddedSectionKeepsItsKeysAndFillsItsPlace() throws {
        #expect(table.settings.map(\.key) == ["port", "limits.timeout", "mail.transport", "mail.server"])
        let configuration = try load(
            environment: ["SWITCHBOARD_MAIL_TRANSPORT": "SMTP"], yaml: "mail: {server: smtp://mail.example}")
        #expect(configuration.mail.transport == .smtp)
        #expect(configuration.mail.server == URL(string: "smtp://mail.example"))
    }

    @Test func aSectionChecksItsSettingsTogetherOnceAllAreRead() throws {
        #expect(throws: SettingsError("--mail-transport smtp needs mail.server")) {
            try load(flags: ["mail.transport": "smtp"])
        }
        let read = try table.read(
            table.values(flags: ["mail.transport": "smtp"], environment: [:], yaml: nil), into: SampleConfiguration())
        #expect(read.mail.transport == .smtp)
    }

    @Test func anEmptyValueLeavesTheDefault() throws {
        #expect(try load(flags: ["port": ""]).port == 8080)
    }

    @Test func zeroTurnsAnOptionalLimitOff() throws {
        #expect(try load(flags: ["limits.timeout": "0"]).timeout == nil)
        #expect(try load(flags: ["limits.timeout": "2m"]).timeout == .seconds(120))
    }

    @Test func anUnknownYAMLKeyNamesItselfAndTheClosestSetting() {
        #expect(
            throws: SettingsError(
                "sample.yaml: mail.transprot is not a setting; did you mean mail.transport? (see switchboard serve --help)"
            )
        ) {
            try load(yaml: "mail:\n  transprot: smtp\n")
        }
        #expect(throws: SettingsError("sample.yaml: colour is not a setting (see switchboard serve --help)")) {
            try load(yaml: "colour: blue")
        }
    }

    @Test func anUnknownVariableIsListedNotRefused() throws {
        let values = try table.values(
            flags: [:], environment: ["SWITCHBOARD_PROT": "1", "SWITCHBOARD_PORT": "81", "PATH": "/bin"], yaml: nil)
        #expect(values.unknownVariables == ["SWITCHBOARD_PROT"])
        #expect(values["port"]?.text == "81")
        #expect(values["port"]?.source == "SWITCHBOARD_PORT")
    }

    @Test func helpListsEveryFlagWithItsDefaultBySection() {
        let help = table.help(defaults: SampleConfiguration())
        #expect(
            help == """
                Server:
                  --port <number>         The port to listen on. Default: 8080.
                  --limits-timeout <duration>
                                          How long an operation may run; 0 for no limit.
                                          Default: 30s.

                Mail:
                  --mail-transport <log|smtp>
                                          How mail leaves. Default: log.
                  --mail-server <url>     The SMTP server.
                """)
    }
}
