import Resolvers

import Settings

/// A domain the server can be composed of: `Domain`, its settings, and how to make it
/// from the platform and them.
public protocol ServableDomain: Domain {
    /// The domain's settings, whose section is declared with the domain.
    associatedtype Settings: DomainSettingsSection
    init(on platform: DomainPlatform, settings: Settings) throws
}

extension ServableDomain {
    /// The domain's settings section, as the server's configuration keeps it.
    static var configurationSection: SettingsSection<ServerConfiguration> {
        Settings.section.embedded(in: \ServerConfiguration.domains[DomainSettings.Key<Settings>()])
    }

    static func make(on platform: DomainPlatform, configuration: ServerConfiguration) throws -> any Domain {
        try Self(on: platform, settings: configuration.domains[Settings.self])
    }
}

/// The domains this server serves, in the order `features` lists them. Adding a domain
/// is adding it here: its settings, migrations, resolvers, jobs and readiness checks
/// follow.
public enum ServedDomains {
    public static let all: [any ServableDomain.Type] = [NotificationsDomain.self]

    /// Every domain's settings section, in `--help` order.
    static var settingsSections: [SettingsSection<ServerConfiguration>] { all.map { $0.configurationSection } }

    /// Every domain's migrations, in the one sequence the database records.
    public static var migrator: Migrator { Migrator(migrations: all.flatMap { $0.migrations }) }

    /// Each domain, made on `platform`.
    public static func make(on platform: DomainPlatform, configuration: ServerConfiguration) throws -> [any Domain] {
        try all.map { try $0.make(on: platform, configuration: configuration) }
    }
}
