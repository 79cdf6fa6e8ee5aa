import Foundation
import GraphQLEngine
import Logging
import Synchronization

@testable import Notifications
@testable import Platform

/// A clock the test moves by hand.
final class ManualClock: Sendable {
    private let current: Mutex<Date>

    /// Tuesday 2026-11-24 10:00 UTC unless told otherwise.
    init(_ start: Date = Date(timeIntervalSince1970: 1_795_514_400)) {
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    func set(_ date: Date) {
        current.withLock { $0 = date }
    }

    var source: @Sendable () -> Date { { self.now } }
}

/// A provider that records what it is given and fails as the test scripts it.
final class RecordingProvider: DeliveryProvider {
    private let state = Mutex<(delivered: [OutboundDelivery], failures: [DeliveryFailure])>(([], []))

    var name: String { "recording" }

    /// The next `failures.count` attempts fail with these, in order.
    func failNext(_ failures: [DeliveryFailure]) {
        state.withLock { $0.failures.append(contentsOf: failures) }
    }

    var delivered: [OutboundDelivery] { state.withLock { $0.delivered } }

    func deliver(_ delivery: OutboundDelivery) async throws {
        let failure: DeliveryFailure? = state.withLock { state in
            guard !state.failures.isEmpty else {
                state.delivered.append(delivery)
                return nil
            }
            return state.failures.removeFirst()
        }
        if let failure { throw failure }
    }
}

/// The notification service of a test: a database, the in-process bus and a manual clock.
struct NotificationHarness: Sendable {
    let service: NotificationService
    let outbox: OutboxWorker
    let provider: RecordingProvider
    let bus: InProcessEventBus
    let clock: ManualClock
    let database: any Database

    init(database: any Database, clock: ManualClock = ManualClock(), batchWindow: Duration = .seconds(300)) {
        var logger = Logger(label: "switchboard.test.notifications")
        logger.logLevel = .critical
        let bus = InProcessEventBus()
        let provider = RecordingProvider()
        self.database = database
        self.bus = bus
        self.clock = clock
        self.provider = provider
        service = NotificationService(
            database: database, bus: bus, settings: .init(batchWindow: batchWindow), logger: logger, now: clock.source)
        outbox = OutboxWorker(database: database, provider: provider, logger: logger)
    }

    static let admin = NotificationStore.Owner(tenant: "acme", userId: "ops")

    static func owner(_ user: String, tenant: String = "acme") -> NotificationStore.Owner {
        .init(tenant: tenant, userId: user)
    }

    /// Sends a notification of `type` to `users` of acme.
    @discardableResult
    func send(
        _ title: String, to users: [String], type: NotificationType = .mention,
        priority: NotificationPriority = .normal,
        actor: String? = nil, groupKey: String? = nil, expiresIn: TimeInterval? = nil
    ) async throws -> SendOutcome {
        try await service.send(
            SendRequest(
                audience: .users(users), type: type, title: title, priority: priority,
                expiresAt: expiresIn.map { clock.now.addingTimeInterval($0) },
                actor: actor.map { NotificationActor(id: $0.lowercased(), displayName: $0) }, groupKey: groupKey),
            from: Self.admin)
    }

    func page(_ user: String, _ arguments: [String: GraphQLEngine.InputValue] = [:]) async throws
        -> NotificationStore.Page
    {
        try await service.page(try NotificationInput.page(arguments), for: Self.owner(user)).page
    }

    func deliveries(_ notification: NotificationRecord) async throws -> [Delivery] {
        try await service.deliveries(of: [notification.id])[notification.id] ?? []
    }
}
