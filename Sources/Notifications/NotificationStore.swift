import Foundation
import Platform
import SQLKit

/// The notifications domain's SQL, on one connection (often inside a transaction the
/// service holds). Every query is scoped to one owner, a user within a tenant: no method
/// reads or changes another user's rows.
struct NotificationStore: Sendable {
    let db: any SQLDatabase

    /// A user within a tenant: whose rows a query may touch.
    struct Owner: Sendable, Hashable {
        var tenant: String
        var userId: String
    }

    /// What a page of notifications is asked for.
    struct PageQuery: Sendable, Equatable {
        var filter = Filter()
        /// Only notifications after (newer than) this id.
        var after: Int64?
        /// Only notifications before (older than) this id.
        var before: Int64?
        /// How many, and from which end: the oldest after `after`, or the newest before
        /// `before`.
        var limit: Int
        var fromNewest: Bool
    }

    struct Filter: Sendable, Equatable {
        var types: [NotificationType]?
        var unreadOnly = false
        var minPriority: NotificationPriority?
    }

    /// One page, oldest first, and whether more lie beyond either end.
    struct Page: Sendable {
        var notifications: [NotificationRecord]
        var hasNewer: Bool
        var hasOlder: Bool
    }

    // MARK: Reading

    func page(for owner: Owner, _ query: PageQuery, now: Date) async throws -> Page {
        var select = listed(for: owner, filter: query.filter, now: now)
        if let after = query.after { select = select.where("id", .greaterThan, after) }
        if let before = query.before { select = select.where("id", .lessThan, before) }
        let rows = try await select.orderBy("id", query.fromNewest ? .descending : .ascending)
            .limit(query.limit + 1).all()
        var notifications = try rows.prefix(query.limit).map(Self.notification)
        let more = rows.count > query.limit
        if query.fromNewest { notifications.reverse() }
        // Whether anything lies on the far side of the cursor the page started from.
        var beyondStart = false
        if query.fromNewest, let before = query.before {
            beyondStart = try await exists(
                listed(for: owner, filter: query.filter, now: now).where("id", .greaterThanOrEqual, before))
        } else if !query.fromNewest, let after = query.after {
            beyondStart = try await exists(
                listed(for: owner, filter: query.filter, now: now).where("id", .lessThanOrEqual, after))
        }
        return query.fromNewest
            ? Page(notifications: notifications, hasNewer: beyondStart, hasOlder: more)
            : Page(notifications: notifications, hasNewer: more, hasOlder: beyondStart)
    }

    func count(for owner: Owner, filter: Filter, unreadOnly: Bool = false, now: Date) async throws -> Int {
        var select = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("notifications")
        select = scoped(select, to: owner, filter: filter, now: now)
        if unreadOnly { select = select.where("read_at", .is, SQLLiteral.null) }
        guard let row = try await select.first() else { return 0 }
        return Int(try row.decode(column: "n", as: Int64.self))
    }

    func notification(_ id: Int64, for owner: Owner, now: Date) async throws -> NotificationRecord? {
        try await listed(for: owner, filter: Filter(), now: now).where("id", .equal, id).first().map(Self.notification)
    }

    /// The ids of the owner's listed notifications that `filter` matches, for changes
    /// made to all of them at once.
    func ids(for owner: Owner, unreadOnly: Bool = false, readOnly: Bool = false, now: Date) async throws -> [Int64] {
        var select = db.select().column("id").from("notifications")
        select = scoped(select, to: owner, filter: Filter(), now: now)
        if unreadOnly { select = select.where("read_at", .is, SQLLiteral.null) }
        if readOnly { select = select.where("read_at", .isNot, SQLLiteral.null) }
        return try await select.orderBy("id").all().map { try $0.decode(column: "id", as: Int64.self) }
    }

    /// The unread notification of `type` and `groupKey` created since `since`, that a
    /// new one joins instead of standing alone.
    func groupCandidate(
        for owner: Owner, type: NotificationType, groupKey: String, since: Date, now: Date
    ) async throws -> NotificationRecord? {
        try await listed(for: owner, filter: Filter(), now: now)
            .where("type", .equal, type.rawValue).where("group_key", .equal, groupKey)
            .where("read_at", .is, SQLLiteral.null).where("created_at", .greaterThanOrEqual, Self.millis(since))
            .orderBy("id", .descending).first().map(Self.notification)
    }

    /// Notifications by id, whoever owns them: for the outbox, which acts for the system.
    func notifications(ids: [Int64]) async throws -> [NotificationRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.select().column("*").from("notifications").where("id", .in, ids).orderBy("id").all()
            .map(Self.notification)
    }

    // MARK: Writing

    /// Stores a new notification and returns it with its id.
    func insert(_ notification: NotificationRecord) async throws -> NotificationRecord {
        let row = try await db.insert(into: "notifications")
            .columns(
                "tenant", "user_id", "type", "title", "body", "action_url", "metadata", "priority", "read_at",
                "created_at", "updated_at", "expires_at", "actor_id", "actor_name", "actor_avatar_url", "group_key",
                "group_size", "actors", "actor_count", "in_app"
            )
            .values(
                SQLBind(notification.tenant), SQLBind(notification.userId), SQLBind(notification.type.rawValue),
                SQLBind(notification.title), SQLBind(notification.body), SQLBind(notification.actionUrl),
                SQLBind(notification.metadata), SQLBind(Int64(notification.priority.rank)),
                SQLBind(notification.readAt.map(Self.millis)), SQLBind(Self.millis(notification.createdAt)),
                SQLBind(Self.millis(notification.updatedAt)), SQLBind(notification.expiresAt.map(Self.millis)),
                SQLBind(notification.actor?.id), SQLBind(notification.actor?.displayName),
                SQLBind(notification.actor?.avatarUrl), SQLBind(notification.groupKey),
                SQLBind(Int64(notification.groupSize)), SQLBind(Self.actorsJSON(notification.actors)),
                SQLBind(Int64(notification.actorCount)), SQLBind(Int64(notification.inApp ? 1 : 0))
            )
            .returning("id").first()
        guard let row else { throw StoreError.noRowReturned("notifications") }
        var stored = notification
        stored.id = try row.decode(column: "id", as: Int64.self)
        return stored
    }

    /// Writes what grouping changed in a notification.
    func updateGroup(_ notification: NotificationRecord) async throws {
        try await db.update("notifications")
            .set("title", to: notification.title).set("body", to: notification.body)
            .set("action_url", to: notification.actionUrl).set("metadata", to: notification.metadata)
            .set("priority", to: Int64(notification.priority.rank))
            .set("updated_at", to: Self.millis(notification.updatedAt))
            .set("expires_at", to: notification.expiresAt.map(Self.millis))
            .set("actor_id", to: notification.actor?.id).set("actor_name", to: notification.actor?.displayName)
            .set("actor_avatar_url", to: notification.actor?.avatarUrl)
            .set("group_size", to: Int64(notification.groupSize))
            .set("actors", to: Self.actorsJSON(notification.actors))
            .set("actor_count", to: Int64(notification.actorCount))
            .where("id", .equal, notification.id).run()
    }

    /// Marks notifications read (those still unread keep their first read time).
    func markRead(_ ids: [Int64], for owner: Owner, at now: Date) async throws {
        guard !ids.isEmpty else { return }
        try await db.update("notifications").set("read_at", to: Self.millis(now))
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("id", .in, ids).where("read_at", .is, SQLLiteral.null).run()
    }

    /// Deletes notifications and their deliveries.
    func delete(_ ids: [Int64], for owner: Owner) async throws {
        guard !ids.isEmpty else { return }
        try await db.delete(from: "notification_deliveries")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("notification_id", .in, ids).run()
        try await db.delete(from: "notifications")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("id", .in, ids).run()
    }

    /// Deletes every notification that expired by `now`, with its deliveries; returns
    /// how many.
    func purgeExpired(at now: Date) async throws -> Int {
        let expired = try await db.select().column("id").from("notifications")
            .where("expires_at", .lessThanOrEqual, Self.millis(now)).all()
            .map { try $0.decode(column: "id", as: Int64.self) }
        for chunk in stride(from: 0, to: expired.count, by: 500) {
            let ids = Array(expired[chunk..<min(chunk + 500, expired.count)])
            try await db.delete(from: "notification_deliveries").where("notification_id", .in, ids).run()
            try await db.delete(from: "notifications").where("id", .in, ids).run()
        }
        return expired.count
    }

    // MARK: Members

    /// Records that the user was seen in the tenant, so tenant-wide notifications reach
    /// them.
    func touchMember(_ owner: Owner, at now: Date) async throws {
        try await db.insert(into: "tenant_members").columns("tenant", "user_id", "last_seen_at")
            .values(SQLBind(owner.tenant), SQLBind(owner.userId), SQLBind(Self.millis(now)))
            .onConflict(with: ["tenant", "user_id"]) { $0.set(excludedValueOf: "last_seen_at") }
            .run()
    }

    func members(of tenant: String) async throws -> [String] {
        try await db.select().column("user_id").from("tenant_members").where("tenant", .equal, tenant)
            .orderBy("user_id").all().map { try $0.decode(column: "user_id", as: String.self) }
    }

    // MARK: Helpers

    /// The owner's notifications a client may see: in-app, and not expired.
    private func listed(for owner: Owner, filter: Filter, now: Date) -> SQLSelectBuilder {
        scoped(db.select().column("*").from("notifications"), to: owner, filter: filter, now: now)
    }

    private func scoped(_ select: SQLSelectBuilder, to owner: Owner, filter: Filter, now: Date) -> SQLSelectBuilder {
        var select = select.where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("in_app", .equal, Int64(1))
            .where { group in
                group.where("expires_at", .is, SQLLiteral.null).orWhere("expires_at", .greaterThan, Self.millis(now))
            }
        if let types = filter.types { select = select.where("type", .in, types.map(\.rawValue)) }
        if filter.unreadOnly { select = select.where("read_at", .is, SQLLiteral.null) }
        if let minimum = filter.minPriority {
            select = select.where("priority", .greaterThanOrEqual, Int64(minimum.rank))
        }
        return select
    }

    private func exists(_ select: SQLSelectBuilder) async throws -> Bool {
        try await select.limit(1).first() != nil
    }

    static func millis(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    static func actorsJSON(_ actors: [NotificationActor]) -> String? {
        guard !actors.isEmpty, let data = try? JSONEncoder().encode(actors) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    static func notification(_ row: any SQLRow) throws -> NotificationRecord {
        let type = try row.decode(column: "type", as: String.self)
        let rank = try row.decode(column: "priority", as: Int64.self)
        guard let kind = NotificationType(rawValue: type), let priority = NotificationPriority(rank: Int(rank)) else {
            throw StoreError.corrupt("notification of type \(type), priority \(rank)")
        }
        let actorId = try row.decode(column: "actor_id", as: String?.self)
        let actorName = try row.decode(column: "actor_name", as: String?.self)
        let actors = try row.decode(column: "actors", as: String?.self)
            .flatMap { try? JSONDecoder().decode([NotificationActor].self, from: Data($0.utf8)) }
        return NotificationRecord(
            id: try row.decode(column: "id", as: Int64.self),
            tenant: try row.decode(column: "tenant", as: String.self),
            userId: try row.decode(column: "user_id", as: String.self),
            type: kind,
            title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String?.self),
            actionUrl: try row.decode(column: "action_url", as: String?.self),
            metadata: try row.decode(column: "metadata", as: String?.self),
            priority: priority,
            readAt: try row.decode(column: "read_at", as: Int64?.self).map(date),
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: date(try row.decode(column: "updated_at", as: Int64.self)),
            expiresAt: try row.decode(column: "expires_at", as: Int64?.self).map(date),
            actor: actorId.map {
                NotificationActor(
                    id: $0, displayName: actorName ?? $0,
                    avatarUrl: try? row.decode(column: "actor_avatar_url", as: String?.self))
            },
            groupKey: try row.decode(column: "group_key", as: String?.self),
            groupSize: Int(try row.decode(column: "group_size", as: Int64.self)),
            actors: actors ?? [],
            actorCount: Int(try row.decode(column: "actor_count", as: Int64.self)),
            inApp: try row.decode(column: "in_app", as: Int64.self) != 0)
    }
}

/// A store found what should not be: the database answered but not as the schema says.
enum StoreError: Error, CustomStringConvertible {
    case noRowReturned(String)
    case corrupt(String)

    var description: String {
        switch self {
        case .noRowReturned(let table): "insert into \(table) returned no row"
        case .corrupt(let what): "unreadable row: \(what)"
        }
    }
}
