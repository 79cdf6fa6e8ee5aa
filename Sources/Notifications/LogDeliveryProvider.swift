import Logging
import Platform

/// Delivers by writing one log line per delivery: what runs in development, and until
/// a real provider is configured, so the outbox's work can be seen.
public struct LogDeliveryProvider: DeliveryProvider {
    public let name = "log"
    private let logger: Logger

    public init(logger: Logger) {
        self.logger = logger
    }

    public func deliver(_ delivery: OutboundDelivery) async throws {
        let kind = delivery.isDigest ? "digest" : delivery.channel.rawValue.lowercased()
        logger.info(
            "Delivered \(kind) \(delivery.id) to \(delivery.userId)",
            metadata: [
                "delivery": "\(delivery.id)",
                "channel": "\(delivery.channel.rawValue)",
                "tenant": "\(delivery.tenant)",
                "user": "\(delivery.userId)",
                "attempt": "\(delivery.attempt)",
                "notifications": "\(delivery.notifications.map(\.id).joined(separator: ","))",
            ])
    }
}
