import Foundation
import Platform

/// Decides, when a notification is sent, what happens on each channel besides the
/// in-app record: a pending delivery, one held for the email digest, or one suppressed
/// with its reason. Pure: the store supplies what it counts.
struct DeliveryPlanner: Sendable {
    /// What the planner needs to know of one recipient.
    struct Recipient: Sendable {
        var preferences: NotificationPreferences
        var deviceCount: Int
        /// Pushes not suppressed since the start of the recipient's day.
        var pushesToday: Int
    }

    /// One delivery to record.
    struct Planned: Sendable, Equatable {
        var channel: DeliveryChannel
        var status: DeliveryStatus
        var reason: SuppressionReason?
        /// When the outbox first tries it: now, or the next digest.
        var nextAttemptAt: Date?
        var isDigest: Bool
    }

    /// The hour of the day, in the user's time zone, when digests go out.
    static let digestHour = 8

    func plan(
        type: NotificationType, priority: NotificationPriority, for recipient: Recipient, at now: Date
    ) -> [Planned] {
        let preferences = recipient.preferences
        let switches = preferences.switches(for: type)
        let quiet = priority != .urgent && (preferences.quietHours?.contains(now) ?? false)
        var planned: [Planned] = []
        if switches.push {
            if recipient.deviceCount == 0 {
                planned.append(.suppressed(.push, .noDevice))
            } else if quiet {
                planned.append(.suppressed(.push, .quietHours))
            } else if let limit = preferences.dailyPushLimit, recipient.pushesToday >= limit {
                planned.append(.suppressed(.push, .dailyCap))
            } else {
                planned.append(Planned(channel: .push, status: .pending, nextAttemptAt: now, isDigest: false))
            }
        }
        if switches.email {
            if preferences.emailDigest != .never {
                let due = Self.nextDigest(preferences.emailDigest, after: now, in: preferences.timeZone)
                planned.append(Planned(channel: .email, status: .pending, nextAttemptAt: due, isDigest: true))
            } else if quiet {
                planned.append(.suppressed(.email, .quietHours))
            } else {
                planned.append(Planned(channel: .email, status: .pending, nextAttemptAt: now, isDigest: false))
            }
        }
        return planned
    }

    /// The next digest after `now`: 08:00 local the next time it comes (daily), or on
    /// the next Monday (weekly).
    static func nextDigest(_ digest: EmailDigest, after now: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var wanted = DateComponents(hour: digestHour, minute: 0, second: 0)
        if digest == .weekly { wanted.weekday = 2 }
        return calendar.nextDate(after: now, matching: wanted, matchingPolicy: .nextTime) ?? now
    }

    /// The start of the day of `now` in `timeZone`, from which the push cap counts.
    static func startOfDay(_ now: Date, in timeZone: TimeZone) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.startOfDay(for: now)
    }
}

extension DeliveryPlanner.Planned {
    static func suppressed(_ channel: DeliveryChannel, _ reason: SuppressionReason) -> Self {
        Self(channel: channel, status: .suppressed, reason: reason, nextAttemptAt: nil, isDigest: false)
    }
}
