import GraphQLEngine
import Platform

/// A page of a user's notifications as a Relay connection, oldest first. The counts are
/// queried only when asked for (resolvers of their own).
struct NotificationConnection: Sendable, FieldResolving {
    let page: NotificationStore.Page
    let owner: NotificationStore.Owner
    let filter: NotificationStore.Filter
    let service: NotificationService

    func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "edges":
            .list(page.notifications.map { .object(Edge(node: $0)) })
        case "nodes":
            .list(page.notifications.map { .object($0) })
        case "pageInfo":
            .jsonObject([
                "hasNextPage": .boolean(page.hasNewer),
                "hasPreviousPage": .boolean(page.hasOlder),
                "startCursor": page.notifications.first.map { .string(NotificationCursor.encode($0.id)) } ?? .null,
                "endCursor": page.notifications.last.map { .string(NotificationCursor.encode($0.id)) } ?? .null,
            ])
        default:
            .null
        }
    }

    struct Edge: Sendable, FieldResolving {
        let node: NotificationRecord

        func resolveField(_ info: ResolveInfo) throws -> FieldValue {
            switch info.field.name {
            case "cursor": .string(NotificationCursor.encode(node.id))
            case "node": .object(node)
            default: .null
            }
        }
    }
}
