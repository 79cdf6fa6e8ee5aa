import Foundation
import Settings

/// A small configuration to try the declarations on: a top-level setting, and a
/// "domain" section declared on its own type and embedded.
struct SampleConfiguration: Sendable {
    var port = 8080
    var timeout: Duration? = .seconds(30)
    var mail = MailSettings()

    static let table = SettingsTable<SampleConfiguration>([
        SettingsSection(
            nil, title: "Server",
            settings: [
                Setting(
                    "port", \.port, .int(0...65_535), help: "The port to listen on.", examples: ["9090", "0"],
                    bad: "eighty"),
                Setting(
                    "limits.timeout", \.timeout, SettingParser.duration.zeroMeansNone,
                    help: "How long an operation may run; 0 for no limit.", examples: ["5s", "0"], bad: "soon"),
            ]),
        MailSettings.section.embedded(in: \.mail),
    ])
}

/// A domain's settings, with a check across two of them.
struct MailSettings: Sendable, Equatable {
    enum Transport: String, Sendable, CaseIterable { case log, smtp }
    var transport = Transport.log
    var server: URL?

    static let section = SettingsSection<MailSettings>(
        "mail", title: "Mail",
        settings: [
            Setting(
                "transport", \.transport, .oneOf(Transport.allCases), help: "How mail leaves.", examples: ["smtp"],
                bad: "pigeon"),
            Setting(
                "server", \.server, SettingParser.url(schemes: ["smtp"]).optional, help: "The SMTP server.",
                examples: ["smtp://mail.example"], bad: "http://mail.example"),
        ],
        finish: { mail, values throws(SettingsError) in
            if mail.transport == .smtp, mail.server == nil {
                throw SettingsError("\(values.source(of: "mail.transport")) smtp needs mail.server")
            }
        })
}

extension SettingsTable {
    /// Flags, variables and YAML (from `sample.yaml`) merged and loaded into `root`.
    func load(
        flags: [String: String] = [:], environment: [String: String] = [:], yaml: String? = nil, into root: Root
    ) throws(SettingsError) -> Root {
        try load(values(flags: flags, environment: environment, yaml: yaml.map { ($0, "sample.yaml") }), into: root)
    }
}
