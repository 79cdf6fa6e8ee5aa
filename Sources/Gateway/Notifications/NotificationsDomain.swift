import Foundation
import GraphQLEngine
import Logging
import Resolvers
import ServiceLifecycle

/// The notifications domain as the server runs it: the service behind the schema's
/// fields, the outbox worker with its provider, and their timers.
public struct NotificationsDomain: Sendable {
    public let service: NotificationService
    public let outbox: OutboxWorker
    let database: any Database
    let logger: Logger
    let now: @Sendable () -> Date

    public init(
        database: any Database, bus: any EventBus, provider: any DeliveryProvider,
        settings: NotificationService.Settings = .init(), outbox: OutboxWorker.Settings = .init(),
        logger: Logger = Logger(label: "switchboard.notifications"), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.logger = logger
        self.now = now
        service = NotificationService(database: database, bus: bus, settings: settings, logger: logger, now: now)
        self.outbox = OutboxWorker(database: database, provider: provider, settings: outbox, logger: logger)
    }

    public func register(into resolvers: inout Resolvers) {
        NotificationResolvers.register(into: &resolvers, service: service)
    }

    /// The outbox every `outboxInterval` (its outcomes counted in `metrics`), and the
    /// purge of expired notifications every `purgeInterval`.
    public func jobs(
        outboxInterval: Duration, purgeInterval: Duration = .seconds(60), metrics: GatewayMetrics? = nil
    ) -> [any Service] {
        let outbox = self.outbox
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

    /// `/ready` asks whether the database answers.
    public var readiness: ReadinessCheck {
        let database = self.database
        return ReadinessCheck(name: "database") { await database.isReachable() }
    }
}
