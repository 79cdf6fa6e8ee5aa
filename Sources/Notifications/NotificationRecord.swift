import Foundation
import Platform

/// One notification in a user's feed, as stored. Similar notifications sent inside the
/// batching window share one record: `groupSize` counts them, `actors` names the latest.
public struct NotificationRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var tenant: String
    public var userId: String
    public var type: NotificationType
    public var title: String
    public var body: String?
    public var actionUrl: String?
    /// JSON text, as the client gave it.
    public var metadata: String?
    public var priority: NotificationPriority
    public var readAt: Date?
    public var createdAt: Date
    /// When it was created, or last grouped with a newer one.
    public var updatedAt: Date
    public var expiresAt: Date?
    public var actor: NotificationActor?
    public var groupKey: String?
    public var groupSize: Int
    /// The group's latest distinct actors, newest first (at most `maxActors`).
    public var actors: [NotificationActor]
    /// How many distinct actors the group has had.
    public var actorCount: Int
    /// False when the user turned the in-app channel off for this type: the record
    /// exists for its deliveries and is never listed.
    public var inApp: Bool

    static let maxActors = 5

    public var isRead: Bool { readAt != nil }

    /// What the client shows: the title, or for a group of several actors "Alice and 3
    /// others reacted".
    public var summary: String {
        guard groupSize > 1 else { return title }
        guard let lead = actors.first ?? actor, actorCount > 1 else {
            return "\(title) (\(groupSize) in all)"
        }
        let others = actorCount - 1
        return "\(lead.displayName) and \(others) \(others == 1 ? "other" : "others") \(type.groupVerb)"
    }

    func isExpired(at now: Date) -> Bool {
        expiresAt.map { $0 <= now } ?? false
    }
}

/// Who caused a notification.
public struct NotificationActor: Sendable, Equatable, Codable {
    public var id: String
    public var displayName: String
    public var avatarUrl: String?

    public init(id: String, displayName: String, avatarUrl: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.avatarUrl = avatarUrl
    }
}

/// A push target of a user.
public struct Device: Sendable, Equatable {
    public var id: Int64
    public var token: String
    public var platform: DevicePlatform
    public var createdAt: Date
    public var lastSeenAt: Date
}

/// One delivery of a notification by push or email, as the outbox records it.
public struct Delivery: Sendable, Equatable {
    public var id: Int64
    public var notificationId: Int64
    public var tenant: String
    public var userId: String
    public var channel: DeliveryChannel
    public var status: DeliveryStatus
    public var reason: SuppressionReason?
    public var attempts: Int
    public var nextAttemptAt: Date?
    public var lastError: String?
    public var provider: String?
    public var isDigest: Bool
    public var createdAt: Date
    public var updatedAt: Date
    public var sentAt: Date?
}
