import Foundation
import Gateway
import GraphQLEngine
import HTTPTypes
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// Notifications end to end through the real server: HTTP and WebSocket clients, an
/// SQLite database, the outbox with the webhook provider against a real HTTP receiver.
@Suite struct LiveNotificationTests {
    static let transport = "graphql-transport-ws"

    /// A live server with the notifications domain on a fresh SQLite database, its
    /// clock and provider in the test's hands (the outbox is run by the test).
    static func withServer(
        clock: ManualClock = ManualClock(), provider: (any DeliveryProvider)? = nil,
        _ body: @Sendable (LiveServer, NotificationsDomain) async throws -> Void
    ) async throws {
        try await TestDatabase.withSQLite { database in
            try await ServedDomains.migrator.migrate(database, logger: TestDatabase.logger)
            var logger = Logger(label: "switchboard.test.notifications")
            logger.logLevel = .critical
            let domain = NotificationsDomain(
                database: database, bus: InProcessEventBus(), provider: provider ?? RecordingProvider(),
                logger: logger, now: clock.source)
            let reachable = ReadinessCheck(name: "database") { await database.isReachable() }
            try await LiveServer.with(readiness: [reachable], domains: [domain]) { server in
                try await body(server, domain)
            }
        }
    }

    static func bearer(_ user: String, tenant: String = "acme", roles: [String] = []) async throws -> HTTPFields {
        [.authorization: "Bearer \(try await LiveServer.token(user: user, tenant: tenant, roles: roles))"]
    }

    static func send(_ title: String, to user: String, via server: LiveServer, priority: String = "NORMAL") async throws
        -> String
    {
        let response = try await server.post(
            """
            mutation { sendNotification(input: {to: {userId: "\(user)"}, type: MENTION, title: "\(title)", \
            priority: \(priority)}) { recipientCount notifications { id } } }
            """, headers: try await bearer("ops", roles: ["admin"]))
        #expect(response.status == 200, "\(response.text)")
        return response.text
    }

    static func subscribe(_ ws: WebSocketScript, as user: String) async throws {
        let token = try await LiveServer.token(user: user, tenant: "acme")
        try await ws.send(#"{"type":"connection_init","payload":{"authorization":"Bearer \#(token)"}}"#)
        try await ws.read(until: "connection_ack")
        try await ws.send(
            #"{"type":"subscribe","id":"n","payload":{"query":"subscription { notificationAdded { title summary priority } }"}}"#
        )
    }

    @Test func aSubscriberReceivesWhatAnAdminSendsAndAnotherUserDoesNot() async throws {
        try await Self.withServer { server, domain in
            let ready = AsyncStream<Void>.makeStream()
            async let bob = server.webSocket(subprotocol: Self.transport) { ws in
                try await Self.subscribe(ws, as: "bob")
                ready.continuation.yield()
                #expect(
                    try await ws.next()
                        == #"{"type":"next","id":"n","payload":{"data":{"notificationAdded":{"title":"For bob","summary":"For bob","priority":"NORMAL"}}}}"#
                )
            }
            async let carol = server.webSocket(subprotocol: Self.transport) { ws in
                try await Self.subscribe(ws, as: "carol")
                ready.continuation.yield()
                // Carol's first event is her own, not bob's sent before it.
                #expect(try await ws.next()?.contains("For carol") == true)
            }
            var readiness = ready.stream.makeAsyncIterator()
            _ = await readiness.next()
            _ = await readiness.next()
            // The subscriptions are registered once the bus has them.
            try await Self.waitForSubscribers(2, on: domain)
            _ = try await Self.send("For bob", to: "bob", via: server)
            _ = try await Self.send("For carol", to: "carol", via: server)
            _ = try await (bob, carol)
        }
    }

    @Test func readingOnOneDeviceReachesTheUsersOtherDevices() async throws {
        try await Self.withServer { server, domain in
            let sent = try await Self.send("Read me", to: "bob", via: server)
            let id = try #require(Self.value(of: "id", in: sent))
            let token = try await LiveServer.token(user: "bob", tenant: "acme")
            let (subscribed, signal) = AsyncStream<Void>.makeStream()
            // The phone listens over the legacy protocol; the laptop reads over HTTP.
            async let phone = server.webSocket(subprotocol: "graphql-ws") { ws in
                try await ws.send(#"{"type":"connection_init","payload":{"authorization":"Bearer \#(token)"}}"#)
                try await ws.read(until: "connection_ack")
                try await ws.send(
                    #"{"type":"start","id":"c","payload":{"query":"subscription { notificationChanged { kind ids unreadCount notification { isRead } } }"}}"#
                )
                signal.yield()
                #expect(
                    try await ws.read(until: "notificationChanged")
                        == #"{"type":"data","id":"c","payload":{"data":{"notificationChanged":{"kind":"READ","ids":["\#(id)"],"unreadCount":0,"notification":{"isRead":true}}}}}"#
                )
            }
            var waiting = subscribed.makeAsyncIterator()
            _ = await waiting.next()
            try await Self.waitForSubscribers(1, on: domain)
            let read = try await server.post(
                #"mutation { markNotificationRead(id: "\#(id)") { isRead } }"#, headers: try await Self.bearer("bob"))
            #expect(read.text == #"{"data":{"markNotificationRead":{"isRead":true}}}"#)
            _ = try await phone
        }
    }

    @Test func aSubscriptionWithoutCredentialsIsRefused() async throws {
        try await Self.withServer { server, _ in
            _ = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                try await ws.read(until: "connection_ack")
                try await ws.send(
                    #"{"type":"subscribe","id":"n","payload":{"query":"subscription { notificationAdded { title } }"}}"#
                )
                #expect(
                    try await ws.next()
                        == #"{"type":"error","id":"n","payload":[{"message":"Sign in to read or change notifications.","locations":[{"line":1,"column":16}],"path":["notificationAdded"],"extensions":{"code":"UNAUTHENTICATED"}}]}"#
                )
            }
        }
    }

    @Test func aClientThatReconnectsCatchesUpWithExactlyWhatItMissed() async throws {
        try await Self.withServer { server, _ in
            _ = try await Self.send("seen", to: "bob", via: server)
            let bob = try await Self.bearer("bob")
            let first = try await server.post(
                "{ notifications(last: 1) { edges { cursor node { title } } } }", headers: bob)
            let cursor = try #require(Self.value(of: "cursor", in: first.text))
            // While bob is away:
            for title in ["missed 1", "missed 2"] { _ = try await Self.send(title, to: "bob", via: server) }
            _ = try await Self.send("not for bob", to: "carol", via: server)
            let caughtUp = try await server.post(
                #"{ notifications(after: "\#(cursor)") { nodes { title } pageInfo { hasNextPage } totalCount } }"#,
                headers: bob)
            #expect(
                caughtUp.text
                    == #"{"data":{"notifications":{"nodes":[{"title":"missed 1"},{"title":"missed 2"}],"pageInfo":{"hasNextPage":false},"totalCount":3}}}"#
            )
        }
    }

    @Test func quietHoursHoldBackPushesButUrgentOnesPass() async throws {
        // 2026-11-24 22:30 UTC: 23:30 in Paris.
        try await Self.withServer(clock: ManualClock(Date(timeIntervalSince1970: 1_795_559_400))) { server, _ in
            let bob = try await Self.bearer("bob")
            let setup = try await server.post(
                """
                mutation { registerDevice(token: "ios-token-1", platform: IOS) { platform }
                  updateNotificationPreferences(input: {quietHours: {start: "22:00", end: "07:00", \
                timeZone: "Europe/Paris"}}) { quietHours { start end timeZone } } }
                """, headers: bob)
            #expect(
                setup.text
                    == #"{"data":{"registerDevice":{"platform":"IOS"},"updateNotificationPreferences":{"quietHours":{"start":"22:00","end":"07:00","timeZone":"Europe/Paris"}}}}"#
            )
            _ = try await Self.send("late", to: "bob", via: server)
            _ = try await Self.send("incident", to: "bob", via: server, priority: "URGENT")
            let feed = try await server.post(
                "{ notifications { nodes { title deliveries { channel status reason } } } }", headers: bob)
            #expect(
                feed.text
                    == #"{"data":{"notifications":{"nodes":[{"title":"late","deliveries":[{"channel":"PUSH","status":"SUPPRESSED","reason":"QUIET_HOURS"}]},{"title":"incident","deliveries":[{"channel":"PUSH","status":"PENDING","reason":null}]}]}}}"#
            )
        }
    }

    @Test func theOutboxRetriesAFailingWebhookAndRecordsTheOutcome() async throws {
        try await WebhookReceiver.with(failFirst: 1) { receiver in
            let clock = ManualClock()
            let provider = WebhookDeliveryProvider(url: receiver.url)
            try await Self.withServer(clock: clock, provider: provider) { server, domain in
                let bob = try await Self.bearer("bob")
                _ = try await server.post(
                    #"mutation { registerDevice(token: "web-1", platform: WEB) { id } }"#, headers: bob)
                _ = try await Self.send("ping", to: "bob", via: server)
                let query = "{ notifications { nodes { deliveries { status attempts lastError } } } }"

                #expect(try await domain.outbox.runOnce(at: clock.now) == .init(retrying: 1))
                let retrying = try await server.post(query, headers: bob).text
                #expect(retrying.contains(#""status":"PENDING","attempts":1,"lastError":"webhook answered 503"#))

                clock.advance(by: 30)
                #expect(try await domain.outbox.runOnce(at: clock.now) == .init(sent: 1))
                #expect(
                    try await server.post(query, headers: bob).text
                        == #"{"data":{"notifications":{"nodes":[{"deliveries":[{"status":"SENT","attempts":2,"lastError":null}]}]}}}"#
                )
                let bodies = receiver.bodies
                #expect(bodies.count == 2)
                #expect(bodies.last?.contains(#""devices":[{"token":"web-1","platform":"WEB"}]"#) == true)
                #expect(bodies.last?.contains(#""attempt":2"#) == true)
            }
        }
    }

    @Test func badInputIsRefusedByArgumentAndNothingIsWritten() async throws {
        try await Self.withServer { server, _ in
            let bob = try await Self.bearer("bob")
            let zone = try await server.post(
                #"mutation { updateNotificationPreferences(input: {quietHours: {start: "22:00", end: "07:00", timeZone: "Mars/Olympus"}, dailyPushLimit: 3}) { dailyPushLimit } }"#,
                headers: bob)
            #expect(zone.text.contains(#""code":"BAD_USER_INPUT""#))
            #expect(zone.text.contains(#"Argument \"input.quietHours.timeZone\" is not an IANA time zone"#))
            // The valid part of the same input was not written either.
            let preferences = try await server.post("{ notificationPreferences { dailyPushLimit } }", headers: bob)
            #expect(preferences.text == #"{"data":{"notificationPreferences":{"dailyPushLimit":null}}}"#)

            let cursor = try await server.post(
                #"{ notifications(after: "not-a-cursor") { totalCount } }"#, headers: bob)
            #expect(cursor.text.contains(#"Argument \"after\" is not a cursor of this connection"#))
            let token = try await server.post(
                #"mutation { registerDevice(token: "\#(String(repeating: "x", count: 600))", platform: IOS) { id } }"#,
                headers: bob)
            #expect(token.text.contains(#"Argument \"token\" has 600 bytes; at most 512 are allowed."#))
            #expect(try await server.post("{ devices { id } }", headers: bob).text == #"{"data":{"devices":[]}}"#)
        }
    }

    @Test func onlyOperatorsAndServicesSendNotifications() async throws {
        try await Self.withServer { server, _ in
            let mutation =
                #"mutation { sendNotification(input: {to: {userId: "bob"}, type: SYSTEM, title: "hi"}) { recipientCount } }"#
            let user = try await server.post(mutation, headers: try await Self.bearer("mallory"))
            #expect(user.text.contains(#""code":"FORBIDDEN""#))
            let service = try await server.post(mutation, headers: try await Self.bearer("billing", roles: ["system"]))
            #expect(service.text == #"{"data":{"sendNotification":{"recipientCount":1}}}"#)
        }
    }

    @Test func readyAndTheStatusReportTheDatabase() async throws {
        try await Self.withServer { server, _ in
            let ready = try await server.request(.get, "/ready")
            #expect(ready.status == 200)
            let status = try await server.post("{ realtimeStatus { status } }")
            #expect(status.text == #"{"data":{"realtimeStatus":{"status":"OK"}}}"#)
        }
        let down = ReadinessCheck(name: "database") { false }
        try await LiveServer.with(readiness: [down]) { server in
            let ready = try await server.request(.get, "/ready")
            #expect(ready.status == 503)
            #expect(ready.text == #"{"status":"unavailable","failing":["database"]}"#)
            let status = try await server.post("{ realtimeStatus { status } }")
            #expect(status.text == #"{"data":{"realtimeStatus":{"status":"DEGRADED"}}}"#)
        }
    }

    /// Waits until the bus has `count` notification subscribers in all.
    static func waitForSubscribers(_ count: Int, on domain: NotificationsDomain) async throws {
        guard let bus = domain.service.bus as? InProcessEventBus else { return }
        let topics = ["bob", "carol"].map { NotificationEvent.topic(for: NotificationHarness.owner($0)) }
        for _ in 0..<200 {
            if topics.map(bus.subscriberCount(on:)).reduce(0, +) >= count { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the subscriptions never reached the bus")
    }

    /// The first string value of `key` in JSON text.
    static func value(of key: String, in json: String) -> String? {
        guard let range = json.range(of: "\"\(key)\":\"") else { return nil }
        let rest = json[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }
}

/// A real HTTP server that takes webhook posts: the first `failFirst` get 503, the rest
/// 204; it keeps every body.
struct WebhookReceiver: Sendable {
    final class Inbox: Sendable {
        let bodies = Mutex<[String]>([])

        /// Keeps `body`; returns how many have come.
        func add(_ body: String) -> Int {
            bodies.withLock { list in
                list.append(body)
                return list.count
            }
        }
    }

    let port: Int
    let inbox: Inbox

    var url: URL { URL(string: "http://127.0.0.1:\(port)/deliveries")! }
    var bodies: [String] { inbox.bodies.withLock { $0 } }

    static func with(failFirst: Int, _ body: (WebhookReceiver) async throws -> Void) async throws {
        let inbox = Inbox()
        let router = Router()
        router.post("/deliveries") { request, _ -> Response in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            let count = inbox.add(String(buffer: buffer))
            return Response(status: count <= failFirst ? .serviceUnavailable : .noContent)
        }
        var logger = Logger(label: "switchboard.test.webhook")
        logger.logLevel = .critical
        let (bound, reportBound) = AsyncStream<Int>.makeStream()
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { reportBound.yield($0.localAddress?.port ?? 0) }, logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.runService(gracefulShutdownSignals: []) }
            var ports = bound.makeAsyncIterator()
            guard let port = await ports.next() else { return }
            defer { group.cancelAll() }
            try await body(WebhookReceiver(port: port, inbox: inbox))
        }
    }
}
