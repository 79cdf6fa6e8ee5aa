import Foundation
import Platform

/// What `sendNotification` did.
struct SendOutcome: Sendable {
    /// Users it was meant for (those who turned every channel off for the type get
    /// nothing, and are not counted).
    var recipientCount: Int
    /// The notifications as their recipients now see them: new ones, and groups joined.
    var notifications: [NotificationRecord]
}

extension NotificationService {
    /// Sends a notification from `sender` (an admin or a service of the tenant) to its
    /// audience: each recipient's in-app record, grouped with a similar recent one where
    /// it has a group key, and a delivery per channel their preferences allow. All of it
    /// is one transaction; the events go out once it is committed.
    func send(_ request: SendRequest, from sender: Owner) async throws -> SendOutcome {
        let at = now()
        let window = NotificationStore.seconds(settings.batchWindow)
        let tenant = sender.tenant
        let planner = DeliveryPlanner()
        let results = try await database.transaction { db -> [(NotificationRecord, grouped: Bool)] in
            let store = NotificationStore(db: db)
            let users: [String]
            switch request.audience {
            case .users(let named): users = named
            case .tenant: users = try await store.members(of: tenant)
            }
            // Writing each recipient's member row first locks it until this transaction
            // ends (PostgreSQL), so two sends to one user commit in the order their ids
            // were drawn, and a cursor never passes an id that commits later. Locked in
            // one order (by user id), so two sends never wait on each other in a cycle.
            for user in users.sorted() {
                try await store.touchMember(Owner(tenant: tenant, userId: user), at: at)
            }
            var results: [(NotificationRecord, grouped: Bool)] = []
            for user in users {
                let owner = Owner(tenant: tenant, userId: user)
                let preferences = try await store.preferences(for: owner)
                let switches = preferences.switches(for: request.type)
                guard switches.inApp || switches.push || switches.email else { continue }
                if switches.inApp, let key = request.groupKey,
                    let group = try await store.groupCandidate(
                        for: owner, type: request.type, groupKey: key, since: at.addingTimeInterval(-window), now: at)
                {
                    let joined = group.joined(by: request, at: at)
                    try await store.updateGroup(joined)
                    results.append((joined, true))
                    continue
                }
                let stored = try await store.insert(
                    NotificationRecord(request, for: owner, inApp: switches.inApp, at: at))
                let recipient = DeliveryPlanner.Recipient(
                    preferences: preferences,
                    deviceCount: switches.push ? try await store.deviceCount(for: owner) : 0,
                    pushesToday: switches.push
                        ? try await store.pushesCounted(
                            for: owner, since: DeliveryPlanner.startOfDay(at, in: preferences.timeZone))
                        : 0)
                let planned = planner.plan(type: request.type, priority: request.priority, for: recipient, at: at)
                try await store.insertDeliveries(planned, of: stored, at: at)
                results.append((stored, false))
            }
            return results
        }
        for (notification, grouped) in results where notification.inApp {
            let owner = Owner(tenant: notification.tenant, userId: notification.userId)
            if grouped {
                let unread = try await count(for: owner, filter: .init(), unreadOnly: true)
                await publish(
                    .changed(
                        NotificationChange(
                            kind: .updated, ids: [notification.id], notification: notification, unreadCount: unread)),
                    to: owner)
            } else {
                await publish(.added(notification), to: owner)
            }
        }
        logger.info(
            "Sent a notification",
            metadata: [
                "type": "\(request.type.rawValue)", "tenant": "\(tenant)", "recipients": "\(results.count)",
                "grouped": "\(results.filter(\.grouped).count)",
            ])
        return SendOutcome(recipientCount: results.count, notifications: results.map(\.0).filter(\.inApp))
    }
}

extension NotificationRecord {
    /// A new, ungrouped notification for `owner`.
    init(_ request: SendRequest, for owner: NotificationStore.Owner, inApp: Bool, at now: Date) {
        self.init(
            id: 0, tenant: owner.tenant, userId: owner.userId, type: request.type, title: request.title,
            body: request.body, actionUrl: request.actionUrl, metadata: request.metadata, priority: request.priority,
            readAt: nil, createdAt: now, updatedAt: now, expiresAt: request.expiresAt, actor: request.actor,
            groupKey: request.groupKey, groupSize: 1, actors: request.actor.map { [$0] } ?? [],
            actorCount: request.actor == nil ? 0 : 1, inApp: inApp)
    }

    /// The group this notification heads, joined by one more like it: the newest
    /// title, body and actor show, the priority is the highest seen, and a new actor is
    /// counted once.
    func joined(by request: SendRequest, at now: Date) -> NotificationRecord {
        var group = self
        group.groupSize += 1
        group.title = request.title
        group.body = request.body
        group.actionUrl = request.actionUrl ?? actionUrl
        group.metadata = request.metadata ?? metadata
        group.priority = max(priority, request.priority)
        group.updatedAt = now
        // A group lasts as long as its longest-lived member (nil: for ever).
        if let mine = expiresAt, let theirs = request.expiresAt {
            group.expiresAt = max(mine, theirs)
        } else {
            group.expiresAt = nil
        }
        if let actor = request.actor {
            if !actors.contains(where: { $0.id == actor.id }) { group.actorCount += 1 }
            group.actors = Array(([actor] + actors.filter { $0.id != actor.id }).prefix(Self.keptActors))
            group.actor = actor
        }
        return group
    }

    /// Distinct actors remembered per group, to count each once (the schema shows the
    /// newest `maxActors`).
    static let keptActors = 100
}
