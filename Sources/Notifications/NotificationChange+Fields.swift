import GraphQLEngine
import Platform

extension NotificationChange: FieldResolving {
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "kind": .enumValue(kind.rawValue)
        case "ids": .list(ids.map { .string(String($0)) })
        case "notification": notification.map { .object($0) } ?? .null
        case "unreadCount": .int(unreadCount)
        default: .null
        }
    }
}
