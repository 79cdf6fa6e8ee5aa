import Foundation
import GraphQLEngine
import Platform

/// `sendNotification(input:)`, checked.
struct SendRequest: Sendable, Equatable {
    enum Audience: Sendable, Equatable {
        case users([String])
        /// Every member of the sender's tenant.
        case tenant
    }

    var audience: Audience
    var type: NotificationType
    var title: String
    var body: String?
    var actionUrl: String?
    /// JSON text.
    var metadata: String?
    var priority: NotificationPriority
    var expiresAt: Date?
    var actor: NotificationActor?
    var groupKey: String?
}

extension NotificationInput {
    static func send(_ input: InputValue?, now: Date) throws(GraphQLError) -> SendRequest {
        guard case .object(let fields)? = input else { throw bad("input", "is required") }
        guard case .object(let to)? = fields["to"] else { throw bad("input.to", "is required") }
        let audience = try self.audience(to)
        guard let typeValue = fields["type"] else { throw bad("input.type", "is required") }
        let type = try self.type(typeValue, "input.type")
        let priority = try fields["priority"].map { value throws(GraphQLError) in
            value == .null ? NotificationPriority.normal : try self.priority(value, "input.priority")
        }
        let expiresAt = try date(fields["expiresAt"], "input.expiresAt")
        if let expiresAt, expiresAt <= now {
            throw bad("input.expiresAt", "is in the past; a notification must expire later than now")
        }
        return SendRequest(
            audience: audience, type: type,
            title: try text(fields["title"], "input.title", limit: maxTitle, required: true) ?? "",
            body: try text(fields["body"], "input.body", limit: maxBody),
            actionUrl: try url(fields["actionUrl"], "input.actionUrl"),
            metadata: try metadata(fields["metadata"]),
            priority: priority ?? .normal,
            expiresAt: expiresAt,
            actor: try actor(fields["actor"]),
            groupKey: try text(fields["groupKey"], "input.groupKey", limit: maxKey, required: false))
    }

    /// `NotificationAudience` is `@oneOf`: the engine has checked that exactly one field
    /// is given and not null.
    private static func audience(_ to: [String: InputValue]) throws(GraphQLError) -> SendRequest.Audience {
        if case .string(let user)? = to["userId"] {
            return .users([try userId(user, "input.to.userId")])
        }
        if case .list(let items)? = to["userIds"] {
            guard !items.isEmpty else { throw bad("input.to.userIds", "must name at least one user") }
            guard items.count <= maxRecipients else {
                throw bad("input.to.userIds", "names \(items.count) users; at most \(maxRecipients) are allowed")
            }
            var users: [String] = []
            var seen: Set<String> = []
            for item in items {
                guard case .string(let user) = item else { throw bad("input.to.userIds", "must list user ids") }
                let id = try userId(user, "input.to.userIds")
                if seen.insert(id).inserted { users.append(id) }
            }
            return .users(users)
        }
        if case .boolean(let tenant)? = to["wholeTenant"] {
            guard tenant else { throw bad("input.to.wholeTenant", "must be true when given") }
            return .tenant
        }
        throw bad("input.to", "must give one of userId, userIds or wholeTenant")
    }

    private static func userId(_ text: String, _ name: String) throws(GraphQLError) -> String {
        guard !text.isEmpty, text.utf8.count <= maxKey else {
            throw bad(name, "is not a user id: \(InputValue.string(text))")
        }
        return text
    }

    private static func metadata(_ value: InputValue?) throws(GraphQLError) -> String? {
        guard let value, value != .null else { return nil }
        var json = JSONWriter(capacity: 256)
        json.json(value)
        guard json.count <= maxMetadataBytes else {
            throw bad("input.metadata", "is \(json.count) bytes of JSON; at most \(maxMetadataBytes) are allowed")
        }
        return json.text
    }

    private static func actor(_ value: InputValue?) throws(GraphQLError) -> NotificationActor? {
        guard case .object(let fields)? = value else { return nil }
        guard case .string(let id)? = fields["id"], !id.isEmpty, id.utf8.count <= maxKey else {
            throw bad("input.actor.id", "is not an actor id")
        }
        return NotificationActor(
            id: id,
            displayName: try text(fields["displayName"], "input.actor.displayName", limit: maxKey, required: true)
                ?? id,
            avatarUrl: try url(fields["avatarUrl"], "input.actor.avatarUrl"))
    }
}
