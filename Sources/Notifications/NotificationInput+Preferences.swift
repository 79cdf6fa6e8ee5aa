import Foundation
import GraphQLEngine
import Platform

/// `updateNotificationPreferences(input:)`, checked: what it changes, the rest kept.
struct PreferencesUpdate: Sendable, Equatable {
    /// The channels of one type to switch; nil leaves a channel as it is.
    struct ChannelUpdate: Sendable, Equatable {
        var type: NotificationType
        var inApp: Bool?
        var push: Bool?
        var email: Bool?
    }

    enum Change<Value: Sendable & Equatable>: Sendable, Equatable {
        case keep
        case set(Value?)
    }

    var channels: [ChannelUpdate] = []
    var quietHours = Change<QuietHours>.keep
    var emailDigest: EmailDigest?
    var dailyPushLimit = Change<Int>.keep

    /// The preferences with this update made.
    func applied(to preferences: NotificationPreferences) -> NotificationPreferences {
        var result = preferences
        for entry in channels {
            var switches = result.switches(for: entry.type)
            if let inApp = entry.inApp { switches.inApp = inApp }
            if let push = entry.push { switches.push = push }
            if let email = entry.email { switches.email = email }
            result.channels[entry.type] = switches
        }
        if case .set(let quiet) = quietHours { result.quietHours = quiet }
        if let emailDigest { result.emailDigest = emailDigest }
        if case .set(let limit) = dailyPushLimit { result.dailyPushLimit = limit }
        return result
    }
}

extension NotificationInput {
    /// An absent field keeps its setting; an explicit null clears quiet hours or the cap.
    static func preferences(_ input: InputValue?) throws(GraphQLError) -> PreferencesUpdate {
        guard case .object(let fields)? = input else { throw bad("input", "is required") }
        var update = PreferencesUpdate()
        if case .list(let items)? = fields["types"] {
            var seen: Set<NotificationType> = []
            for (index, item) in items.enumerated() {
                let name = "input.types[\(index)]"
                guard case .object(let entry) = item, let typeValue = entry["type"] else {
                    throw bad(name, "must name a type")
                }
                let type = try self.type(typeValue, name + ".type")
                guard seen.insert(type).inserted else { throw bad(name + ".type", "names \(type.rawValue) twice") }
                update.channels.append(
                    .init(
                        type: type, inApp: flag(entry["inApp"]), push: flag(entry["push"]), email: flag(entry["email"]))
                )
            }
        }
        if let quiet = fields["quietHours"] {
            update.quietHours = .set(try quietHours(quiet))
        }
        if let digest = fields["emailDigest"], digest != .null {
            guard let name = enumName(digest), let value = EmailDigest(rawValue: name) else {
                throw bad("input.emailDigest", "is not an EmailDigest: \(digest)")
            }
            update.emailDigest = value
        }
        if let limit = fields["dailyPushLimit"] {
            switch limit {
            case .null: update.dailyPushLimit = .set(nil)
            case .int(let value) where (0...maxDailyPushLimit).contains(value): update.dailyPushLimit = .set(value)
            default:
                throw bad("input.dailyPushLimit", "must be between 0 and \(maxDailyPushLimit), or null, got \(limit)")
            }
        }
        return update
    }

    private static func flag(_ value: InputValue?) -> Bool? {
        guard case .boolean(let flag)? = value else { return nil }
        return flag
    }

    /// `{start: "22:00", end: "07:00", timeZone: "Europe/Paris"}`, or null for none.
    static func quietHours(_ value: InputValue) throws(GraphQLError) -> QuietHours? {
        guard case .object(let fields) = value else { return nil }
        guard case .string(let startText)? = fields["start"], let start = QuietHours.minutes(startText) else {
            throw bad(
                "input.quietHours.start", "must be a time of day as HH:MM (24-hour), got \(fields["start"] ?? .null)")
        }
        guard case .string(let endText)? = fields["end"], let end = QuietHours.minutes(endText) else {
            throw bad("input.quietHours.end", "must be a time of day as HH:MM (24-hour), got \(fields["end"] ?? .null)")
        }
        guard start != end else { throw bad("input.quietHours.end", "must differ from start") }
        guard case .string(let zoneName)? = fields["timeZone"], let zone = ianaTimeZone(zoneName) else {
            throw bad(
                "input.quietHours.timeZone",
                "is not an IANA time zone (such as Europe/Paris): \(fields["timeZone"] ?? .null)")
        }
        return QuietHours(start: start, end: end, timeZone: zone)
    }

    /// A zone of the IANA database by its name; abbreviations such as `CET` are not
    /// names, except `UTC`.
    static func ianaTimeZone(_ name: String) -> TimeZone? {
        guard name == "UTC" || TimeZone.knownTimeZoneIdentifiers.contains(name) else { return nil }
        return TimeZone(identifier: name)
    }
}
