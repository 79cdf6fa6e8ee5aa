import Platform
import SQLKit

/// The notifications domain's tables. Times are milliseconds since 1970 (UTC) in 64-bit
/// integers and flags are integers, so the same SQL means the same on SQLite and
/// PostgreSQL; JSON is kept as text.
public enum NotificationMigrations {
    public static let all = [tables]

    /// Notifications, their deliveries, preferences, devices and tenant members, with
    /// the indexes the queries use.
    static let tables = Migration(version: 100, name: "notifications") { db in
        try await db.create(table: "notifications")
            .column("id", type: db.autoNumberedKey, .primaryKey(autoIncrement: true))
            .column("tenant", type: .text, .notNull)
            .column("user_id", type: .text, .notNull)
            .column("type", type: .text, .notNull)
            .column("title", type: .text, .notNull)
            .column("body", type: .text)
            .column("action_url", type: .text)
            .column("metadata", type: .text)
            // 0 LOW, 1 NORMAL, 2 HIGH, 3 URGENT: ordered, for `minPriority`.
            .column("priority", type: .bigint, .notNull)
            .column("read_at", type: .bigint)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("expires_at", type: .bigint)
            .column("actor_id", type: .text)
            .column("actor_name", type: .text)
            .column("actor_avatar_url", type: .text)
            // Grouping: notifications with the same key inside the batching window.
            .column("group_key", type: .text)
            .column("group_size", type: .bigint, .notNull)
            // The group's most recent distinct actors, newest first, as a JSON array,
            // and how many distinct actors it has had in all.
            .column("actors", type: .text)
            .column("actor_count", type: .bigint, .notNull)
            // 0 when the user turned the in-app channel off for this type: kept for
            // its deliveries, never listed.
            .column("in_app", type: .bigint, .notNull)
            .run()
        // Listing and paging a user's notifications by id, and counting unread ones.
        try await db.create(index: "notifications_by_user").on("notifications")
            .column("tenant").column("user_id").column("id").run()
        try await db.create(index: "notifications_unread").on("notifications")
            .column("tenant").column("user_id").column("read_at").run()
        try await db.create(index: "notifications_grouping").on("notifications")
            .column("tenant").column("user_id").column("type").column("group_key").run()
        // The purge of expired notifications.
        try await db.create(index: "notifications_expiry").on("notifications").column("expires_at").run()

        try await db.create(table: "notification_deliveries")
            .column("id", type: db.autoNumberedKey, .primaryKey(autoIncrement: true))
            .column("notification_id", type: .bigint, .notNull)
            .column("tenant", type: .text, .notNull)
            .column("user_id", type: .text, .notNull)
            .column("channel", type: .text, .notNull)
            // PENDING, SENT, FAILED or SUPPRESSED.
            .column("status", type: .text, .notNull)
            .column("reason", type: .text)
            .column("attempts", type: .bigint, .notNull)
            .column("next_attempt_at", type: .bigint)
            .column("last_error", type: .text)
            .column("provider", type: .text)
            .column("digest", type: .bigint, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("updated_at", type: .bigint, .notNull)
            .column("sent_at", type: .bigint)
            .run()
        // The outbox worker's scan: due pending deliveries.
        try await db.create(index: "deliveries_due").on("notification_deliveries")
            .column("status").column("next_attempt_at").run()
        try await db.create(index: "deliveries_by_notification").on("notification_deliveries")
            .column("notification_id").run()
        // The daily push cap: a user's deliveries by channel and time.
        try await db.create(index: "deliveries_by_user").on("notification_deliveries")
            .column("tenant").column("user_id").column("channel").column("created_at").run()

        try await db.create(table: "notification_preferences")
            .column("tenant", type: .text, .notNull)
            .column("user_id", type: .text, .notNull)
            // Per type: {"MENTION":{"inApp":true,"push":true,"email":false},…}; types
            // not named have the defaults.
            .column("channels", type: .text, .notNull)
            .column("quiet_start", type: .text)
            .column("quiet_end", type: .text)
            .column("quiet_time_zone", type: .text)
            .column("email_digest", type: .text, .notNull)
            .column("daily_push_limit", type: .bigint)
            .column("updated_at", type: .bigint, .notNull)
            .primaryKey("tenant", "user_id")
            .run()

        try await db.create(table: "devices")
            .column("id", type: db.autoNumberedKey, .primaryKey(autoIncrement: true))
            .column("tenant", type: .text, .notNull)
            .column("user_id", type: .text, .notNull)
            // A token names one device: registering it again moves it to its new user.
            .column("token", type: .text, .notNull, .unique)
            .column("platform", type: .text, .notNull)
            .column("created_at", type: .bigint, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .run()
        try await db.create(index: "devices_by_user").on("devices").column("tenant").column("user_id").run()

        // The users a tenant-wide notification goes to: those the gateway has seen.
        try await db.create(table: "tenant_members")
            .column("tenant", type: .text, .notNull)
            .column("user_id", type: .text, .notNull)
            .column("last_seen_at", type: .bigint, .notNull)
            .primaryKey("tenant", "user_id")
            .run()
    }
}
