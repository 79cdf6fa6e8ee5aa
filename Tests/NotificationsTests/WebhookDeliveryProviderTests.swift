import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Notifications
import Platform
import Synchronization
import Testing

/// The webhook provider against a real HTTP server on a free loopback port: what it
/// sends, and how the answer becomes delivered, retry or refusal.
@Suite struct WebhookDeliveryProviderTests {
    /// What the server received: one entry per request.
    final class Received: Sendable {
        let requests = Mutex<[(headers: [String: String], body: String)]>([])
    }

    let delivery = OutboundDelivery(
        id: 42, channel: .push, tenant: "acme", userId: "u1", attempt: 3,
        notifications: [
            OutboundNotification(
                id: "n7", type: "MENTION", title: "Hi", priority: "NORMAL", createdAt: Date(timeIntervalSince1970: 0))
        ],
        devices: [OutboundDevice(token: "tok", platform: "IOS")])

    /// A server answering `/ok` 204, `/status/CODE` with that status, and `/slow` after a second.
    func withServer(_ body: @Sendable (_ port: Int, _ received: Received) async throws -> Void) async throws {
        let received = Received()
        let router = Router()
        router.post("ok") { request, _ -> HTTPResponse.Status in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            received.requests.withLock { $0.append((headers, String(buffer: bytes))) }
            return .noContent
        }
        router.post("status/:code") { _, context in
            Response(status: .init(code: try context.parameters.require("code", as: Int.self)))
        }
        router.post("slow") { _, _ -> HTTPResponse.Status in
            // Past the provider's timeout; the server's shutdown waits for it, so not much past.
            try await Task.sleep(for: .seconds(1))
            return .ok
        }
        var logger = Logger(label: "switchboard.test.webhook")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        try await app.test(.live) { client in
            try await body(try #require(client.port), received)
        }
    }

    func provider(_ port: Int, _ path: String, timeout: Duration = .seconds(10)) throws -> WebhookDeliveryProvider {
        WebhookDeliveryProvider(url: try #require(URL(string: "http://127.0.0.1:\(port)/\(path)")), timeout: timeout)
    }

    @Test("a 2xx answer delivers; the body is the delivery's JSON and the headers name it")
    func postsTheDeliveryWithItsHeaders() async throws {
        let delivery = self.delivery
        try await withServer { port, received in
            try await provider(port, "ok").deliver(delivery)
            let requests = received.requests.withLock { $0 }
            #expect(requests.count == 1)
            let request = try #require(requests.first)
            #expect(request.body == String(decoding: delivery.json, as: UTF8.self))
            #expect(request.headers["content-type"] == "application/json")
            #expect(request.headers["user-agent"] == "switchboard")
            #expect(request.headers["x-switchboard-delivery"] == "42")
            #expect(request.headers["x-switchboard-attempt"] == "3")
        }
    }

    @Test(
        "408, 429 and 5xx answers are worth retrying, other statuses refuse the delivery, each named",
        arguments: [
            (500, "500 Internal Server Error", true), (503, "503 Service Unavailable", true),
            (408, "408 Request Timeout", true), (429, "429 Too Many Requests", true), (400, "400 Bad Request", false),
            (410, "410 Gone", false), (302, "302 Found", false),
        ])
    func aStatusDecidesWhetherToRetry(code: Int, named: String, retryable: Bool) async throws {
        let delivery = self.delivery
        try await withServer { port, _ in
            let failure = await #expect(throws: DeliveryFailure.self) {
                try await provider(port, "status/\(code)").deliver(delivery)
            }
            #expect(failure?.retryable == retryable)
            #expect(failure?.description.hasPrefix("webhook answered \(named)") == true)
        }
    }

    @Test("no answer within the timeout is a failure worth retrying")
    func timeoutsAreRetryable() async throws {
        let delivery = self.delivery
        try await withServer { port, _ in
            let failure = await #expect(throws: DeliveryFailure.self) {
                try await provider(port, "slow", timeout: .milliseconds(300)).deliver(delivery)
            }
            #expect(failure?.retryable == true)
        }
    }

    @Test("a closed port is a failure worth retrying")
    func refusedConnectionsAreRetryable() async throws {
        // The client retries connecting until the timeout, then fails with the last error.
        let failure = await #expect(throws: DeliveryFailure.self) {
            try await provider(1, "ok", timeout: .milliseconds(500)).deliver(delivery)
        }
        #expect(failure?.retryable == true)
    }
}
