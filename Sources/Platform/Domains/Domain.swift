/// A domain of the product (notifications, presence, calls, exports) as the server runs
/// it, declared in one place: its settings, its tables' migrations, its resolvers, its
/// work on timers and what `/ready` asks of it. The server is composed from a list of
/// domains, so adding one touches that list and nothing else; `realtimeStatus.features`
/// lists the domains served.
public protocol Domain: Sendable {
    /// The domain's settings, whose section (`<domain>.*`) is declared with the domain.
    associatedtype Settings: DomainSettingsSection
    /// The domain's name, as `features` lists it.
    static var name: String { get }
    /// Its tables' migrations, numbered in its own hundred (notifications 100+), run
    /// in one sequence with every other domain's.
    static var migrations: [Migration] { get }
    /// The domain, standing on `platform`, as `settings` say.
    init(on platform: DomainPlatform, settings: Settings) throws
    /// Adds the resolvers of its fields.
    func register(into resolvers: inout ResolverTable<RequestContext>)
    /// Work on timers, for as long as the server runs.
    var jobs: [PeriodicJob] { get }
    /// What `/ready` asks before the server takes traffic.
    var readiness: [ReadinessCheck] { get }
}

extension Domain {
    public var jobs: [PeriodicJob] { [] }
    public var readiness: [ReadinessCheck] { [] }
}
