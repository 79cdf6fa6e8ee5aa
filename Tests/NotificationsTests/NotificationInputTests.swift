import Foundation
import GraphQLEngine
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// Bad arguments are `BAD_USER_INPUT` errors that name the argument, found before
/// anything is written.
@Suite struct NotificationInputTests {
    let now = Date(timeIntervalSince1970: 1_795_559_400)

    func sendInput(_ change: (inout [String: InputValue]) -> Void = { _ in }) -> InputValue {
        var fields: [String: InputValue] = [
            "to": ["userId": "bob"], "type": .enumValue("REACTION"), "title": "Alice reacted",
        ]
        change(&fields)
        return .object(fields)
    }

    /// The error `body` throws, if it is a GraphQL error.
    func refusal(_ body: () throws -> Void) -> GraphQLError? {
        do {
            try body()
            return nil
        } catch {
            return error as? GraphQLError
        }
    }

    @Test func aPlainSendReadsWithItsDefaults() throws {
        let request = try NotificationInput.send(sendInput(), now: now)
        #expect(request.audience == .users(["bob"]))
        #expect(request.type == .reaction)
        #expect(request.priority == .normal)
        #expect(request.title == "Alice reacted")
    }

    @Test func aTitleOverTheLimitIsRefusedByName() {
        let error = refusal {
            _ = try NotificationInput.send(
                sendInput { $0["title"] = .string(String(repeating: "x", count: 201)) }, now: now)
        }
        #expect(error?.code == "BAD_USER_INPUT")
        #expect(error?.message == "Argument \"input.title\" has 201 characters; at most 200 are allowed.")
    }

    @Test func aBlankTitleIsRefused() {
        let error = refusal { _ = try NotificationInput.send(sendInput { $0["title"] = "   " }, now: now) }
        #expect(error?.message == "Argument \"input.title\" must not be blank.")
    }

    @Test func anExpiryInThePastIsRefused() {
        let error = refusal {
            _ = try NotificationInput.send(sendInput { $0["expiresAt"] = "2020-01-01T00:00:00Z" }, now: now)
        }
        #expect(error?.message.hasPrefix("Argument \"input.expiresAt\" is in the past") == true)
    }

    @Test func repeatedRecipientsAreSentOnce() throws {
        let request = try NotificationInput.send(
            sendInput { $0["to"] = ["userIds": ["bob", "carol", "bob"]] }, now: now)
        #expect(request.audience == .users(["bob", "carol"]))
    }

    @Test func wholeTenantMustBeTrue() {
        let error = refusal {
            _ = try NotificationInput.send(sendInput { $0["to"] = ["wholeTenant": false] }, now: now)
        }
        #expect(error?.message == "Argument \"input.to.wholeTenant\" must be true when given.")
    }

    @Test func metadataOverSixteenKilobytesIsRefused() {
        let error = refusal {
            _ = try NotificationInput.send(
                sendInput { $0["metadata"] = ["blob": .string(String(repeating: "a", count: 17_000))] }, now: now)
        }
        #expect(error?.message.hasPrefix("Argument \"input.metadata\" is 17") == true)
    }

    @Test func anActionURLMustBeAURLOrAPath() throws {
        #expect(
            try NotificationInput.send(sendInput { $0["actionUrl"] = "/messages/42" }, now: now).actionUrl
                == "/messages/42")
        #expect(
            try NotificationInput.send(sendInput { $0["actionUrl"] = "myapp://chat/1" }, now: now).actionUrl
                == "myapp://chat/1")
        let error = refusal { _ = try NotificationInput.send(sendInput { $0["actionUrl"] = "not a url" }, now: now) }
        #expect(error?.message.hasPrefix("Argument \"input.actionUrl\" is not a URL or a path") == true)
    }

    @Test func aCursorThatIsNotOursIsRefusedByName() {
        let error = refusal { _ = try NotificationInput.page(["after": "bogus"]) }
        #expect(error?.code == "BAD_USER_INPUT")
        #expect(error?.message == "Argument \"after\" is not a cursor of this connection: \"bogus\".")
    }

    @Test func pagesAreAtMostAHundred() {
        let error = refusal { _ = try NotificationInput.page(["first": 101]) }
        #expect(error?.message == "Argument \"first\" must be between 0 and 100, got 101.")
    }

    @Test func withoutFirstOrLastThePageIsTheNewestTwentyOrTheTwentyAfterTheCursor() throws {
        let newest = try NotificationInput.page([:])
        #expect(newest.fromNewest && newest.limit == 20)
        let after = try NotificationInput.page(["after": .string(NotificationCursor.encode(7))])
        #expect(!after.fromNewest && after.after == 7 && after.limit == 20)
    }

    @Test func anOverlongDeviceTokenIsRefused() {
        let error = refusal { _ = try NotificationInput.deviceToken(.string(String(repeating: "a", count: 513))) }
        #expect(error?.message == "Argument \"token\" has 513 bytes; at most 512 are allowed.")
        #expect(refusal { _ = try NotificationInput.deviceToken("has space") } != nil)
    }

    @Test func quietHoursNeedAKnownTimeZone() {
        let error = refusal {
            _ = try NotificationInput.preferences(
                ["quietHours": ["start": "22:00", "end": "07:00", "timeZone": "Mars/Olympus"]])
        }
        #expect(error?.code == "BAD_USER_INPUT")
        #expect(error?.message.hasPrefix("Argument \"input.quietHours.timeZone\" is not an IANA time zone") == true)
    }

    @Test func malformedQuietHoursAreRefusedByField() {
        let start = refusal {
            _ = try NotificationInput.preferences(["quietHours": ["start": "10pm", "end": "07:00", "timeZone": "UTC"]])
        }
        #expect(start?.message.hasPrefix("Argument \"input.quietHours.start\" must be a time of day as HH:MM") == true)
        let empty = refusal {
            _ = try NotificationInput.preferences(["quietHours": ["start": "07:00", "end": "07:00", "timeZone": "UTC"]])
        }
        #expect(empty?.message == "Argument \"input.quietHours.end\" must differ from start.")
    }

    @Test func anUpdateChangesOnlyWhatItNames() throws {
        var current = NotificationPreferences()
        current.dailyPushLimit = 10
        current.emailDigest = .weekly
        let update = try NotificationInput.preferences([
            "types": [["type": .enumValue("MENTION"), "email": true]], "quietHours": .null,
        ])
        let updated = update.applied(to: current)
        #expect(updated.switches(for: .mention) == ChannelSwitches(inApp: true, push: true, email: true))
        #expect(updated.switches(for: .reply) == .defaults)
        #expect(updated.dailyPushLimit == 10)
        #expect(updated.emailDigest == .weekly)
        #expect(updated.quietHours == nil)
        let cleared = try NotificationInput.preferences(["dailyPushLimit": .null]).applied(to: current)
        #expect(cleared.dailyPushLimit == nil)
    }
}
