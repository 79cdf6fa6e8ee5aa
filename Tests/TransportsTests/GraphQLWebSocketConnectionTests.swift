import GraphQLEngine
import Pipeline
import Platform
import Synchronization
import Testing
import Transports

/// A WebSocket connection served end to end without sockets: frames fed in, frames and the
/// close read back, with the real executor behind.
@Suite struct GraphQLWebSocketConnectionTests {
    /// A source that yields `from`, `from - 1`, ... 0; or, for `forever`, one event and
    /// then waits, saying on `ended` when it is cancelled.
    static func service(ended: AsyncStream<Void>.Continuation? = nil) -> OperationPipeline {
        do {
            let schema = try Schema(
                sdl: """
                    type Query { hello: String! me: String }
                    type Subscription { countdown(from: Int!): Int! forever: Int! }
                    """)
            var resolvers = Resolvers()
            resolvers["Query", "hello"] = .sync { _ in .string("world") }
            resolvers["Query", "me"] = .sync { info in
                ((info.context as? RequestContext)?.user).map(FieldValue.string) ?? .null
            }
            resolvers[subscription: "countdown"] = { info in
                let from = if case .int(let from)? = info.arguments["from"] { from } else { 0 }
                return EventStream(
                    AsyncStream<InputValue> { continuation in
                        for value in stride(from: from, through: 0, by: -1) {
                            continuation.yield(["countdown": .int(value)])
                        }
                        continuation.finish()
                    })
            }
            resolvers[subscription: "forever"] = { _ in
                EventStream(
                    AsyncStream<InputValue> { continuation in
                        continuation.onTermination = { _ in ended?.finish() }
                        continuation.yield(["forever": 1])
                    })
            }
            return OperationPipeline(schema: schema, resolvers: resolvers)
        } catch {
            fatalError("\(error)")
        }
    }

    /// A connection being served: `send` feeds it frames, `sent` reads what it wrote.
    struct Socket {
        let inbound: AsyncStream<WebSocketInbound>.Continuation
        var sent: AsyncStream<String>.Iterator
        let served: Task<Void, Never>

        init<Machine: SubprotocolStateMachine>(
            _ machine: Machine, service: OperationPipeline = GraphQLWebSocketConnectionTests.service(),
            authenticate: @escaping GraphQLWebSocketConnection.Authenticate = { _ in .accepted(context: .anonymous) }
        ) {
            let (frames, inbound) = AsyncStream<WebSocketInbound>.makeStream()
            let (sent, written) = AsyncStream<String>.makeStream()
            let outbound = WebSocketOutbound(
                send: { written.yield(String(decoding: $0, as: UTF8.self)) },
                close: { code, reason in
                    written.yield("close \(code) \(reason)")
                    written.finish()
                })
            self.inbound = inbound
            self.sent = sent.makeAsyncIterator()
            served = Task {
                await GraphQLWebSocketConnection.serve(
                    machine, inbound: frames, outbound: outbound, pipeline: service, authenticate: authenticate)
                written.finish()
            }
        }

        func send(_ text: String) { inbound.yield(.text(Array(text.utf8))) }

        mutating func next() async -> String? { await sent.next() }

        mutating func next(_ count: Int) async -> [String] {
            var texts: [String] = []
            for _ in 0..<count { if let text = await sent.next() { texts.append(text) } }
            return texts
        }
    }

    /// Timers far beyond any test's run, however loaded the machine: these tests are
    /// about messages; the state machine tests own the timers (on a made-up clock).
    static let patient = TransportWSStateMachine.Configuration(connectionInitTimeout: .seconds(600))

    static func transportWS() -> TransportWSStateMachine {
        TransportWSStateMachine(configuration: patient, openedAt: .now)
    }

    static func legacyWS() -> LegacyWSStateMachine { LegacyWSStateMachine(configuration: patient, openedAt: .now) }

    @Test func aQueryOverGraphQLTransportWSIsOneNextThenComplete() async {
        var socket = Socket(Self.transportWS())
        socket.send(#"{"type":"connection_init"}"#)
        #expect(await socket.next() == #"{"type":"connection_ack"}"#)
        socket.send(#"{"type":"subscribe","id":"1","payload":{"query":"{ hello }"}}"#)
        #expect(
            await socket.next(2) == [
                #"{"type":"next","id":"1","payload":{"data":{"hello":"world"}}}"#, #"{"type":"complete","id":"1"}"#,
            ])
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func aSubscriptionSendsEveryEventThenCompletes() async {
        var socket = Socket(Self.transportWS())
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        socket.send(#"{"type":"subscribe","id":"c","payload":{"query":"subscription { countdown(from: 2) }"}}"#)
        #expect(
            await socket.next(4) == [
                #"{"type":"next","id":"c","payload":{"data":{"countdown":2}}}"#,
                #"{"type":"next","id":"c","payload":{"data":{"countdown":1}}}"#,
                #"{"type":"next","id":"c","payload":{"data":{"countdown":0}}}"#, #"{"type":"complete","id":"c"}"#,
            ])
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func completingASubscriptionCancelsItsSource() async {
        let (ended, endedContinuation) = AsyncStream<Void>.makeStream()
        var socket = Socket(Self.transportWS(), service: Self.service(ended: endedContinuation))
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        socket.send(#"{"type":"subscribe","id":"f","payload":{"query":"subscription { forever }"}}"#)
        #expect(await socket.next() == #"{"type":"next","id":"f","payload":{"data":{"forever":1}}}"#)
        socket.send(#"{"type":"complete","id":"f"}"#)
        for await _ in ended {}
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func anInvalidDocumentIsAnErrorMessage() async {
        var socket = Socket(Self.transportWS())
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        socket.send(#"{"type":"subscribe","id":"x","payload":{"query":"{ nope }"}}"#)
        let error = await socket.next()
        #expect(
            error
                == #"{"type":"error","id":"x","payload":[{"message":"Cannot query field \"nope\" on type \"Query\".","locations":[{"line":1,"column":3}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#
        )
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func anInvalidMessageClosesTheSocketAndEndsTheConnection() async {
        var socket = Socket(Self.transportWS())
        socket.send(#"{"type":"hello"}"#)
        #expect(await socket.next() == #"close 4400 Invalid message type "hello""#)
        await socket.served.value
    }

    @Test func refusedCredentialsCloseTheSocketAsForbidden() async {
        var socket = Socket(Self.transportWS(), authenticate: { _ in .rejected(reason: "Invalid token") })
        socket.send(#"{"type":"connection_init","payload":{"token":"bad"}}"#)
        #expect(await socket.next() == "close 4403 Forbidden")
        await socket.served.value
    }

    @Test func theLegacyProtocolServesAQueryWithDataThenComplete() async {
        var socket = Socket(Self.legacyWS())
        socket.send(#"{"type":"connection_init","payload":{}}"#)
        #expect(await socket.next(2) == [#"{"type":"connection_ack"}"#, #"{"type":"ka"}"#])
        socket.send(#"{"type":"start","id":"1","payload":{"query":"{ hello }"}}"#)
        #expect(
            await socket.next(2) == [
                #"{"type":"data","id":"1","payload":{"data":{"hello":"world"}}}"#, #"{"type":"complete","id":"1"}"#,
            ])
        socket.send(#"{"type":"connection_terminate"}"#)
        #expect(await socket.next() == "close 1000 Normal Closure")
        await socket.served.value
    }

    @Test func aClientThatReadsTooSlowlyIsClosedWithoutTheQueueGrowing() async {
        // The socket takes the acknowledgement, then never finishes another send.
        let (closes, closed) = AsyncStream<String>.makeStream()
        let (acknowledged, acknowledging) = AsyncStream<Void>.makeStream()
        let sends = Mutex(0)
        let outbound = WebSocketOutbound(
            send: { _ in
                guard
                    sends.withLock({ count in
                        count += 1
                        return count
                    }) > 1
                else {
                    acknowledging.finish()
                    return
                }
                // Held open until the writer is cancelled.
                let (never, keepOpen) = AsyncStream<Void>.makeStream()
                for await _ in never {}
                keepOpen.finish()
            },
            close: { code, reason in
                closed.yield("close \(code) \(reason)")
                closed.finish()
            })
        let (frames, inbound) = AsyncStream<WebSocketInbound>.makeStream()
        let served = Task {
            await GraphQLWebSocketConnection.serve(
                Self.transportWS(), inbound: frames, outbound: outbound, pipeline: Self.service(), maxQueuedFrames: 4)
        }
        inbound.yield(.text(Array(#"{"type":"connection_init"}"#.utf8)))
        for await _ in acknowledged {}
        inbound.yield(
            .text(
                Array(#"{"type":"subscribe","id":"c","payload":{"query":"subscription { countdown(from: 50) }"}}"#.utf8)
            ))
        var reads = closes.makeAsyncIterator()
        let close = await reads.next()
        #expect(close == "close 1008 Slow consumer: more than 4 messages waiting to be sent")
        await served.value
    }

    @Test func theContextTheCredentialsGaveReachesEveryOperation() async {
        var socket = Socket(
            Self.transportWS(),
            authenticate: { payload in
                guard case .object(let fields)? = payload, case .string(let token)? = fields["token"] else {
                    return .rejected(reason: "No token")
                }
                return .accepted(context: RequestContext(user: "user of \(token)"))
            })
        socket.send(#"{"type":"connection_init","payload":{"token":"t1"}}"#)
        _ = await socket.next()
        socket.send(#"{"type":"subscribe","id":"1","payload":{"query":"{ me }"}}"#)
        let next = await socket.next()
        #expect(next == #"{"type":"next","id":"1","payload":{"data":{"me":"user of t1"}}}"#)
        socket.inbound.yield(.closed)
        await socket.served.value
    }

    @Test func theLegacyProtocolTellsARefusedClientWhy() async {
        var socket = Socket(
            Self.legacyWS(), authenticate: { _ in .rejected(reason: "Token expired") })
        socket.send(#"{"type":"connection_init","payload":{"token":"old"}}"#)
        let frames = await socket.next(2)
        #expect(
            frames == [#"{"type":"connection_error","payload":{"message":"Token expired"}}"#, "close 4403 Forbidden"])
        await socket.served.value
    }
}
