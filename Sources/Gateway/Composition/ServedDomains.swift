import Resolvers

/// A domain the server can be composed of: `Domain`, and how to make it from the platform
/// and the configuration.
public protocol ServableDomain: Domain {
    static func make(on platform: DomainPlatform, configuration: ServerConfiguration) throws -> Self
}

/// The domains this server serves, in the order `features` lists them. Adding a domain
/// is adding it here: its migrations, resolvers, jobs and readiness checks follow.
public enum ServedDomains {
    public static let all: [any ServableDomain.Type] = [NotificationsDomain.self]

    /// Every domain's migrations, in the one sequence the database records.
    public static var migrator: Migrator { Migrator(migrations: all.flatMap { $0.migrations }) }

    /// Each domain, made on `platform`.
    public static func make(on platform: DomainPlatform, configuration: ServerConfiguration) throws -> [any Domain] {
        try all.map { try $0.make(on: platform, configuration: configuration) }
    }
}
