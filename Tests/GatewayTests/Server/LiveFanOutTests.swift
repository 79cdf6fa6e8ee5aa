import Foundation
import Gateway
import GraphQLEngine
import NIOCore
import NIOPosix
import NIOWebSocket
import Synchronization
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// Fan-out through the real server, with raw WebSocket clients light enough to open a
/// thousand: one event reaches every subscriber of a shared subscription, and a client
/// that stops reading is closed with 1008 while the others, on the same event loops, keep
/// receiving every event in order.
@Suite struct LiveFanOutTests {
    /// What a raw client has read, for the test to look into.
    final class Received: Sendable {
        private let bytes = Mutex<[UInt8]>([])
        private let closed = Mutex(false)

        func append(_ buffer: ByteBuffer) { bytes.withLock { $0 += buffer.readableBytesView } }
        func markClosed() { closed.withLock { $0 = true } }
        var isClosed: Bool { closed.withLock { $0 } }
        var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }

        func count(of fragment: String) -> Int { text.components(separatedBy: fragment).count - 1 }
    }

    /// Keeps every byte the server sends (its frames are not masked, so their text can be
    /// searched as it is).
    final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: Received

        init(_ received: Received) { self.received = received }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            received.append(unwrapInboundIn(data))
        }

        func channelInactive(context: ChannelHandlerContext) {
            received.markClosed()
            context.fireChannelInactive()
        }
    }

    /// A graphql-transport-ws client on a raw socket: the upgrade written by hand, frames
    /// masked by NIO's encoder. `reading` false stops reading from the socket (with a
    /// small receive buffer), as a client on a stalled network does.
    struct RawClient {
        let channel: any Channel
        let received: Received

        static func connect(port: Int, reading: Bool) async throws -> RawClient {
            let received = Received()
            var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .channelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(Collector(received))
                    }
                }
            if !reading {
                bootstrap = bootstrap.channelOption(ChannelOptions.socketOption(.so_rcvbuf), value: 4096)
            }
            let channel = try await bootstrap.connect(host: "127.0.0.1", port: port).get()
            let upgrade =
                "GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
            try await channel.writeAndFlush(ByteBuffer(string: upgrade))
            return RawClient(channel: channel, received: received)
        }

        func send(_ text: String) async throws {
            let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text))
            try await channel.writeAndFlush(frame)
        }

        /// Waits (up to ten seconds) for `condition` on what was read.
        func wait(for condition: (Received) -> Bool) async -> Bool {
            for _ in 0..<10_000 {
                if condition(received) { return true }
                try? await Task.sleep(for: .milliseconds(1))
            }
            return condition(received)
        }

        /// Signs in as `user` and subscribes to `selection` of `notificationAdded`.
        func subscribe(as user: String, to selection: String) async throws {
            #expect(await wait { $0.text.hasPrefix("HTTP/1.1 101") })
            // Upgraded: from now on it writes frames.
            try await channel.eventLoop.submit { [channel] in
                try channel.pipeline.syncOperations.addHandler(WebSocketFrameEncoder(), position: .first)
            }.get()
            let token = try await LiveServer.token(user: user, tenant: "acme")
            try await send(#"{"type":"connection_init","payload":{"authorization":"Bearer \#(token)"}}"#)
            #expect(await wait { $0.text.contains("connection_ack") }, "\(received.text)")
            try await send(
                #"{"type":"subscribe","id":"n","payload":{"query":"subscription { notificationAdded \#(selection) }"}}"#)
        }
    }

    static let others = 1_000

    @Test func aClientThatStopsReadingIsClosedWhileAThousandOthersReceiveEveryEvent() async throws {
        var settings = GatewayServer.Settings()
        settings.maxQueuedFrames = 4
        try await LiveServer.with(settings: settings) { server in
            // Each signs in as soon as it is open (a connection that waits too long to send
            // `connection_init` is closed).
            let others = try await (0..<Self.others).asyncMap { _ in
                let client = try await RawClient.connect(port: server.port, reading: true)
                try await client.subscribe(as: "bob", to: "{ title }")
                return client
            }
            let slow = try await RawClient.connect(port: server.port, reading: false)
            // About 120 KB a frame (the metadata eight times): more than the kernel buffers
            // for it (the sender's buffer grows to a few MiB) within sixty events.
            let copies = (1...8).map { "m\($0): metadata" }.joined(separator: " ")
            try await slow.subscribe(as: "bob", to: "{ title \(copies) }")
            let subscriptions = server.server.pipeline.subscriptions
            for _ in 0..<1_000 where subscriptions.counts.members < Self.others + 1 {
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(subscriptions.counts == (members: Self.others + 1, groups: 2))
            // The slow client now reads nothing more: its kernel buffers, then the
            // channel's, then the four frames allowed fill up.
            try await slow.channel.setOption(ChannelOptions.autoRead, value: false).get()

            let blob = String(repeating: "y", count: 15_000)
            let events = 60
            for event in 1...events {
                let answer = try await server.post(
                    """
                    mutation { sendNotification(input: {to: {userId: "bob"}, type: MENTION, title: "e\(event)", \
                    metadata: {blob: "\(blob)"}}) { recipientCount } }
                    """, headers: try await LiveNotificationTests.bearer("ops", roles: ["admin"]))
                #expect(answer.status == 200)
            }
            for (index, client) in others.enumerated() {
                let complete = await client.wait { $0.count(of: #""type":"next""#) == events }
                #expect(complete, "client \(index) got \(client.received.count(of: #""type":"next""#)) events")
                let titles = client.received.text.components(separatedBy: #""title":"e"#).dropFirst()
                    .compactMap { Int($0.prefix { $0.isNumber }) }
                #expect(titles == Array(1...events))
            }
            // Reading again, it finds the close the server sent after what it could take.
            try await slow.channel.setOption(ChannelOptions.autoRead, value: true).get()
            slow.channel.read()
            #expect(await slow.wait { $0.text.contains("Slow consumer") })
            #expect(slow.received.count(of: #""type":"next""#) < events)
            #expect(await slow.wait { $0.isClosed })
            for client in others { try? await client.channel.close() }
        }
    }
}

extension Sequence where Element: Sendable {
    fileprivate func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
