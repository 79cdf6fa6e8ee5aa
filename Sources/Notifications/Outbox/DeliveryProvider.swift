import Foundation
import GraphQLEngine
import Platform

/// The channels a notification leaves the gateway by, besides the in-app record.
public enum DeliveryChannel: String, Sendable, CaseIterable, Codable {
    case push = "PUSH"
    case email = "EMAIL"
}

/// Sends deliveries out of the outbox: a push service, a mail relay, or a webhook that
/// forwards to them. A provider throws when a delivery did not go out; the outbox then
/// retries it with backoff, and records the error.
public protocol DeliveryProvider: Sendable {
    /// Said in logs and in a delivery's record.
    var name: String { get }
    func deliver(_ delivery: OutboundDelivery) async throws
}

/// Why a provider did not deliver: what the delivery's record keeps as its last error.
public struct DeliveryFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    /// False when retrying cannot help (the provider refused the delivery itself), so
    /// the delivery fails at once.
    public var retryable: Bool

    public init(_ description: String, retryable: Bool = true) {
        self.description = description
        self.retryable = retryable
    }
}

/// One delivery as a provider sees it: who, by which channel, and what. A push or an
/// email carries one notification; an email digest carries all those it gathers.
public struct OutboundDelivery: Sendable, Equatable {
    public var id: Int64
    public var channel: DeliveryChannel
    public var tenant: String
    public var userId: String
    /// 1 for the first try.
    public var attempt: Int
    public var isDigest: Bool
    public var notifications: [OutboundNotification]
    /// Where a push goes: the user's registered devices.
    public var devices: [OutboundDevice]

    public init(
        id: Int64, channel: DeliveryChannel, tenant: String, userId: String, attempt: Int, isDigest: Bool = false,
        notifications: [OutboundNotification], devices: [OutboundDevice] = []
    ) {
        self.id = id
        self.channel = channel
        self.tenant = tenant
        self.userId = userId
        self.attempt = attempt
        self.isDigest = isDigest
        self.notifications = notifications
        self.devices = devices
    }

    /// The delivery as JSON, as the webhook provider posts it:
    /// `{"id","channel","tenant","userId","attempt","digest","notifications":[…],"devices":[…]}`.
    public var json: [UInt8] {
        var json = JSONWriter(capacity: 512)
        json.raw("{\"id\":")
        json.integer(Int(id))
        json.raw(",\"channel\":")
        json.string(channel.rawValue)
        json.raw(",\"tenant\":")
        json.string(tenant)
        json.raw(",\"userId\":")
        json.string(userId)
        json.raw(",\"attempt\":")
        json.integer(attempt)
        json.raw(",\"digest\":")
        json.boolean(isDigest)
        json.raw(",\"notifications\":[")
        for (index, notification) in notifications.enumerated() {
            if index > 0 { json.raw(",") }
            notification.write(to: &json)
        }
        json.raw("],\"devices\":[")
        for (index, device) in devices.enumerated() {
            if index > 0 { json.raw(",") }
            json.raw("{\"token\":")
            json.string(device.token)
            json.raw(",\"platform\":")
            json.string(device.platform)
            json.raw("}")
        }
        json.raw("]}")
        return json.bytes
    }
}

/// A notification as it goes out.
public struct OutboundNotification: Sendable, Equatable {
    public var id: String
    public var type: String
    public var title: String
    public var body: String?
    public var actionUrl: String?
    public var priority: String
    public var createdAt: Date
    public var metadata: InputValue?

    public init(
        id: String, type: String, title: String, body: String? = nil, actionUrl: String? = nil,
        priority: String, createdAt: Date, metadata: InputValue? = nil
    ) {
        self.id = id
        self.type = type
        self.title = title
        self.body = body
        self.actionUrl = actionUrl
        self.priority = priority
        self.createdAt = createdAt
        self.metadata = metadata
    }

    func write(to json: inout JSONWriter) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"type\":")
        json.string(type)
        json.raw(",\"title\":")
        json.string(title)
        json.raw(",\"body\":")
        if let body { json.string(body) } else { json.raw("null") }
        json.raw(",\"actionUrl\":")
        if let actionUrl { json.string(actionUrl) } else { json.raw("null") }
        json.raw(",\"priority\":")
        json.string(priority)
        json.raw(",\"createdAt\":")
        json.string(createdAt.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
        json.raw(",\"metadata\":")
        json.json(metadata ?? .null)
        json.raw("}")
    }
}

/// A device a push goes to.
public struct OutboundDevice: Sendable, Equatable {
    public var token: String
    /// IOS, ANDROID, WEB or EXPO.
    public var platform: String

    public init(token: String, platform: String) {
        self.token = token
        self.platform = platform
    }
}
