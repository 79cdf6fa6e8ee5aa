import Foundation
import GraphQLEngine
import Logging
import Platform
import ServiceLifecycle

/// The notifications domain as the server runs it: the service behind the schema's
/// fields, the outbox worker with its provider, and their timers.
public struct NotificationsDomain: Domain {
    public static let name = "notifications"
    public static let migrations = NotificationMigrations.all

    public let service: NotificationService
    public let outbox: OutboxWorker
    let database: any Database
    let logger: Logger
    let now: @Sendable () -> Date
    /// How often the outbox looks for due deliveries, and the purge for expired ones.
    let outboxInterval: Duration
    let purgeInterval: Duration
    let metrics: GatewayMetrics?

    public init(
        database: any Database, bus: any EventBus, provider: any DeliveryProvider,
        settings: NotificationService.Settings = .init(), outbox: OutboxWorker.Settings = .init(),
        outboxInterval: Duration = .seconds(1), purgeInterval: Duration = .seconds(60), metrics: GatewayMetrics? = nil,
        logger: Logger = Logger(label: "switchboard.notifications"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.outboxInterval = outboxInterval
        self.purgeInterval = purgeInterval
        self.metrics = metrics
        self.logger = logger
        self.now = now
        service = NotificationService(database: database, bus: bus, settings: settings, logger: logger, now: now)
        self.outbox = OutboxWorker(database: database, provider: provider, settings: outbox, logger: logger)
    }

    public func register(into resolvers: inout ResolverTable<RequestContext>) {
        NotificationResolvers.register(into: &resolvers, service: service)
    }

    /// The outbox every `outboxInterval` (its outcomes counted in `metrics`), and the
    /// purge of expired notifications every `purgeInterval`.
    public var jobs: [PeriodicJob] {
        let outbox = self.outbox
        let metrics = self.metrics
        let service = self.service
        let now = self.now
        let logger = self.logger
        return [
            PeriodicJob(name: "The notification outbox", every: outboxInterval, logger: logger) {
                let report = try await outbox.runOnce(at: now())
                metrics?.recordDeliveries(report)
            },
            PeriodicJob(name: "The purge of expired notifications", every: purgeInterval, logger: logger) {
                let purged = try await service.purgeExpired()
                if purged > 0 { logger.info("Purged expired notifications", metadata: ["count": "\(purged)"]) }
            },
        ]
    }
}

extension NotificationsDomain {
    /// The domain on `platform`, delivering through the provider `notifications.*` sets.
    public init(on platform: DomainPlatform, settings: NotificationSettings) throws {
        self.init(
            database: platform.database, bus: platform.bus,
            provider: try settings.makeDeliveryProvider(logger: platform.logger),
            settings: .init(batchWindow: settings.batchWindow), outbox: .init(maxAttempts: settings.maxAttempts),
            outboxInterval: settings.outboxInterval, metrics: platform.metrics, logger: platform.logger,
            now: platform.now)
    }
}

extension NotificationSettings: DomainSettingsSection {}
