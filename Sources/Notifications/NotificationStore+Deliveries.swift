import Foundation
import Platform
import SQLKit

extension NotificationStore {
    /// Records the planned deliveries of a notification.
    func insertDeliveries(_ planned: [DeliveryPlanner.Planned], of notification: NotificationRecord, at now: Date)
        async throws
    {
        guard !planned.isEmpty else { return }
        var insert = db.insert(into: "notification_deliveries")
            .columns(
                "notification_id", "tenant", "user_id", "channel", "status", "reason", "attempts",
                "next_attempt_at", "digest", "created_at", "updated_at"
            )
        for delivery in planned {
            insert = insert.values(
                SQLBind(notification.id), SQLBind(notification.tenant), SQLBind(notification.userId),
                SQLBind(delivery.channel.rawValue), SQLBind(delivery.status.rawValue),
                SQLBind(delivery.reason?.rawValue), SQLBind(Int64(0)),
                SQLBind(delivery.nextAttemptAt.map(Self.millis)), SQLBind(Int64(delivery.isDigest ? 1 : 0)),
                SQLBind(Self.millis(now)), SQLBind(Self.millis(now))
            )
        }
        try await insert.run()
    }

    func deliveries(of notificationIds: [Int64]) async throws -> [Delivery] {
        guard !notificationIds.isEmpty else { return [] }
        return try await db.select().column("*").from("notification_deliveries")
            .where("notification_id", .in, notificationIds).orderBy("id").all().map(Self.delivery)
    }

    func delivery(_ id: Int64) async throws -> Delivery? {
        try await db.select().column("*").from("notification_deliveries").where("id", .equal, id).first()
            .map(Self.delivery)
    }

    /// Pushes recorded for the owner since `start` that were not held back: what the
    /// daily cap counts.
    func pushesCounted(for owner: Owner, since start: Date) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("notification_deliveries")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("channel", .equal, DeliveryChannel.push.rawValue)
            .where("status", .notEqual, DeliveryStatus.suppressed.rawValue)
            .where("created_at", .greaterThanOrEqual, Self.millis(start)).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// Pending deliveries due by `now`, soonest first.
    func dueDeliveries(at now: Date, limit: Int) async throws -> [Delivery] {
        try await db.select().column("*").from("notification_deliveries")
            .where("status", .equal, DeliveryStatus.pending.rawValue)
            .where("next_attempt_at", .lessThanOrEqual, Self.millis(now))
            .orderBy("next_attempt_at").orderBy("id").limit(limit).all().map(Self.delivery)
    }

    /// Takes a due delivery for one attempt: counts the attempt and pushes its next
    /// attempt past `lease`, so no other worker (on any instance) takes it meanwhile.
    /// Nil when someone else took it first.
    func claim(_ delivery: Delivery, at now: Date, lease: Duration) async throws -> Delivery? {
        let leaseEnd = now.addingTimeInterval(Self.seconds(lease))
        let row = try await db.update("notification_deliveries")
            .set("attempts", to: Int64(delivery.attempts + 1))
            .set("next_attempt_at", to: Self.millis(leaseEnd))
            .set("updated_at", to: Self.millis(now))
            .where("id", .equal, delivery.id).where("status", .equal, DeliveryStatus.pending.rawValue)
            .where("attempts", .equal, Int64(delivery.attempts))
            .returning("id").first()
        guard row != nil else { return nil }
        var claimed = delivery
        claimed.attempts += 1
        claimed.nextAttemptAt = leaseEnd
        return claimed
    }

    /// Records the outcome of an attempt.
    func finish(
        _ delivery: Delivery, status: DeliveryStatus, reason: SuppressionReason? = nil, error: String?,
        nextAttemptAt: Date?, provider: String?, at now: Date
    ) async throws {
        try await db.update("notification_deliveries")
            .set("status", to: status.rawValue).set("reason", to: reason?.rawValue)
            .set("last_error", to: error).set("next_attempt_at", to: nextAttemptAt.map(Self.millis))
            .set("provider", to: provider).set("updated_at", to: Self.millis(now))
            .set("sent_at", to: status == .sent ? Self.millis(now) : nil)
            .where("id", .equal, delivery.id).run()
    }

    /// Devices of a user, for a push: the outbox acts for the system.
    func pushTargets(tenant: String, userId: String) async throws -> [Device] {
        try await devices(for: Owner(tenant: tenant, userId: userId))
    }

    static func seconds(_ duration: Duration) -> TimeInterval {
        let parts = duration.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }

    static func delivery(_ row: any SQLRow) throws -> Delivery {
        let channel = try row.decode(column: "channel", as: String.self)
        let status = try row.decode(column: "status", as: String.self)
        guard let channelKind = DeliveryChannel(rawValue: channel), let statusKind = DeliveryStatus(rawValue: status)
        else { throw StoreError.corrupt("delivery by \(channel), \(status)") }
        return Delivery(
            id: try row.decode(column: "id", as: Int64.self),
            notificationId: try row.decode(column: "notification_id", as: Int64.self),
            tenant: try row.decode(column: "tenant", as: String.self),
            userId: try row.decode(column: "user_id", as: String.self),
            channel: channelKind,
            status: statusKind,
            reason: try row.decode(column: "reason", as: String?.self).flatMap(SuppressionReason.init(rawValue:)),
            attempts: Int(try row.decode(column: "attempts", as: Int64.self)),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64?.self).map(date),
            lastError: try row.decode(column: "last_error", as: String?.self),
            provider: try row.decode(column: "provider", as: String?.self),
            isDigest: try row.decode(column: "digest", as: Int64.self) != 0,
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: date(try row.decode(column: "updated_at", as: Int64.self)),
            sentAt: try row.decode(column: "sent_at", as: Int64?.self).map(date))
    }
}
