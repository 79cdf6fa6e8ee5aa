import Foundation
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// Similar notifications inside the batching window share one record.
@Suite struct NotificationGroupingTests {
    let now = Date(timeIntervalSince1970: 1_795_559_400)
    let owner = NotificationStore.Owner(tenant: "acme", userId: "bob")

    func reaction(by name: String) -> SendRequest {
        SendRequest(
            audience: .users(["bob"]), type: .reaction, title: "\(name) reacted to your message", priority: .normal,
            actor: NotificationActor(id: name.lowercased(), displayName: name), groupKey: "message:42")
    }

    @Test func aGroupOfFourActorsReadsAsTheLatestAndThreeOthers() {
        var group = NotificationRecord(reaction(by: "Dan"), for: owner, inApp: true, at: now)
        for name in ["Carol", "Bea", "Alice"] {
            group = group.joined(by: reaction(by: name), at: now)
        }
        #expect(group.groupSize == 4)
        #expect(group.summary == "Alice and 3 others reacted")
        #expect(group.actors.map(\.displayName) == ["Alice", "Bea", "Carol", "Dan"])
    }

    @Test func anActorSeenAgainIsCountedOnce() {
        var group = NotificationRecord(reaction(by: "Alice"), for: owner, inApp: true, at: now)
        group = group.joined(by: reaction(by: "Bea"), at: now)
        group = group.joined(by: reaction(by: "Alice"), at: now)
        #expect(group.groupSize == 3)
        #expect(group.summary == "Alice and 1 other reacted")
    }

    @Test func aLoneNotificationReadsAsItsTitle() {
        #expect(
            NotificationRecord(reaction(by: "Alice"), for: owner, inApp: true, at: now).summary
                == "Alice reacted to your message")
    }

    @Test func aGroupTakesTheHighestPriority() {
        var urgent = reaction(by: "Bea")
        urgent.priority = .urgent
        let group = NotificationRecord(reaction(by: "Alice"), for: owner, inApp: true, at: now).joined(
            by: urgent, at: now)
        #expect(group.priority == .urgent)
    }
}
