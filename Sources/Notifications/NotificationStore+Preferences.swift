import Foundation
import Platform
import SQLKit

extension NotificationStore {
    /// The owner's preferences; the defaults until they set any.
    func preferences(for owner: Owner) async throws -> NotificationPreferences {
        guard
            let row = try await db.select().column("*").from("notification_preferences")
                .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId).first()
        else { return NotificationPreferences() }
        var preferences = NotificationPreferences()
        let channels = try row.decode(column: "channels", as: String.self)
        let byName = (try? JSONDecoder().decode([String: ChannelSwitches].self, from: Data(channels.utf8))) ?? [:]
        for (name, switches) in byName {
            if let type = NotificationType(rawValue: name) { preferences.channels[type] = switches }
        }
        if let start = try row.decode(column: "quiet_start", as: String?.self).flatMap(QuietHours.minutes),
            let end = try row.decode(column: "quiet_end", as: String?.self).flatMap(QuietHours.minutes),
            let zone = try row.decode(column: "quiet_time_zone", as: String?.self).flatMap(TimeZone.init(identifier:))
        {
            preferences.quietHours = QuietHours(start: start, end: end, timeZone: zone)
        }
        let digest = try row.decode(column: "email_digest", as: String.self)
        preferences.emailDigest = EmailDigest(rawValue: digest) ?? .never
        preferences.dailyPushLimit = try row.decode(column: "daily_push_limit", as: Int64?.self).map { Int($0) }
        return preferences
    }

    /// Replaces the owner's preferences.
    func save(_ preferences: NotificationPreferences, for owner: Owner, at now: Date) async throws {
        let byName = Dictionary(uniqueKeysWithValues: preferences.channels.map { ($0.key.rawValue, $0.value) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let channels = String(decoding: try encoder.encode(byName), as: UTF8.self)
        let quiet = preferences.quietHours
        try await db.insert(into: "notification_preferences")
            .columns(
                "tenant", "user_id", "channels", "quiet_start", "quiet_end", "quiet_time_zone", "email_digest",
                "daily_push_limit", "updated_at"
            )
            .values(
                SQLBind(owner.tenant), SQLBind(owner.userId), SQLBind(channels),
                SQLBind(quiet.map { QuietHours.text($0.start) }), SQLBind(quiet.map { QuietHours.text($0.end) }),
                SQLBind(quiet?.timeZone.identifier), SQLBind(preferences.emailDigest.rawValue),
                SQLBind(preferences.dailyPushLimit.map(Int64.init)), SQLBind(Self.millis(now))
            )
            .onConflict(with: ["tenant", "user_id"]) { update in
                update.set(excludedValueOf: "channels").set(excludedValueOf: "quiet_start")
                    .set(excludedValueOf: "quiet_end").set(excludedValueOf: "quiet_time_zone")
                    .set(excludedValueOf: "email_digest").set(excludedValueOf: "daily_push_limit")
                    .set(excludedValueOf: "updated_at")
            }
            .run()
    }
}
