import Foundation
import Platform

/// How a user wants to be notified: channels per notification type, quiet hours, the
/// email digest and a daily cap on pushes. Preferences hold back push and email, never
/// the in-app record (unless the user turns that channel off for a type).
public struct NotificationPreferences: Sendable, Equatable {
    public var channels: [NotificationType: ChannelSwitches] = [:]
    public var quietHours: QuietHours?
    public var emailDigest = EmailDigest.never
    /// Pushes sent per day at most (the day of the quiet hours' time zone, else UTC).
    public var dailyPushLimit: Int?

    public init() {}

    /// A type's channels: as set, else the defaults.
    public func switches(for type: NotificationType) -> ChannelSwitches {
        channels[type] ?? .defaults
    }

    /// The user's time zone, as far as preferences know it.
    var timeZone: TimeZone {
        quietHours?.timeZone ?? TimeZone(identifier: "UTC") ?? .current
    }
}

/// The channels of one notification type.
public struct ChannelSwitches: Sendable, Equatable, Codable {
    public var inApp: Bool
    public var push: Bool
    public var email: Bool

    /// In-app and push on, email off, until the user says otherwise.
    public static let defaults = ChannelSwitches(inApp: true, push: true, email: false)

    public init(inApp: Bool, push: Bool, email: Bool) {
        self.inApp = inApp
        self.push = push
        self.email = email
    }
}

/// A daily span of local time when pushes and emails wait: from `start` up to (not
/// including) `end`, in minutes after midnight; a span that ends before it starts runs
/// over midnight (22:00 to 07:00).
public struct QuietHours: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var timeZone: TimeZone

    public init(start: Int, end: Int, timeZone: TimeZone) {
        self.start = start
        self.end = end
        self.timeZone = timeZone
    }

    /// Whether `date` falls inside the quiet hours, in their time zone.
    public func contains(_ date: Date) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        return start < end ? (start..<end).contains(minute) : (minute >= start || minute < end)
    }

    /// `HH:MM` on a 24-hour clock, as minutes after midnight; nil for anything else.
    public static func minutes(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
            let hour = twoDigits(bytes[0], bytes[1]), let minute = twoDigits(bytes[3], bytes[4]),
            hour < 24, minute < 60
        else { return nil }
        return hour * 60 + minute
    }

    /// Minutes after midnight as `HH:MM`.
    public static func text(_ minutes: Int) -> String {
        let hour = minutes / 60
        let minute = minutes % 60
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    private static func twoDigits(_ first: UInt8, _ second: UInt8) -> Int? {
        let zero = UInt8(ascii: "0")
        guard (zero...zero + 9).contains(first), (zero...zero + 9).contains(second) else { return nil }
        return Int(first - zero) * 10 + Int(second - zero)
    }
}
