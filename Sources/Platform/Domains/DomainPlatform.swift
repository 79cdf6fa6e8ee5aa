import Foundation
import Logging

/// What the server gives every domain to stand on: the durable store, the event bus,
/// the metrics, a logger and the clock. Built once at start-up, the same for every domain.
public struct DomainPlatform: Sendable {
    public let database: any Database
    public let bus: any EventBus
    public let metrics: GatewayMetrics
    public let logger: Logger
    public let now: @Sendable () -> Date

    public init(
        database: any Database, bus: any EventBus, metrics: GatewayMetrics, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.bus = bus
        self.metrics = metrics
        self.logger = logger
        self.now = now
    }
}
