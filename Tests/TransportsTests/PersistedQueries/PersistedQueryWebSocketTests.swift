import GraphQLEngine
import Pipeline
import Testing
import Transports

/// Persisted queries in WebSocket `subscribe` (and legacy `start`) payloads: the same
/// resolution as over HTTP, its refusals sent as the operation's error.
@Suite struct PersistedQueryWebSocketTests {
    typealias Socket = GraphQLWebSocketConnectionTests.Socket

    static let countdown = "subscription { countdown(from: 1) }"
    static let countdownHash = PersistedQueryHash.sha256(countdown)

    static func payload(query: String?, hash: String) -> String {
        let extensions = #""extensions":{"persistedQuery":{"version":1,"sha256Hash":"\#(hash)"}}"#
        guard let query else { return "{\(extensions)}" }
        return #"{"query":"\#(query)",\#(extensions)}"#
    }

    @Test func aSubscriptionRunsByHashAfterTheClientRegisteredIt() async {
        var socket = Socket(GraphQLWebSocketConnectionTests.transportWS())
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        let hashOnly = Self.payload(query: nil, hash: Self.countdownHash)
        socket.send(#"{"type":"subscribe","id":"1","payload":\#(hashOnly)}"#)
        #expect(
            await socket.next()
                == #"{"type":"error","id":"1","payload":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}"#
        )
        socket.send(
            #"{"type":"subscribe","id":"2","payload":\#(Self.payload(query: Self.countdown, hash: Self.countdownHash))}"#
        )
        let events = [
            #"{"type":"next","id":"ID","payload":{"data":{"countdown":1}}}"#,
            #"{"type":"next","id":"ID","payload":{"data":{"countdown":0}}}"#, #"{"type":"complete","id":"ID"}"#,
        ]
        #expect(await socket.next(3) == events.map { $0.replacingOccurrences(of: "ID", with: "2") })
        socket.send(#"{"type":"subscribe","id":"3","payload":\#(hashOnly)}"#)
        #expect(await socket.next(3) == events.map { $0.replacingOccurrences(of: "ID", with: "3") })
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func aQueryRegisteredOverHTTPRunsByHashOverTheLegacyProtocol() async {
        let service = GraphQLWebSocketConnectionTests.service()
        let hello = "{ hello }"
        let hash = PersistedQueryHash.sha256(hello)
        let registering = await GraphQLOverHTTP(pipeline: service).respond(
            to: HTTPExchange.Request(
                method: "POST", contentType: "application/json",
                body: Array(Self.payload(query: hello, hash: hash).utf8)
            ))
        #expect(registering.text == #"{"data":{"hello":"world"}}"#)
        var socket = Socket(GraphQLWebSocketConnectionTests.legacyWS(), service: service)
        socket.send(#"{"type":"connection_init","payload":{}}"#)
        _ = await socket.next(2)
        socket.send(#"{"type":"start","id":"1","payload":\#(Self.payload(query: nil, hash: hash))}"#)
        #expect(
            await socket.next(2) == [
                #"{"type":"data","id":"1","payload":{"data":{"hello":"world"}}}"#, #"{"type":"complete","id":"1"}"#,
            ])
        socket.send(#"{"type":"connection_terminate"}"#)
        _ = await socket.next()
        await socket.served.value
    }

    @Test func aHashMismatchIsTheOperationsErrorAndTheConnectionStaysOpen() async {
        var socket = Socket(GraphQLWebSocketConnectionTests.transportWS())
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        let wrong = PersistedQueryHash.sha256("{ other }")
        socket.send(#"{"type":"subscribe","id":"m","payload":\#(Self.payload(query: "{ hello }", hash: wrong))}"#)
        let error = await socket.next()
        #expect(
            error?.hasPrefix(#"{"type":"error","id":"m","payload":[{"message":"provided sha does not match query"#)
                == true)
        socket.send(#"{"type":"subscribe","id":"h","payload":{"query":"{ hello }"}}"#)
        #expect(await socket.next() == #"{"type":"next","id":"h","payload":{"data":{"hello":"world"}}}"#)
        socket.inbound.yield(.closed)
        await socket.served.value
    }
}
