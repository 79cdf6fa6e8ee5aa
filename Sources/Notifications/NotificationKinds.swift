import Platform

/// What a notification is about (schema.graphql `NotificationType`).
public enum NotificationType: String, Sendable, Codable, CaseIterable {
    case message = "MESSAGE"
    case mention = "MENTION"
    case reply = "REPLY"
    case reaction = "REACTION"
    case call = "CALL"
    case friendRequest = "FRIEND_REQUEST"
    case serverInvite = "SERVER_INVITE"
    case roleUpdate = "ROLE_UPDATE"
    case system = "SYSTEM"
    case announcement = "ANNOUNCEMENT"

    /// What the actors of a group did, for its summary ("Alice and 3 others reacted").
    var groupVerb: String {
        switch self {
        case .message: "sent you messages"
        case .mention: "mentioned you"
        case .reply: "replied"
        case .reaction: "reacted"
        case .call: "called you"
        case .friendRequest: "sent you friend requests"
        case .serverInvite: "invited you"
        case .roleUpdate: "updated your roles"
        case .system, .announcement: "posted"
        }
    }
}

/// How urgent a notification is; ordered, so a filter can ask for a minimum. URGENT
/// passes quiet hours.
public enum NotificationPriority: String, Sendable, Codable, CaseIterable, Comparable {
    case low = "LOW"
    case normal = "NORMAL"
    case high = "HIGH"
    case urgent = "URGENT"

    /// The order stored in the `priority` column.
    var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    init?(rank: Int) {
        guard let priority = Self.allCases.first(where: { $0.rank == rank }) else { return nil }
        self = priority
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank < rhs.rank }
}

/// Where a registered device gets its pushes from.
public enum DevicePlatform: String, Sendable, Codable, CaseIterable {
    case ios = "IOS"
    case android = "ANDROID"
    case web = "WEB"
    case expo = "EXPO"
}

/// How often emails go out: each as it comes (NEVER a digest), or gathered daily or
/// weekly.
public enum EmailDigest: String, Sendable, Codable, CaseIterable {
    case never = "NEVER"
    case daily = "DAILY"
    case weekly = "WEEKLY"
}

/// Where a delivery stands in the outbox.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for its next attempt (or its digest).
    case pending = "PENDING"
    case sent = "SENT"
    /// Given up: every attempt failed, or the provider refused it.
    case failed = "FAILED"
    /// Held back by the user's preferences; `reason` says which.
    case suppressed = "SUPPRESSED"
}

/// Why a delivery was held back.
public enum SuppressionReason: String, Sendable, Codable, CaseIterable {
    case quietHours = "QUIET_HOURS"
    case dailyCap = "DAILY_CAP"
    case noDevice = "NO_DEVICE"
    /// The notification was deleted before the delivery went out.
    case deleted = "DELETED"
}
