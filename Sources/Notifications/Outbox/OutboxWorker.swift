import Foundation
import Logging
import Platform

/// Sends what the outbox holds: each due delivery gets one attempt through the
/// provider, and its record says what came of it. A failed attempt is tried again after
/// a backoff that doubles (30s, 1m, 2m, … up to an hour) until `maxAttempts`; then the
/// delivery is FAILED. Due digest emails of one user go out together, as one delivery.
///
/// The worker is driven from outside (`runOnce(at:)`), so tests pass the time in; the
/// gateway runs it on a timer. Deliveries are claimed before they are attempted, so
/// workers on several instances never send one twice.
public struct OutboxWorker: Sendable {
    public struct Settings: Sendable {
        public var maxAttempts: Int
        public var firstBackoff: Duration
        public var maxBackoff: Duration
        /// How long a claimed delivery is held from other workers while it is tried.
        public var lease: Duration
        /// Deliveries taken per run.
        public var batchSize: Int

        public init(
            maxAttempts: Int = 5, firstBackoff: Duration = .seconds(30), maxBackoff: Duration = .seconds(3_600),
            lease: Duration = .seconds(60), batchSize: Int = 100
        ) {
            self.maxAttempts = maxAttempts
            self.firstBackoff = firstBackoff
            self.maxBackoff = maxBackoff
            self.lease = lease
            self.batchSize = batchSize
        }
    }

    /// What one run did, by delivery.
    public struct Report: Sendable, Equatable {
        public var sent = 0
        public var retrying = 0
        public var failed = 0
        public var suppressed = 0

        public init(sent: Int = 0, retrying: Int = 0, failed: Int = 0, suppressed: Int = 0) {
            self.sent = sent
            self.retrying = retrying
            self.failed = failed
            self.suppressed = suppressed
        }

        public var total: Int { sent + retrying + failed + suppressed }
    }

    let database: any Database
    let provider: any DeliveryProvider
    let settings: Settings
    let logger: Logger

    public init(
        database: any Database, provider: any DeliveryProvider, settings: Settings = Settings(),
        logger: Logger = Logger(label: "switchboard.outbox")
    ) {
        self.database = database
        self.provider = provider
        self.settings = settings
        self.logger = logger
    }

    /// The wait before attempt `attempts + 1`, after `attempts` failed.
    public func backoff(after attempts: Int) -> Duration {
        var wait = settings.firstBackoff
        for _ in 1..<max(attempts, 1) {
            wait *= 2
            if wait >= settings.maxBackoff { return settings.maxBackoff }
        }
        return min(wait, settings.maxBackoff)
    }

    /// Attempts every delivery due at `now` once.
    @discardableResult
    public func runOnce(at now: Date) async throws -> Report {
        let due = try await database.withConnection { db in
            try await NotificationStore(db: db).dueDeliveries(at: now, limit: settings.batchSize)
        }
        var report = Report()
        for batch in Self.batches(due) {
            try await attempt(batch, at: now, report: &report)
        }
        return report
    }

    /// Digest emails of one user make one batch; every other delivery is its own.
    static func batches(_ deliveries: [Delivery]) -> [[Delivery]] {
        var batches: [[Delivery]] = []
        var digestIndex: [NotificationStore.Owner: Int] = [:]
        for delivery in deliveries {
            guard delivery.isDigest else {
                batches.append([delivery])
                continue
            }
            let owner = NotificationStore.Owner(tenant: delivery.tenant, userId: delivery.userId)
            if let index = digestIndex[owner] {
                batches[index].append(delivery)
            } else {
                digestIndex[owner] = batches.count
                batches.append([delivery])
            }
        }
        return batches
    }

    private func attempt(_ batch: [Delivery], at now: Date, report: inout Report) async throws {
        let lease = settings.lease
        let (claimed, notifications, devices) = try await database.withConnection { db in
            let store = NotificationStore(db: db)
            var claimed: [Delivery] = []
            for delivery in batch {
                if let taken = try await store.claim(delivery, at: now, lease: lease) { claimed.append(taken) }
            }
            let notifications = try await store.notifications(ids: claimed.map(\.notificationId))
            let devices: [Device]
            if let first = claimed.first, first.channel == .push {
                devices = try await store.pushTargets(tenant: first.tenant, userId: first.userId)
            } else {
                devices = []
            }
            return (claimed, notifications, devices)
        }
        guard let first = claimed.first else { return }
        let present = Set(notifications.map(\.id))
        var live: [Delivery] = []
        for delivery in claimed {
            if present.contains(delivery.notificationId) {
                live.append(delivery)
            } else {
                try await finish([delivery], .suppressed, reason: .deleted, error: nil, next: nil, at: now)
                report.suppressed += 1
            }
        }
        guard !live.isEmpty else { return }
        if first.channel == .push, devices.isEmpty {
            try await finish(live, .suppressed, reason: .noDevice, error: nil, next: nil, at: now)
            report.suppressed += live.count
            return
        }
        let outbound = OutboundDelivery(
            id: first.id, channel: first.channel, tenant: first.tenant, userId: first.userId,
            attempt: live.map(\.attempts).max() ?? 1, isDigest: first.isDigest,
            notifications: notifications.map(OutboundNotification.init),
            devices: devices.map { OutboundDevice(token: $0.token, platform: $0.platform.rawValue) })
        do {
            try await provider.deliver(outbound)
            try await finish(live, .sent, reason: nil, error: nil, next: nil, at: now)
            report.sent += live.count
        } catch {
            let failure = error as? DeliveryFailure ?? DeliveryFailure("\(error)")
            let attempts = outbound.attempt
            if failure.retryable, attempts < settings.maxAttempts {
                let next = now.addingTimeInterval(NotificationStore.seconds(backoff(after: attempts)))
                try await finish(live, .pending, reason: nil, error: failure.description, next: next, at: now)
                report.retrying += live.count
                logger.warning(
                    "Delivery failed; will retry",
                    metadata: ["delivery": "\(first.id)", "attempt": "\(attempts)", "error": "\(failure)"])
            } else {
                try await finish(live, .failed, reason: nil, error: failure.description, next: nil, at: now)
                report.failed += live.count
                logger.error(
                    "Delivery failed for good",
                    metadata: ["delivery": "\(first.id)", "attempts": "\(attempts)", "error": "\(failure)"])
            }
        }
    }

    private func finish(
        _ deliveries: [Delivery], _ status: DeliveryStatus, reason: SuppressionReason?, error: String?, next: Date?,
        at now: Date
    ) async throws {
        let provider = provider.name
        try await database.transaction { db in
            let store = NotificationStore(db: db)
            for delivery in deliveries {
                try await store.finish(
                    delivery, status: status, reason: reason, error: error, nextAttemptAt: next,
                    provider: status == .suppressed ? nil : provider, at: now)
            }
        }
    }
}

extension OutboundNotification {
    init(_ notification: NotificationRecord) {
        self.init(
            id: String(notification.id), type: notification.type.rawValue, title: notification.summary,
            body: notification.body, actionUrl: notification.actionUrl, priority: notification.priority.rawValue,
            createdAt: notification.createdAt, metadata: notification.metadataValue)
    }
}
