import Auth
import Foundation
import Gateway
import GraphQLEngine
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import Logging
import NIOCore
import NIOWebSocket
import Notifications
import Pipeline
import Platform
import RateLimiting
import Schema
import ServiceLifecycle

@testable import TestSupport

/// A real gateway on a free loopback port, serving the repository's schema.graphql, for
/// tests that speak HTTP and WebSocket to it as clients do.
struct LiveServer: Sendable {
    static let secret = "live-server-test-secret-of-enough-bytes"
    static let schemaPath = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appending(path: "schema.graphql").path

    let port: Int
    let server: GatewayServer
    let group: ServiceGroup

    /// Runs `body` against a server started with `settings` (its port replaced by a free
    /// one), then shuts the server down gracefully. The server is composed of `domains`;
    /// without any, of the notifications domain on a fresh SQLite database, so that every
    /// field of schema.graphql is served.
    static func with(
        settings: GatewayServer.Settings = .init(), configuration: GatewayConfiguration = .init(),
        readiness: [ReadinessCheck] = [], rateLimits: RateLimitGate? = nil, domains: [any Domain]? = nil,
        _ body: @Sendable (LiveServer) async throws -> Void
    ) async throws {
        guard let domains else {
            try await TestDatabase.withSQLite { database in
                try await ServedDomains.migrator.migrate(database, logger: TestDatabase.logger)
                let notifications = NotificationsDomain(
                    database: database, bus: InProcessEventBus(), provider: RecordingProvider(),
                    logger: TestDatabase.logger)
                try await with(
                    settings: settings, configuration: configuration, readiness: readiness, rateLimits: rateLimits,
                    domains: [notifications], body)
            }
            return
        }
        var settings = settings
        settings.port = 0
        let schema = try SchemaLoader.load(paths: [schemaPath])
        var logger = Logger(label: "switchboard.test")
        logger.logLevel = .critical
        let server = try GatewayServer(
            schema: schema, configuration: configuration, settings: settings,
            verifier: try await TokenVerifier(AuthConfiguration(key: secret)), logger: logger, domains: domains,
            readiness: readiness, rateLimits: rateLimits)
        let (bound, reportBound) = AsyncStream<Int>.makeStream()
        let group = server.serviceGroup(signals: [], onBound: { reportBound.yield($0) })
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var ports = bound.makeAsyncIterator()
            guard let port = await ports.next() else { return }
            do {
                try await body(LiveServer(port: port, server: server, group: group))
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    /// A token for `user` signed with the server's secret.
    static func token(
        user: String, tenant: String? = nil, roles: [String] = [], ttl: Duration = .seconds(600)
    ) async throws -> String {
        try await TokenMinter(AuthConfiguration(key: secret)).mint(
            user: user, tenant: tenant, roles: roles, ttl: ttl, now: Date())
    }

    /// One HTTP request; the response with its body as text.
    func request(
        _ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields = [:], body: String? = nil
    ) async throws -> (status: Int, headers: HTTPFields, text: String) {
        try await TestClient.withClient(host: "127.0.0.1", port: port) { client in
            let response = try await client.execute(
                .init(uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }))
            return (response.status.code, response.headers, response.body.map { String(buffer: $0) } ?? "")
        }
    }

    /// A POST of `query` to `/graphql`.
    func post(_ query: String, headers: HTTPFields = [:]) async throws -> (
        status: Int, headers: HTTPFields, text: String
    ) {
        var headers = headers
        headers[.contentType] = "application/json"
        headers[.accept] = headers[.accept] ?? "application/graphql-response+json"
        let body = "{\"query\":\(Self.jsonString(query))}"
        return try await request(.post, "/graphql", headers: headers, body: body)
    }

    static func jsonString(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return writer.text
    }

    /// What a WebSocket session saw: the messages the server sent, and how it closed.
    struct Session: Sendable {
        var messages: [String]
        var closeCode: Int?
        var closeReason: String?
    }

    /// Opens a WebSocket on `/graphql` offering `subprotocol`, and runs `script` with
    /// ways to send and to wait for the server's messages. The session ends when the
    /// script returns (the client closes) or the server closes.
    func webSocket(
        subprotocol: String?, _ script: @escaping @Sendable (WebSocketScript) async throws -> Void
    ) async throws -> Session {
        var configuration = WebSocketClientConfiguration()
        if let subprotocol { configuration.additionalHeaders[.secWebSocketProtocol] = subprotocol }
        configuration.maxFrameSize = 1 << 22
        let seen = Seen()
        var logger = Logger(label: "switchboard.test.client")
        logger.logLevel = .critical
        let close = try await WebSocketClient.connect(
            url: "ws://127.0.0.1:\(port)/graphql", configuration: configuration, logger: logger
        ) { inbound, outbound, _ in
            try await script(
                WebSocketScript(
                    messages: inbound.messages(maxSize: 1 << 22).makeAsyncIterator(), outbound: outbound, seen: seen))
        }
        return Session(
            messages: await seen.messages, closeCode: close.map { Int($0.closeCode.code) }, closeReason: close?.reason)
    }

    actor Seen {
        var messages: [String] = []
        func add(_ message: String) { messages.append(message) }
    }
}

extension WebSocketErrorCode {
    var code: UInt16 {
        var buffer = ByteBuffer()
        buffer.write(webSocketErrorCode: self)
        return buffer.readInteger(as: UInt16.self) ?? 0
    }
}

/// A test's side of a WebSocket: send text, read what the server sends.
final class WebSocketScript {
    private var messages: WebSocketInboundMessageStream.AsyncIterator
    private let outbound: WebSocketOutboundWriter
    private let seen: LiveServer.Seen

    init(
        messages: WebSocketInboundMessageStream.AsyncIterator, outbound: WebSocketOutboundWriter, seen: LiveServer.Seen
    ) {
        self.messages = messages
        self.outbound = outbound
        self.seen = seen
    }

    func send(_ text: String) async throws {
        try await outbound.writeTextMessage(text)
    }

    /// The server's next message; nil once it has closed.
    func next() async throws -> String? {
        guard let message = try await messages.next() else { return nil }
        let text: String
        switch message {
        case .text(let string): text = string
        case .binary: text = "<binary>"
        }
        await seen.add(text)
        return text
    }

    /// Reads up to the first message that contains `fragment`; nil if the server closed
    /// first.
    @discardableResult
    func read(until fragment: String) async throws -> String? {
        while let message = try await next() {
            if message.contains(fragment) { return message }
        }
        return nil
    }

    /// Reads everything until the server closes.
    func readToEnd() async throws {
        while try await next() != nil {}
    }
}
