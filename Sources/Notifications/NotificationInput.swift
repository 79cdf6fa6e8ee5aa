import Foundation
import GraphQLEngine
import Platform

/// The notifications domain's arguments, read from their coerced GraphQL values and
/// checked before anything is written. A bad one is a `BAD_USER_INPUT` error that names
/// the argument by its path (`input.quietHours.timeZone`).
enum NotificationInput {
    static let maxTitle = 200
    static let maxBody = 4_000
    static let maxURL = 2_048
    static let maxMetadataBytes = 16_384
    static let maxKey = 200
    static let maxRecipients = 1_000
    static let maxDeviceToken = 512
    static let maxPage = 100
    static let maxDailyPushLimit = 1_000

    static func bad(_ argument: String, _ problem: String) -> GraphQLError {
        GraphQLError(message: "Argument \"\(argument)\" \(problem).", code: "BAD_USER_INPUT")
    }

    // MARK: Paging

    /// `first`/`after`/`last`/`before`/`filter` as a page query. Without `first` or
    /// `last`, the newest 20 are given, or with `after` the oldest 20 after it.
    static func page(_ arguments: [String: InputValue]) throws(GraphQLError) -> NotificationStore.PageQuery {
        let first = try count(arguments["first"], "first")
        let last = try count(arguments["last"], "last")
        if first != nil, last != nil {
            throw bad("last", "cannot be given with \"first\"; page one way at a time")
        }
        let after = try cursor(arguments["after"], "after")
        let before = try cursor(arguments["before"], "before")
        let fromNewest = last != nil || (first == nil && after == nil)
        var query = NotificationStore.PageQuery(
            after: after, before: before, limit: first ?? last ?? 20, fromNewest: fromNewest)
        if case .object(let filter)? = arguments["filter"] {
            query.filter = try self.filter(filter)
        }
        return query
    }

    static func filter(_ fields: [String: InputValue]) throws(GraphQLError) -> NotificationStore.Filter {
        var filter = NotificationStore.Filter()
        if case .list(let items)? = fields["types"] {
            filter.types = try items.map { item throws(GraphQLError) in try type(item, "filter.types") }
        }
        if case .boolean(let unread)? = fields["unreadOnly"] { filter.unreadOnly = unread }
        if let value = fields["minPriority"], value != .null {
            filter.minPriority = try priority(value, "filter.minPriority")
        }
        return filter
    }

    private static func count(_ value: InputValue?, _ name: String) throws(GraphQLError) -> Int? {
        guard case .int(let count)? = value else { return nil }
        guard (0...maxPage).contains(count) else { throw bad(name, "must be between 0 and \(maxPage), got \(count)") }
        return count
    }

    private static func cursor(_ value: InputValue?, _ name: String) throws(GraphQLError) -> Int64? {
        guard case .string(let text)? = value else { return nil }
        guard let id = NotificationCursor.decode(text) else {
            throw bad(name, "is not a cursor of this connection: \(InputValue.string(text))")
        }
        return id
    }

    /// A notification id: the decimal ids this server gives.
    static func id(_ value: InputValue?, _ name: String = "id") throws(GraphQLError) -> Int64 {
        guard case .string(let text)? = value, let id = Int64(text), id > 0, String(id) == text else {
            throw bad(name, "is not a notification id: \(value ?? .null)")
        }
        return id
    }

    // MARK: Enums

    static func type(_ value: InputValue, _ name: String) throws(GraphQLError) -> NotificationType {
        guard let text = enumName(value), let type = NotificationType(rawValue: text) else {
            throw bad(name, "is not a NotificationType: \(value)")
        }
        return type
    }

    static func priority(_ value: InputValue, _ name: String) throws(GraphQLError) -> NotificationPriority {
        guard let text = enumName(value), let priority = NotificationPriority(rawValue: text) else {
            throw bad(name, "is not a NotificationPriority: \(value)")
        }
        return priority
    }

    static func platform(_ value: InputValue?, _ name: String) throws(GraphQLError) -> DevicePlatform {
        guard let value, let text = enumName(value), let platform = DevicePlatform(rawValue: text) else {
            throw bad(name, "is not a DevicePlatform: \(value ?? .null)")
        }
        return platform
    }

    static func enumName(_ value: InputValue) -> String? {
        switch value {
        case .enumValue(let name), .string(let name): name
        default: nil
        }
    }

    // MARK: Text

    /// Text of at most `limit` characters; `required` text must not be blank either.
    static func text(
        _ value: InputValue?, _ name: String, limit: Int, required: Bool = false
    ) throws(GraphQLError) -> String? {
        guard case .string(let text)? = value else {
            if required { throw bad(name, "is required") }
            return nil
        }
        if required, text.allSatisfy(\.isWhitespace) { throw bad(name, "must not be blank") }
        let length = text.count
        guard length <= limit else { throw bad(name, "has \(length) characters; at most \(limit) are allowed") }
        return text
    }

    /// A device token: printable, without spaces, at most `maxDeviceToken` bytes.
    static func deviceToken(_ value: InputValue?, _ name: String = "token") throws(GraphQLError) -> String {
        guard case .string(let token)? = value, !token.isEmpty else { throw bad(name, "must not be empty") }
        guard token.utf8.count <= maxDeviceToken else {
            throw bad(name, "has \(token.utf8.count) bytes; at most \(maxDeviceToken) are allowed")
        }
        guard token.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else {
            throw bad(name, "must not contain spaces or control characters")
        }
        return token
    }

    /// A URL with a scheme (https://…, or an app's own myapp://…) or a path on the
    /// client's own origin (/…).
    static func url(_ value: InputValue?, _ name: String) throws(GraphQLError) -> String? {
        guard let text = try text(value, name, limit: maxURL) else { return nil }
        if text.hasPrefix("/") { return text }
        guard let components = URLComponents(string: text), let scheme = components.scheme, !scheme.isEmpty else {
            throw bad(name, "is not a URL or a path: \(InputValue.string(text))")
        }
        return text
    }

    /// RFC 3339 text as a date.
    static func date(_ value: InputValue?, _ name: String) throws(GraphQLError) -> Date? {
        guard case .string(let text)? = value else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: text) else { throw bad(name, "is not a date-time: \(value ?? .null)") }
        return date
    }
}
