import Foundation
import GraphQLEngine
import Synchronization
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// The notifications store and service, the same suite on SQLite and on PostgreSQL.
@Suite struct NotificationStoreSuite {
    /// A harness on a fresh, migrated database of `driver`.
    func withHarness(
        _ driver: TestDriver, clock: ManualClock = ManualClock(), _ body: (NotificationHarness) async throws -> Void
    ) async throws {
        try await driver.withDatabase { database in
            try await Migrator(migrations: NotificationMigrations.all).migrate(database, logger: TestDatabase.logger)
            try await body(NotificationHarness(database: database, clock: clock))
        }
    }

    @Test(arguments: TestDriver.all)
    func aSentNotificationIsStoredBeforeItsEventIsPublished(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let events = try await harness.service.events(for: NotificationHarness.owner("bob"))
            try await harness.send("Alice mentioned you", to: ["bob"])
            var iterator = events.makeAsyncIterator()
            guard case .added(let event)? = await iterator.next() else {
                Issue.record("no event")
                return
            }
            // By the time anyone hears of it, the store has it.
            let stored = try await harness.service.notification(event.id, for: NotificationHarness.owner("bob"))
            #expect(stored == event)
            #expect(stored?.title == "Alice mentioned you")
        }
    }

    @Test(arguments: TestDriver.all)
    func pagesRunOldestFirstWithCursorsEitherWay(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            var ids: [Int64] = []
            for index in 1...5 {
                ids.append(try await harness.send("n\(index)", to: ["bob"]).notifications[0].id)
                harness.clock.advance(by: 1)
            }
            let newest = try await harness.page("bob", ["last": 2])
            #expect(newest.notifications.map(\.title) == ["n4", "n5"])
            #expect(newest.hasOlder && !newest.hasNewer)
            let since = try await harness.page("bob", ["after": .string(NotificationCursor.encode(ids[1]))])
            #expect(since.notifications.map(\.title) == ["n3", "n4", "n5"])
            #expect(since.hasOlder && !since.hasNewer)
            let firstTwo = try await harness.page("bob", ["first": 2])
            #expect(firstTwo.notifications.map(\.title) == ["n1", "n2"])
            #expect(firstTwo.hasNewer && !firstTwo.hasOlder)
            let before = try await harness.page(
                "bob", ["last": 10, "before": .string(NotificationCursor.encode(ids[2]))])
            #expect(before.notifications.map(\.title) == ["n1", "n2"])
            #expect(before.hasNewer)
        }
    }

    /// A reader that follows `after:` its last cursor while sends run concurrently never
    /// passes a notification that commits after a newer one.
    @Test(arguments: TestDriver.all)
    func catchingUpWhileSendsRunConcurrentlyMissesNothing(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let finished = Tally()
            let seen = try await withThrowingTaskGroup(of: Set<Int64>.self) { group in
                for index in 1...40 {
                    group.addTask {
                        // To two users, named in either order: their locks never cross.
                        try await harness.send(
                            "n\(index)", to: index.isMultiple(of: 2) ? ["bob", "carol"] : ["carol", "bob"])
                        finished.add()
                        return []
                    }
                }
                group.addTask {
                    var seen: Set<Int64> = []
                    var cursor: Int64?
                    var done = false
                    while !done {
                        done = finished.count == 40
                        var arguments: [String: GraphQLEngine.InputValue] = ["first": 100]
                        if let cursor { arguments["after"] = .string(NotificationCursor.encode(cursor)) }
                        let page = try await harness.page("bob", arguments)
                        seen.formUnion(page.notifications.map(\.id))
                        cursor = page.notifications.last?.id ?? cursor
                    }
                    return seen
                }
                var seen: Set<Int64> = []
                for try await ids in group { seen.formUnion(ids) }
                return seen
            }
            #expect(seen.count == 40)
            #expect(try await harness.page("bob", ["first": 100]).notifications.count == 40)
        }
    }

    @Test(arguments: TestDriver.all)
    func filtersAndCountsSeeOnlyWhatMatches(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            try await harness.send("low", to: ["bob"], type: .reaction, priority: .low)
            let high = try await harness.send("high", to: ["bob"], type: .mention, priority: .high).notifications[0]
            try await harness.send("urgent", to: ["bob"], type: .call, priority: .urgent)
            _ = try await harness.service.markRead(high.id, for: NotificationHarness.owner("bob"))
            let bob = NotificationHarness.owner("bob")
            let important = try await harness.page("bob", ["filter": ["minPriority": .enumValue("HIGH")]])
            #expect(important.notifications.map(\.title) == ["high", "urgent"])
            let unread = try await harness.page("bob", ["filter": ["unreadOnly": true]])
            #expect(unread.notifications.map(\.title) == ["low", "urgent"])
            let typed = try await harness.page(
                "bob", ["filter": ["types": [.enumValue("REACTION"), .enumValue("CALL")]]])
            #expect(typed.notifications.map(\.title) == ["low", "urgent"])
            #expect(try await harness.service.count(for: bob, filter: .init(), unreadOnly: false) == 3)
            #expect(try await harness.service.count(for: bob, filter: .init(), unreadOnly: true) == 2)
            let highUp = NotificationStore.Filter(minPriority: .high)
            #expect(try await harness.service.count(for: bob, filter: highUp, unreadOnly: true) == 1)
        }
    }

    @Test(arguments: TestDriver.all)
    func everyUserSeesOnlyTheirOwnNotificationsWithinTheirTenant(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bobs = try await harness.send("for bob", to: ["bob"]).notifications[0]
            let carol = NotificationHarness.owner("carol")
            let otherBob = NotificationHarness.owner("bob", tenant: "globex")
            #expect(try await harness.page("carol").notifications.isEmpty)
            #expect(
                try await harness.service.page(.init(limit: 20, fromNewest: true), for: otherBob).page.notifications
                    .isEmpty)
            #expect(try await harness.service.notification(bobs.id, for: carol) == nil)
            #expect(try await harness.service.notification(bobs.id, for: otherBob) == nil)
            await #expect(throws: GraphQLError.self) { _ = try await harness.service.markRead(bobs.id, for: carol) }
            #expect(try await harness.service.delete(bobs.id, for: otherBob) == false)
            #expect(try await harness.service.markAllRead(for: carol) == 0)
            // Still there, still unread, for bob.
            #expect(
                try await harness.service.notification(bobs.id, for: NotificationHarness.owner("bob"))?.isRead == false)
        }
    }

    @Test(arguments: TestDriver.all)
    func readAndDeleteChangesReachEveryDeviceWithTheUnreadCount(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            let first = try await harness.send("one", to: ["bob"]).notifications[0]
            try await harness.send("two", to: ["bob"])
            try await harness.send("three", to: ["bob"])
            var events = try await harness.service.events(for: bob).makeAsyncIterator()
            let read = try await harness.service.markRead(first.id, for: bob)
            #expect(read.isRead && read.readAt == harness.clock.now.rounded)
            guard case .changed(let change)? = await events.next() else {
                Issue.record("no change")
                return
            }
            #expect(change.kind == .read && change.ids == [first.id] && change.unreadCount == 2)
            #expect(try await harness.service.markAllRead(for: bob) == 2)
            guard case .changed(let all)? = await events.next() else {
                Issue.record("no change")
                return
            }
            #expect(all.kind == .read && all.ids.count == 2 && all.unreadCount == 0)
            #expect(try await harness.service.clearRead(for: bob) == 3)
            guard case .changed(let cleared)? = await events.next() else {
                Issue.record("no change")
                return
            }
            #expect(cleared.kind == .deleted && cleared.ids.count == 3)
            #expect(try await harness.page("bob").notifications.isEmpty)
        }
    }

    @Test(arguments: TestDriver.all)
    func similarNotificationsInsideTheWindowAreGroupedAndLaterOnesStandAlone(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            var events = try await harness.service.events(for: bob).makeAsyncIterator()
            try await harness.send("Dan reacted", to: ["bob"], type: .reaction, actor: "Dan", groupKey: "m:1")
            _ = await events.next()
            for name in ["Carol", "Bea", "Alice"] {
                harness.clock.advance(by: 60)
                try await harness.send("\(name) reacted", to: ["bob"], type: .reaction, actor: name, groupKey: "m:1")
            }
            let page = try await harness.page("bob")
            #expect(page.notifications.count == 1)
            #expect(page.notifications.first?.summary == "Alice and 3 others reacted")
            #expect(page.notifications.first?.groupSize == 4)
            guard case .changed(let change)? = await events.next() else {
                Issue.record("no change")
                return
            }
            #expect(change.kind == .updated && change.notification?.groupSize == 2)
            // Past the window (from the group's creation), a new one stands alone.
            harness.clock.advance(by: 300)
            try await harness.send("Eve reacted", to: ["bob"], type: .reaction, actor: "Eve", groupKey: "m:1")
            #expect(try await harness.page("bob").notifications.map(\.groupSize) == [4, 1])
        }
    }

    @Test(arguments: TestDriver.all)
    func expiredNotificationsAreNeverReturnedAndArePurged(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            let brief = try await harness.send("brief", to: ["bob"], expiresIn: 60).notifications[0]
            try await harness.send("lasting", to: ["bob"])
            harness.clock.advance(by: 61)
            #expect(try await harness.page("bob").notifications.map(\.title) == ["lasting"])
            #expect(try await harness.service.notification(brief.id, for: bob) == nil)
            #expect(try await harness.service.count(for: bob, filter: .init(), unreadOnly: true) == 1)
            #expect(try await harness.service.purgeExpired() == 1)
            #expect(try await harness.service.purgeExpired() == 0)
        }
    }

    @Test(arguments: TestDriver.all)
    func preferencesRoundTripAndShapeDeliveries(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .ios, for: bob)
            let update = try NotificationInput.preferences([
                "types": [["type": .enumValue("REACTION"), "inApp": false, "email": true]],
                "quietHours": ["start": "22:00", "end": "07:00", "timeZone": "Europe/Paris"],
                "dailyPushLimit": 2, "emailDigest": .enumValue("NEVER"),
            ])
            _ = try await harness.service.updatePreferences(update, for: bob)
            let stored = try await harness.service.preferences(for: bob)
            #expect(stored.switches(for: .reaction) == ChannelSwitches(inApp: false, push: true, email: true))
            #expect(
                stored.quietHours == QuietHours(start: 1320, end: 420, timeZone: TimeZone(identifier: "Europe/Paris")!))
            #expect(stored.dailyPushLimit == 2)
            // In-app off: not listed, but its deliveries exist.
            let hidden = try await harness.send("reacted", to: ["bob"], type: .reaction)
            #expect(hidden.notifications.isEmpty && hidden.recipientCount == 1)
            #expect(try await harness.page("bob").notifications.isEmpty)
            let due = try await harness.database.withConnection { db in
                try await NotificationStore(db: db).dueDeliveries(at: harness.clock.now, limit: 10)
            }
            #expect(Set(due.map(\.channel)) == [.push, .email])
            // 10:00 UTC is 11:00 in Paris: outside quiet hours. The hidden one's push and
            // one more fit the cap of two; the third is held back.
            for _ in 1...3 { try await harness.send("mention", to: ["bob"]) }
            let statuses = try await harness.page("bob").notifications.asyncMap { try await harness.deliveries($0) }
            #expect(statuses.map { $0.map(\.status) } == [[.pending], [.suppressed], [.suppressed]])
            #expect(statuses.last?.first?.reason == .dailyCap)
        }
    }

    @Test(arguments: TestDriver.all)
    func quietHoursHoldBackPushButNotTheRecordAndUrgentPasses(driver: TestDriver) async throws {
        // 2026-11-24 22:30 UTC, 23:30 in Paris.
        try await withHarness(driver, clock: ManualClock(Date(timeIntervalSince1970: 1_795_559_400))) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .android, for: bob)
            _ = try await harness.service.updatePreferences(
                try NotificationInput.preferences([
                    "quietHours": ["start": "22:00", "end": "07:00", "timeZone": "Europe/Paris"]
                ]), for: bob)
            let quiet = try await harness.send("late", to: ["bob"]).notifications[0]
            let urgent = try await harness.send("incident", to: ["bob"], priority: .urgent).notifications[0]
            #expect(try await harness.deliveries(quiet).map(\.status) == [.suppressed])
            #expect(try await harness.deliveries(quiet).first?.reason == .quietHours)
            #expect(try await harness.deliveries(urgent).map(\.status) == [.pending])
            #expect(try await harness.page("bob").notifications.count == 2)
        }
    }

    @Test(arguments: TestDriver.all)
    func aDeviceTokenBelongsToOneUserAndOnlyTheyCanRemoveIt(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            let carol = NotificationHarness.owner("carol")
            _ = try await harness.service.registerDevice(token: "shared-phone", platform: .ios, for: bob)
            #expect(try await harness.service.devices(for: bob).map(\.token) == ["shared-phone"])
            #expect(try await harness.service.unregisterDevice(token: "shared-phone", for: carol) == false)
            // The phone signs in as carol: the token moves.
            let moved = try await harness.service.registerDevice(token: "shared-phone", platform: .ios, for: carol)
            #expect(moved.token == "shared-phone")
            #expect(try await harness.service.devices(for: bob).isEmpty)
            #expect(try await harness.service.unregisterDevice(token: "shared-phone", for: carol))
            #expect(try await harness.service.devices(for: carol).isEmpty)
        }
    }

    @Test(arguments: TestDriver.all)
    func aTenantWideNotificationReachesTheTenantsKnownMembersOnly(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            for user in ["bob", "carol"] {
                _ = try await harness.service.preferences(for: NotificationHarness.owner(user))
            }
            _ = try await harness.service.preferences(for: NotificationHarness.owner("dave", tenant: "globex"))
            let outcome = try await harness.service.send(
                SendRequest(audience: .tenant, type: .announcement, title: "Maintenance tonight", priority: .normal),
                from: NotificationHarness.admin)
            #expect(outcome.notifications.map(\.userId).sorted() == ["bob", "carol"])
            #expect(try await harness.page("carol").notifications.map(\.title) == ["Maintenance tonight"])
        }
    }

    @Test(arguments: TestDriver.all)
    func theOutboxRetriesWithBackoffThenRecordsTheOutcome(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .ios, for: bob)
            let notification = try await harness.send("ping", to: ["bob"]).notifications[0]
            harness.provider.failNext([DeliveryFailure("HTTP 503"), DeliveryFailure("HTTP 502")])
            var report = try await harness.outbox.runOnce(at: harness.clock.now)
            #expect(report == .init(retrying: 1))
            var delivery = try #require(try await harness.deliveries(notification).first)
            #expect(delivery.status == .pending && delivery.attempts == 1 && delivery.lastError == "HTTP 503")
            #expect(delivery.nextAttemptAt == harness.clock.now.addingTimeInterval(30).rounded)
            // Not due yet.
            #expect(try await harness.outbox.runOnce(at: harness.clock.now.addingTimeInterval(29)) == .init())
            harness.clock.advance(by: 30)
            report = try await harness.outbox.runOnce(at: harness.clock.now)
            #expect(report == .init(retrying: 1))
            delivery = try #require(try await harness.deliveries(notification).first)
            #expect(delivery.nextAttemptAt == harness.clock.now.addingTimeInterval(60).rounded)
            harness.clock.advance(by: 60)
            #expect(try await harness.outbox.runOnce(at: harness.clock.now) == .init(sent: 1))
            delivery = try #require(try await harness.deliveries(notification).first)
            #expect(delivery.status == .sent && delivery.attempts == 3 && delivery.sentAt != nil)
            #expect(harness.provider.delivered.map(\.devices) == [[OutboundDevice(token: "device-1", platform: "IOS")]])
            #expect(harness.provider.delivered.first?.attempt == 3)
        }
    }

    @Test(arguments: TestDriver.all)
    func aRefusedDeliveryFailsAtOnceAndARepeatedFailureFailsAfterTheLastAttempt(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .web, for: bob)
            let refused = try await harness.send("refused", to: ["bob"]).notifications[0]
            harness.provider.failNext([DeliveryFailure("HTTP 400", retryable: false)])
            #expect(try await harness.outbox.runOnce(at: harness.clock.now) == .init(failed: 1))
            #expect(try await harness.deliveries(refused).first?.status == .failed)

            let doomed = try await harness.send("doomed", to: ["bob"]).notifications[0]
            harness.provider.failNext(Array(repeating: DeliveryFailure("timeout"), count: 5))
            for _ in 1...5 {
                try await harness.outbox.runOnce(at: harness.clock.now)
                harness.clock.advance(by: 3_600)
            }
            let delivery = try #require(try await harness.deliveries(doomed).first)
            #expect(delivery.status == .failed && delivery.attempts == 5 && delivery.lastError == "timeout")
        }
    }

    @Test(arguments: TestDriver.all)
    func twoWorkersNeverSendOneDeliveryTwice(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .ios, for: bob)
            for index in 1...10 { try await harness.send("n\(index)", to: ["bob"]) }
            let other = OutboxWorker(database: harness.database, provider: harness.provider)
            let now = harness.clock.now
            async let first = harness.outbox.runOnce(at: now)
            async let second = other.runOnce(at: now)
            let reports = try await [first, second]
            #expect(reports.map(\.sent).reduce(0, +) == 10)
            #expect(Set(harness.provider.delivered.map(\.id)).count == 10)
            #expect(harness.provider.delivered.count == 10)
        }
    }

    @Test(arguments: TestDriver.all)
    func dueDigestEmailsOfAUserGoOutAsOne(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.updatePreferences(
                try NotificationInput.preferences([
                    "types": [["type": .enumValue("MENTION"), "push": false, "email": true]],
                    "emailDigest": .enumValue("DAILY"),
                ]), for: bob)
            for index in 1...3 { try await harness.send("m\(index)", to: ["bob"]) }
            #expect(try await harness.outbox.runOnce(at: harness.clock.now) == .init())
            // 10:00 UTC now: the digest is due at 08:00 UTC tomorrow.
            harness.clock.advance(by: 22 * 3_600)
            #expect(try await harness.outbox.runOnce(at: harness.clock.now) == .init(sent: 3))
            #expect(harness.provider.delivered.count == 1)
            #expect(harness.provider.delivered.first?.isDigest == true)
            #expect(harness.provider.delivered.first?.notifications.map(\.title) == ["m1", "m2", "m3"])
        }
    }

    @Test(arguments: TestDriver.all)
    func deletingANotificationCancelsItsPendingDeliveries(driver: TestDriver) async throws {
        try await withHarness(driver) { harness in
            let bob = NotificationHarness.owner("bob")
            _ = try await harness.service.registerDevice(token: "device-1", platform: .ios, for: bob)
            let notification = try await harness.send("gone", to: ["bob"]).notifications[0]
            // Deleting removes the deliveries with it: nothing is left to send.
            #expect(try await harness.service.delete(notification.id, for: bob))
            #expect(try await harness.outbox.runOnce(at: harness.clock.now) == .init())
            #expect(harness.provider.delivered.isEmpty)
        }
    }
}

/// A count shared by concurrent tasks.
final class Tally: Sendable {
    private let value = Mutex(0)

    var count: Int { value.withLock { $0 } }

    func add() { value.withLock { $0 += 1 } }
}

extension Date {
    /// To the millisecond, as the store keeps times.
    var rounded: Date {
        Date(timeIntervalSince1970: (timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
