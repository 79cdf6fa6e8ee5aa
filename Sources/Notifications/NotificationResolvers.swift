import GraphQLEngine
import Logging
import Platform

/// The notifications fields of schema.graphql, bound to a `NotificationService`.
public enum NotificationResolvers {
    public static func register(into resolvers: inout ResolverTable<RequestContext>, service: NotificationService) {
        let run = Runner(service: service)

        // Queries
        resolvers[.query("notifications")] = .async { info in
            let owner = try run.owner(info)
            let query = try NotificationInput.page(info.arguments)
            return .object(try await run { try await service.page(query, for: owner) })
        }
        resolvers[.query("notification")] = .async { info in
            let owner = try run.owner(info)
            // An id this server never gives names no notification of the caller's.
            guard let id = try? NotificationInput.id(info.arguments["id"]) else { return .null }
            return try await run { try await service.notification(id, for: owner) }.map { .object($0) } ?? .null
        }
        resolvers[.query("notificationPreferences")] = .async { info in
            let owner = try run.owner(info)
            return .object(try await run { try await service.preferences(for: owner) })
        }
        resolvers[.query("devices")] = .async { info in
            let owner = try run.owner(info)
            return .list(try await run { try await service.devices(for: owner) }.map { .object($0) })
        }
        resolvers[.field("NotificationConnection", "totalCount")] = .async { info in
            guard let connection = info.parent as? NotificationConnection else { return .null }
            return .int(
                try await run {
                    try await service.count(for: connection.owner, filter: connection.filter, unreadOnly: false)
                })
        }
        resolvers[.field("NotificationConnection", "unreadCount")] = .async { info in
            guard let connection = info.parent as? NotificationConnection else { return .null }
            return .int(
                try await run {
                    try await service.count(for: connection.owner, filter: connection.filter, unreadOnly: true)
                })
        }
        // One query for the deliveries of every notification on a page, not one each.
        let deliveries = DataLoader<Int64, [Delivery]>(maxBatchSize: 500) { ids, _ in
            try await run { try await service.deliveries(of: ids) }
        }
        resolvers[.field("Notification", "deliveries")] = .async { info in
            guard let notification = info.parent as? NotificationRecord else { return .list([]) }
            let loaded = try await info.load(notification.id, with: deliveries)
            return .list((loaded ?? []).map { .object($0) })
        }

        // Mutations
        resolvers[.mutation("markNotificationRead")] = .async { info in
            let owner = try run.owner(info)
            let id = try NotificationInput.id(info.arguments["id"])
            return .object(try await run { try await service.markRead(id, for: owner) })
        }
        resolvers[.mutation("markAllNotificationsRead")] = .async { info in
            let owner = try run.owner(info)
            return .int(try await run { try await service.markAllRead(for: owner) })
        }
        resolvers[.mutation("deleteNotification")] = .async { info in
            let owner = try run.owner(info)
            guard let id = try? NotificationInput.id(info.arguments["id"]) else { return .boolean(false) }
            return .boolean(try await run { try await service.delete(id, for: owner) })
        }
        resolvers[.mutation("clearReadNotifications")] = .async { info in
            let owner = try run.owner(info)
            return .int(try await run { try await service.clearRead(for: owner) })
        }
        resolvers[.mutation("sendNotification")] = .async { info in
            let sender = try run.owner(info)
            let request = try NotificationInput.send(info.arguments["input"], now: service.now())
            let outcome = try await run { try await service.send(request, from: sender) }
            return .object(outcome)
        }
        resolvers[.mutation("updateNotificationPreferences")] = .async { info in
            let owner = try run.owner(info)
            let update = try NotificationInput.preferences(info.arguments["input"])
            return .object(try await run { try await service.updatePreferences(update, for: owner) })
        }
        resolvers[.mutation("registerDevice")] = .async { info in
            let owner = try run.owner(info)
            let token = try NotificationInput.deviceToken(info.arguments["token"])
            let platform = try NotificationInput.platform(info.arguments["platform"], "platform")
            return .object(
                try await run { try await service.registerDevice(token: token, platform: platform, for: owner) })
        }
        resolvers[.mutation("unregisterDevice")] = .async { info in
            let owner = try run.owner(info)
            let token = try NotificationInput.deviceToken(info.arguments["token"])
            return .boolean(try await run { try await service.unregisterDevice(token: token, for: owner) })
        }

        // Subscriptions: the caller's own topic only.
        resolvers[subscription: "notificationAdded"] = { info in
            let owner = try run.owner(info)
            let events = try await run { try await service.events(for: owner) }
            // The owner's topic carries the same events for every device of the owner,
            // and nothing of the caller beyond the owner shapes a notification's fields.
            return EventStream(
                events.compactMap { event -> NotificationRecord? in
                    guard case .added(let notification) = event else { return nil }
                    return notification
                }, sharing: NotificationEvent.topic(for: owner))
        }
        resolvers[subscription: "notificationChanged"] = { info in
            let owner = try run.owner(info)
            let events = try await run { try await service.events(for: owner) }
            return EventStream(
                events.compactMap { event -> NotificationChange? in
                    guard case .changed(let change) = event else { return nil }
                    return change
                }, sharing: NotificationEvent.topic(for: owner))
        }
        resolvers[.subscription("notificationAdded")] = .sync { info in .object(info.parent) }
        resolvers[.subscription("notificationChanged")] = .sync { info in .object(info.parent) }
    }

    /// Runs the service for a resolver: a GraphQL error passes as it is; any other
    /// (the database's) is logged and answered without its details.
    struct Runner: Sendable {
        let service: NotificationService

        func owner(_ info: FieldInfo<RequestContext>) throws(GraphQLError) -> NotificationStore.Owner {
            try service.owner(info.context)
        }

        func callAsFunction<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
            do {
                return try await body()
            } catch let error as GraphQLError {
                throw error
            } catch {
                service.logger.error("Notifications store failed", metadata: ["error": "\(error)"])
                throw GraphQLError(
                    message: "The notifications store could not complete the request; try again.",
                    code: "INTERNAL_SERVER_ERROR")
            }
        }
    }
}

extension SendOutcome: FieldResolving {
    func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "recipientCount": .int(recipientCount)
        case "notifications": .list(notifications.map { .object($0) })
        default: .null
        }
    }
}

extension NotificationPreferences: FieldResolving {
    public func resolveField(_ info: ResolveInfo) throws -> FieldValue {
        switch info.field.name {
        case "types":
            .list(
                NotificationType.allCases.map { type in
                    let switches = self.switches(for: type)
                    return .jsonObject([
                        "type": .enumValue(type.rawValue), "inApp": .boolean(switches.inApp),
                        "push": .boolean(switches.push), "email": .boolean(switches.email),
                    ])
                })
        case "quietHours":
            quietHours.map { quiet in
                .jsonObject([
                    "start": .string(QuietHours.text(quiet.start)), "end": .string(QuietHours.text(quiet.end)),
                    "timeZone": .string(quiet.timeZone.identifier),
                ])
            } ?? .null
        case "emailDigest": .enumValue(emailDigest.rawValue)
        case "dailyPushLimit": dailyPushLimit.map(FieldValue.int) ?? .null
        default: .null
        }
    }
}
