import Gateway
import Testing

@testable import TestSupport

/// Both WebSocket subprotocols on a real server: the happy paths, every close code a
/// client can cause, credentials, and the graceful shutdown. (4406, for a client that
/// offers neither subprotocol, is checked by scripts/gql-tests with Python's websockets:
/// this Swift client sometimes misses a close sent right after the upgrade.)
@Suite struct LiveWebSocketTests {
    static let transport = "graphql-transport-ws"
    static let legacy = "graphql-ws"

    @Test func aTransportWSClientSubscribesReceivesAndCompletes() async throws {
        try await LiveServer.with { server in
            let session = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                #expect(try await ws.next() == #"{"type":"connection_ack"}"#)
                try await ws.send(
                    #"{"type":"subscribe","id":"h","payload":{"query":"subscription { heartbeat(intervalSeconds: 1) { sequence } }"}}"#
                )
                #expect(
                    try await ws.next() == #"{"type":"next","id":"h","payload":{"data":{"heartbeat":{"sequence":1}}}}"#)
                try await ws.send(#"{"type":"complete","id":"h"}"#)
                try await ws.send(#"{"type":"ping"}"#)
                #expect(try await ws.next() == #"{"type":"pong"}"#)
            }
            #expect(session.closeCode == 1000)
        }
    }

    @Test func queriesRunOverSubscribeToo() async throws {
        try await LiveServer.with { server in
            _ = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                try await ws.read(until: "connection_ack")
                try await ws.send(
                    #"{"type":"subscribe","id":"q","payload":{"query":"{ realtimeStatus { status } }"}}"#)
                #expect(
                    try await ws.next()
                        == #"{"type":"next","id":"q","payload":{"data":{"realtimeStatus":{"status":"OK"}}}}"#
                )
                #expect(try await ws.next() == #"{"type":"complete","id":"q"}"#)
            }
        }
    }

    @Test func aLegacyClientStartsReceivesDataAndStops() async throws {
        try await LiveServer.with { server in
            let session = try await server.webSocket(subprotocol: Self.legacy) { ws in
                try await ws.send(#"{"type":"connection_init","payload":{}}"#)
                #expect(try await ws.next() == #"{"type":"connection_ack"}"#)
                #expect(try await ws.next() == #"{"type":"ka"}"#)
                try await ws.send(
                    #"{"type":"start","id":"1","payload":{"query":"{ realtimeStatus { status } }"}}"#)
                #expect(
                    try await ws.read(until: #""id":"1""#)
                        == #"{"type":"data","id":"1","payload":{"data":{"realtimeStatus":{"status":"OK"}}}}"#)
                #expect(try await ws.read(until: #""id":"1""#) == #"{"type":"complete","id":"1"}"#)
                try await ws.send(#"{"type":"connection_terminate"}"#)
                try await ws.readToEnd()
            }
            #expect(session.closeCode == 1000)
        }
    }

    /// Each line: what the client sends after the upgrade (`<ack>`: wait for the
    /// acknowledgement), and the close it gets.
    @Test(arguments: [
        ([#"{"type":"hello"}"#], 4400),
        ([#"{"type":"subscribe","id":"1","payload":{"query":"{ a }"}}"#], 4401),
        ([#"{"type":"connection_init"}"#, #"{"type":"connection_init"}"#], 4429),
        (
            [
                #"{"type":"connection_init"}"#, "<ack>",
                #"{"type":"subscribe","id":"1","payload":{"query":"subscription { heartbeat { sequence } }"}}"#,
                #"{"type":"subscribe","id":"1","payload":{"query":"subscription { heartbeat { sequence } }"}}"#,
            ], 4409
        ),
    ])
    func protocolViolationsCloseWithTheirCodes(frames: [String], code: Int) async throws {
        try await LiveServer.with { server in
            let session = try await server.webSocket(subprotocol: Self.transport) { ws in
                for frame in frames {
                    if frame == "<ack>" { try await ws.read(until: "connection_ack") } else { try await ws.send(frame) }
                }
                try await ws.readToEnd()
            }
            #expect(session.closeCode == code)
        }
    }

    @Test func aClientThatNeverInitialisesIsClosedAfterTheTimeout() async throws {
        let settings = GatewayServer.Settings(webSocket: .init(connectionInitTimeout: .milliseconds(200)))
        try await LiveServer.with(settings: settings) { server in
            let session = try await server.webSocket(subprotocol: Self.transport) { ws in try await ws.readToEnd() }
            #expect(session.closeCode == 4408)
        }
    }

    @Test func aMessageOverTheSizeLimitIsClosedAsTooBig() async throws {
        let settings = GatewayServer.Settings(webSocket: .init(maxMessageBytes: 256))
        try await LiveServer.with(settings: settings) { server in
            let session = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(
                    #"{"type":"connection_init","payload":{"pad":"\#(String(repeating: "x", count: 400))"}}"#)
                try await ws.readToEnd()
            }
            #expect(session.closeCode == 1009)
        }
    }

    @Test func aBadTokenInConnectionInitIsForbidden() async throws {
        try await LiveServer.with { server in
            let transport = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init","payload":{"authorization":"Bearer junk"}}"#)
                try await ws.readToEnd()
            }
            #expect(transport.closeCode == 4403)

            let legacy = try await server.webSocket(subprotocol: Self.legacy) { ws in
                try await ws.send(#"{"type":"connection_init","payload":{"token":"junk"}}"#)
                try await ws.readToEnd()
            }
            #expect(legacy.messages.first?.hasPrefix(#"{"type":"connection_error","payload":{"message":"#) == true)
        }
    }

    @Test func aTokenInConnectionInitReachesTheResolvers() async throws {
        let admin = try await LiveServer.token(user: "root", roles: ["admin"])
        try await LiveServer.with { server in
            _ = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init","payload":{"token":"\#(admin)"}}"#)
                try await ws.read(until: "connection_ack")
                try await ws.send(
                    #"{"type":"subscribe","id":"q","payload":{"query":"{ realtimeStatus { openConnections activeSubscriptions } }"}}"#
                )
                #expect(
                    try await ws.next()
                        == #"{"type":"next","id":"q","payload":{"data":{"realtimeStatus":{"openConnections":1,"activeSubscriptions":0}}}}"#
                )
            }
        }
    }

    @Test func shuttingDownCompletesSubscriptionsAndClosesAsGoingAway() async throws {
        try await LiveServer.with { server in
            let session = try await server.webSocket(subprotocol: Self.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                try await ws.read(until: "connection_ack")
                try await ws.send(
                    #"{"type":"subscribe","id":"h","payload":{"query":"subscription { heartbeat(intervalSeconds: 60) { sequence } }"}}"#
                )
                // The subscription is running once the server counts it.
                while server.server.registry.activeSubscriptions == 0 { try await Task.sleep(for: .milliseconds(5)) }
                await server.group.triggerGracefulShutdown()
                #expect(try await ws.next() == #"{"type":"complete","id":"h"}"#)
                try await ws.readToEnd()
            }
            #expect(session.closeCode == 1001)
        }
    }
}
