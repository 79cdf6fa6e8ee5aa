import Notifications
import Platform
import Settings

extension Domain {
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
    public static let all: [any Domain.Type] = [NotificationsDomain.self]

    /// Every domain's settings section, in `--help` order.
    static var settingsSections: [SettingsSection<ServerConfiguration>] { all.map { $0.configurationSection } }

    /// Every domain's migrations, in the one sequence the database records.
    public static var migrator: Migrator { Migrator(migrations: all.flatMap { $0.migrations }) }

    /// Each domain, made on `platform`.
    public static func make(on platform: DomainPlatform, configuration: ServerConfiguration) throws -> [any Domain] {
        try all.map { try $0.make(on: platform, configuration: configuration) }
    }
}
