import Foundation
import Platform

/// What the notifications domain publishes on a user's topic, so that every device of
/// the user stays in step: a new notification, or a change to existing ones.
enum NotificationEvent: Codable, Sendable {
    case added(NotificationRecord)
    case changed(NotificationChange)

    /// The topic of one user's events. The tenant is length-prefixed, so no choice of
    /// names makes two users share a topic.
    static func topic(for owner: NotificationStore.Owner) -> String {
        "notifications:\(owner.tenant.utf8.count):\(owner.tenant):\(owner.userId)"
    }

    var bytes: [UInt8] {
        (try? Array(JSONEncoder().encode(self))) ?? []
    }

    init?(bytes: [UInt8]) {
        guard let event = try? JSONDecoder().decode(Self.self, from: Data(bytes)) else { return nil }
        self = event
    }
}

/// A change to a user's notifications (schema.graphql `NotificationChange`).
public struct NotificationChange: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// Marked read.
        case read = "READ"
        case deleted = "DELETED"
        /// Grouped with a newer notification: `notification` is the group as it now is.
        case updated = "UPDATED"
    }

    public var kind: Kind
    public var ids: [Int64]
    public var notification: NotificationRecord?
    /// The user's unread count after the change, for badges.
    public var unreadCount: Int
}
