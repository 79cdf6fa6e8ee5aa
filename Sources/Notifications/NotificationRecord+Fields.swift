import Foundation
import GraphQLEngine
import Platform

extension NotificationRecord: FieldResolving {
    /// The fields of schema.graphql's `Notification`; `deliveries` has a resolver of its
    /// own, since it reads the store.
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "id": .string(String(id))
        case "type": .enumValue(type.rawValue)
        case "title": .string(title)
        case "summary": .string(summary)
        case "body": body.map(FieldValue.string) ?? .null
        case "actionUrl": actionUrl.map(FieldValue.string) ?? .null
        case "metadata": metadataValue.map(FieldValue.scalar) ?? .null
        case "priority": .enumValue(priority.rawValue)
        case "isRead": .boolean(isRead)
        case "readAt": readAt.map { .object($0) } ?? .null
        case "createdAt": .object(createdAt)
        case "updatedAt": .object(updatedAt)
        case "expiresAt": expiresAt.map { .object($0) } ?? .null
        case "actor": actor.map { .object($0) } ?? .null
        case "actors": .list(actors.map { .object($0) })
        case "groupSize": .int(groupSize)
        default: .null
        }
    }

    /// The metadata as JSON; text that is somehow not JSON reads as null.
    var metadataValue: InputValue? {
        metadata.flatMap { try? JSONReader.read($0) }
    }
}

extension NotificationActor: FieldResolving {
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "id": .string(id)
        case "displayName": .string(displayName)
        case "avatarUrl": avatarUrl.map(FieldValue.string) ?? .null
        default: .null
        }
    }
}

extension Device: FieldResolving {
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "id": .string(String(id))
        case "token": .string(token)
        case "platform": .enumValue(platform.rawValue)
        case "createdAt": .object(createdAt)
        case "lastSeenAt": .object(lastSeenAt)
        default: .null
        }
    }
}

extension Delivery: FieldResolving {
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "id": .string(String(id))
        case "channel": .enumValue(channel.rawValue)
        case "status": .enumValue(status.rawValue)
        case "reason": reason.map { .enumValue($0.rawValue) } ?? .null
        case "attempts": .int(attempts)
        case "nextAttemptAt": nextAttemptAt.map { .object($0) } ?? .null
        case "lastError": lastError.map(FieldValue.string) ?? .null
        case "sentAt": sentAt.map { .object($0) } ?? .null
        default: .null
        }
    }
}
