import Foundation
import GraphQLEngine
import Logging
import Platform
import Synchronization

/// The notifications domain: a user's feed, their preferences and devices, and sending.
/// Every write is one transaction, committed before its event is published, so a
/// subscriber never hears of a notification the store does not have, and one that
/// reconnects catches up from the store.
public final class NotificationService: Sendable {
    public struct Settings: Sendable {
        /// How long after a notification a similar one (same type and group key) joins it.
        public var batchWindow: Duration
        /// The tenant of callers whose token names none.
        public var defaultTenant: String

        public init(batchWindow: Duration = .seconds(300), defaultTenant: String = "default") {
            self.batchWindow = batchWindow
            self.defaultTenant = defaultTenant
        }
    }

    let database: any Database
    let bus: any EventBus
    /// The bus's notification events, decoded once per event on this instance.
    let feed: EventFeed<NotificationEvent>
    let now: @Sendable () -> Date
    let settings: Settings
    let logger: Logger
    private let planner = DeliveryPlanner()
    /// Members already recorded by this instance, so a busy user costs one write.
    private let knownMembers = Mutex<Set<NotificationStore.Owner>>([])

    public init(
        database: any Database, bus: any EventBus, settings: Settings = Settings(),
        logger: Logger = Logger(label: "switchboard.notifications"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.bus = bus
        feed = EventFeed(bus: bus) { NotificationEvent(bytes: $0) }
        self.settings = settings
        self.logger = logger
        self.now = now
    }

    typealias Owner = NotificationStore.Owner

    /// The signed-in caller as an owner of rows.
    func owner(_ context: RequestContext) throws(GraphQLError) -> Owner {
        guard let user = context.user else {
            throw GraphQLError(message: "Sign in to read or change notifications.", code: "UNAUTHENTICATED")
        }
        return Owner(tenant: context.tenant ?? settings.defaultTenant, userId: user)
    }

    // MARK: The feed

    func page(_ query: NotificationStore.PageQuery, for owner: Owner) async throws -> NotificationConnection {
        try await remember(owner)
        let at = now()
        let page = try await database.withConnection { db in
            try await NotificationStore(db: db).page(for: owner, query, now: at)
        }
        return NotificationConnection(page: page, owner: owner, filter: query.filter, service: self)
    }

    func count(for owner: Owner, filter: NotificationStore.Filter, unreadOnly: Bool) async throws -> Int {
        let at = now()
        return try await database.withConnection { db in
            try await NotificationStore(db: db).count(for: owner, filter: filter, unreadOnly: unreadOnly, now: at)
        }
    }

    func notification(_ id: Int64, for owner: Owner) async throws -> NotificationRecord? {
        let at = now()
        return try await database.withConnection { db in
            try await NotificationStore(db: db).notification(id, for: owner, now: at)
        }
    }

    /// Marks one notification read, and tells the user's other devices.
    func markRead(_ id: Int64, for owner: Owner) async throws -> NotificationRecord {
        let at = now()
        let (read, unread) = try await database.transaction { db in
            let store = NotificationStore(db: db)
            guard try await store.notification(id, for: owner, now: at) != nil else {
                throw Self.notFound(id)
            }
            try await store.markRead([id], for: owner, at: at)
            let read = try await store.notification(id, for: owner, now: at)
            let unread = try await store.count(for: owner, filter: .init(), unreadOnly: true, now: at)
            return (read, unread)
        }
        guard let read else { throw Self.notFound(id) }
        await publish(
            .changed(NotificationChange(kind: .read, ids: [id], notification: read, unreadCount: unread)), to: owner)
        return read
    }

    /// Marks every unread notification read; returns how many.
    func markAllRead(for owner: Owner) async throws -> Int {
        let at = now()
        let ids = try await database.transaction { db in
            let store = NotificationStore(db: db)
            let ids = try await store.ids(for: owner, unreadOnly: true, now: at)
            try await store.markRead(ids, for: owner, at: at)
            return ids
        }
        if !ids.isEmpty {
            await publish(
                .changed(NotificationChange(kind: .read, ids: ids, notification: nil, unreadCount: 0)), to: owner)
        }
        return ids.count
    }

    /// Deletes one notification; false when the user has none such.
    func delete(_ id: Int64, for owner: Owner) async throws -> Bool {
        let at = now()
        let unread = try await database.transaction { db -> Int? in
            let store = NotificationStore(db: db)
            guard try await store.notification(id, for: owner, now: at) != nil else { return nil }
            try await store.delete([id], for: owner)
            return try await store.count(for: owner, filter: .init(), unreadOnly: true, now: at)
        }
        guard let unread else { return false }
        await publish(
            .changed(NotificationChange(kind: .deleted, ids: [id], notification: nil, unreadCount: unread)), to: owner)
        return true
    }

    /// Deletes every read notification; returns how many.
    func clearRead(for owner: Owner) async throws -> Int {
        let at = now()
        let (ids, unread) = try await database.transaction { db in
            let store = NotificationStore(db: db)
            let ids = try await store.ids(for: owner, readOnly: true, now: at)
            try await store.delete(ids, for: owner)
            return (ids, try await store.count(for: owner, filter: .init(), unreadOnly: true, now: at))
        }
        if !ids.isEmpty {
            await publish(
                .changed(NotificationChange(kind: .deleted, ids: ids, notification: nil, unreadCount: unread)),
                to: owner)
        }
        return ids.count
    }

    // MARK: Live events

    /// The user's events from now on: what the subscriptions stream.
    /// The owner's events from now on, decoded once on this instance however many of
    /// the owner's devices are subscribed here.
    func events(for owner: Owner) async throws -> AsyncStream<NotificationEvent> {
        try await remember(owner)
        return try await feed.subscribe(to: NotificationEvent.topic(for: owner))
    }

    func publish(_ event: NotificationEvent, to owner: Owner) async {
        await bus.publish(event.bytes, on: NotificationEvent.topic(for: owner))
    }

    // MARK: Housekeeping

    /// Deletes the notifications that expired; returns how many.
    public func purgeExpired() async throws -> Int {
        let at = now()
        return try await database.transaction { db in try await NotificationStore(db: db).purgeExpired(at: at) }
    }

    /// Records the caller as a member of their tenant, once per instance.
    func remember(_ owner: Owner) async throws {
        guard knownMembers.withLock({ !$0.contains(owner) }) else { return }
        let at = now()
        try await database.withConnection { db in try await NotificationStore(db: db).touchMember(owner, at: at) }
        knownMembers.withLock { _ = $0.insert(owner) }
    }

    static func notFound(_ id: Int64) -> GraphQLError {
        GraphQLError(message: "No notification \(id) of yours.", code: "NOT_FOUND")
    }
}
