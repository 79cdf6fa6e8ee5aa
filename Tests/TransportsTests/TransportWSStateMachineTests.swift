import GraphQLEngine
import Pipeline
import Testing
import Transports

/// graphql-transport-ws (graphql-ws's PROTOCOL.md), rule by rule, on the state machine
/// alone: frames in, actions out, instants made up by the test.
@Suite struct TransportWSStateMachineTests {
    let start = ContinuousClock.Instant.now

    func machine(_ configuration: TransportWSStateMachine.Configuration = .init()) -> TransportWSStateMachine {
        TransportWSStateMachine(configuration: configuration, openedAt: start)
    }

    func frame(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// A machine that has acknowledged its client.
    func ready(_ configuration: TransportWSStateMachine.Configuration = .init()) -> TransportWSStateMachine {
        var machine = machine(configuration)
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        _ = machine.accepted(at: start)
        return machine
    }

    @Test func aConnectionInitIsAuthenticatedThenAcknowledged() {
        var machine = machine()
        #expect(
            machine.received(frame(#"{"type":"connection_init","payload":{"token":"t"}}"#))
                == [.authenticate(payload: ["token": "t"])])
        #expect(
            machine.accepted(ackPayload: ["user": "alice"], at: start) == [
                .send(.connectionAck(payload: ["user": "alice"]))
            ])
    }

    @Test func aRefusedConnectionIsClosedAsForbidden() {
        var machine = machine()
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        #expect(machine.rejected() == [.close(code: 4403, reason: "Forbidden")])
        #expect(machine.isClosed)
    }

    @Test(arguments: [false, true])
    func aSecondConnectionInitIsTooManyWhetherOrNotTheFirstWasAcknowledged(acknowledged: Bool) {
        var machine = machine()
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        if acknowledged { _ = machine.accepted(at: start) }
        #expect(
            machine.received(frame(#"{"type":"connection_init"}"#))
                == [.close(code: 4429, reason: "Too many initialisation requests")])
    }

    @Test func subscribingBeforeTheAcknowledgementIsUnauthorized() {
        var machine = machine()
        #expect(
            machine.received(frame(#"{"type":"subscribe","id":"1","payload":{"query":"{ a }"}}"#))
                == [.close(code: 4401, reason: "Unauthorized")])
    }

    @Test func aSubscribeStartsItsOperationWithTheRequest() {
        var machine = ready()
        let actions = machine.received(
            frame(
                #"{"type":"subscribe","id":"op","payload":{"query":"query Q($n: Int) { a(n: $n) }","operationName":"Q","variables":{"n":1},"extensions":null}}"#
            ))
        #expect(
            actions == [
                .start(
                    id: "op",
                    OperationRequest(query: "query Q($n: Int) { a(n: $n) }", operationName: "Q", variables: ["n": 1]))
            ])
    }

    @Test func anIdInUseClosesTheSocketAndStopsWhatRuns() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ a }"}}"#))
        #expect(
            machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ a }"}}"#))
                == [.stop(id: "a"), .close(code: 4409, reason: "Subscriber for a already exists")])
    }

    @Test func aCompletedIdIsFreeAgainAndUnknownIdsAreIgnored() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ a }"}}"#))
        #expect(machine.received(frame(#"{"type":"complete","id":"a"}"#)) == [.stop(id: "a")])
        #expect(machine.received(frame(#"{"type":"complete","id":"a"}"#)) == [])
        #expect(machine.received(frame(#"{"type":"complete","id":"never"}"#)) == [])
        #expect(
            machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ b }"}}"#))
                == [.start(id: "a", OperationRequest(query: "{ b }"))])
    }

    @Test func pingsAreAnsweredAtAnyTimeAndPongsIgnored() {
        var machine = machine()
        #expect(machine.received(frame(#"{"type":"ping","payload":{"at":1}}"#)) == [.send(.pong)])
        #expect(machine.received(frame(#"{"type":"pong"}"#)) == [])
        #expect(!machine.isClosed)
    }

    @Test(arguments: [
        ("not json", "Invalid message: not JSON (Invalid literal, expected null at byte 0)"),
        ("[1]", "Invalid message: not an object"),
        (#"{"id":"1"}"#, #"Invalid message: no string "type""#),
        (#"{"type":"start","id":"1"}"#, #"Invalid message type "start""#),
        (
            #"{"type":"subscribe","payload":{"query":"{ a }"}}"#,
            #"Invalid message: "subscribe" needs a non-empty string "id""#
        ),
        (#"{"type":"subscribe","id":"1"}"#, #"Invalid message: "subscribe" needs a payload"#),
        (#"{"type":"subscribe","id":"1","payload":{"query":1}}"#, "payload.query must be a string"),
        (
            #"{"type":"subscribe","id":"1","payload":{"query":"{ a }","variables":[1]}}"#,
            "payload.variables must be an object or null"
        ),
        (
            #"{"type":"subscribe","id":"1","payload":{"query":"{ a }","operationName":2}}"#,
            "payload.operationName must be a string or null"
        ),
        (#"{"type":"ping","payload":"hello"}"#, #"Invalid message: "ping" payload must be an object or null"#),
    ])
    func anInvalidMessageClosesTheSocketWithWhatIsWrong(text: String, reason: String) {
        var machine = ready()
        #expect(machine.received(frame(text)) == [.close(code: 4400, reason: reason)])
    }

    @Test func binaryFramesAreInvalid() {
        var machine = ready()
        #expect(
            machine.receivedBinary()
                == [.close(code: 4400, reason: "Invalid message: binary frames are not part of the protocol")])
    }

    @Test func aFrameOverTheSizeLimitIsClosedAsTooBig() {
        var machine = ready(.init(maxMessageBytes: 32))
        let text = #"{"type":"subscribe","id":"1","payload":{"query":"{ a b c }"}}"#
        #expect(
            machine.received(frame(text))
                == [.close(code: 1009, reason: "Message of \(text.utf8.count) bytes is over the limit of 32")])
    }

    @Test func aClientThatIsNotAcknowledgedInTimeIsClosed() {
        var machine = machine(.init(connectionInitTimeout: .seconds(3)))
        #expect(machine.nextDeadline == start + .seconds(3))
        #expect(machine.tick(at: start + .milliseconds(2_999)) == [])
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        // Still authenticating at the deadline: the timeout holds until the acknowledgement.
        #expect(
            machine.tick(at: start + .seconds(3)) == [.close(code: 4408, reason: "Connection initialisation timeout")])
    }

    @Test func anAcknowledgedClientIsPingedWhenAKeepAliveIsDue() {
        var machine = ready(.init(keepAliveInterval: .seconds(10)))
        #expect(machine.tick(at: start + .seconds(9)) == [])
        #expect(machine.tick(at: start + .seconds(10)) == [.send(.ping)])
        #expect(machine.nextDeadline == start + .seconds(20))
        #expect(machine.tick(at: start + .seconds(15)) == [])
    }

    @Test func aSilentClientThatRunsNothingIsClosedAfterTheIdleTimeout() {
        var machine = ready(.init(keepAliveInterval: nil, idleTimeout: .seconds(30)))
        #expect(machine.nextDeadline == start + .seconds(30))
        #expect(machine.tick(at: start + .seconds(29)) == [])
        machine.heard(at: start + .seconds(20))
        #expect(machine.tick(at: start + .seconds(49)) == [])
        #expect(machine.tick(at: start + .seconds(50)) == [.close(code: 1000, reason: "Idle timeout")])
    }

    @Test func aClientWithAnOperationRunningIsNeverIdle() {
        var machine = ready(.init(keepAliveInterval: .seconds(12), idleTimeout: .seconds(30)))
        _ = machine.received(frame(#"{"type":"subscribe","id":"s","payload":{"query":"subscription { a }"}}"#))
        #expect(machine.nextDeadline == start + .seconds(12))
        #expect(machine.tick(at: start + .seconds(100)) == [.send(.ping)])
        #expect(!machine.isClosed)
    }

    @Test func resultsFlowUntilTheOperationEnds() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"s","payload":{"query":"subscription { a }"}}"#))
        let response = Array(#"{"data":{"a":1}}"#.utf8)
        #expect(machine.next(id: "s", response: response) == [.send(.next(id: "s", response: response))])
        #expect(machine.completed(id: "s") == [.send(.complete(id: "s"))])
        #expect(machine.next(id: "s", response: response) == [])
        #expect(machine.completed(id: "s") == [])
    }

    @Test func aFailedOperationSendsItsErrorsAndNoComplete() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"q","payload":{"query":"{ nope }"}}"#))
        let error = GraphQLError(message: "Cannot query field \"nope\" on type \"Query\".")
        #expect(machine.failed(id: "q", errors: [error]) == [.send(.error(id: "q", errors: [error]))])
        #expect(machine.completed(id: "q") == [])
    }

    @Test func operationsOverTheLimitAreRefusedOneByOne() {
        var machine = ready(.init(maxOperations: 1))
        _ = machine.received(frame(#"{"type":"subscribe","id":"1","payload":{"query":"{ a }"}}"#))
        let refused = machine.received(frame(#"{"type":"subscribe","id":"2","payload":{"query":"{ a }"}}"#))
        #expect(
            refused == [
                .send(
                    .error(
                        id: "2",
                        errors: [
                            GraphQLError(
                                message: "Too many operations on this connection (at most 1 at once).",
                                code: "TOO_MANY_OPERATIONS")
                        ]))
            ])
        #expect(!machine.isClosed)
    }

    @Test func aClosedSocketStopsEverythingAndHearsNothingMore() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"b","payload":{"query":"{ a }"}}"#))
        _ = machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ a }"}}"#))
        #expect(machine.socketClosed() == [.stop(id: "a"), .stop(id: "b")])
        #expect(machine.received(frame(#"{"type":"ping"}"#)) == [])
        #expect(machine.tick(at: start + .seconds(100)) == [])
        #expect(machine.internalError("late") == [])
    }

    @Test func shuttingDownCompletesWhatRunsThenClosesAsGoingAway() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"subscribe","id":"b","payload":{"query":"{ a }"}}"#))
        _ = machine.received(frame(#"{"type":"subscribe","id":"a","payload":{"query":"{ a }"}}"#))
        #expect(
            machine.goingAway() == [
                .stop(id: "a"), .stop(id: "b"), .send(.complete(id: "a")), .send(.complete(id: "b")),
                .close(code: 1001, reason: "Server shutting down"),
            ])
        #expect(machine.isClosed)
        #expect(machine.goingAway() == [])
    }

    @Test func serverMessagesAreWrittenAsTheProtocolSpellsThem() {
        let error = GraphQLError(message: "Boom", path: ["a"], code: "INTERNAL_SERVER_ERROR")
        let texts = [
            TransportWSServerMessage.connectionAck(payload: nil), .connectionAck(payload: ["v": 1]), .ping, .pong,
            .next(id: "1", response: Array(#"{"data":{"a":1}}"#.utf8)), .error(id: "1", errors: [error]),
            .complete(id: "1"),
        ].map { String(decoding: $0.text, as: UTF8.self) }
        #expect(
            texts == [
                #"{"type":"connection_ack"}"#, #"{"type":"connection_ack","payload":{"v":1}}"#, #"{"type":"ping"}"#,
                #"{"type":"pong"}"#, #"{"type":"next","id":"1","payload":{"data":{"a":1}}}"#,
                #"{"type":"error","id":"1","payload":[{"message":"Boom","path":["a"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}]}"#,
                #"{"type":"complete","id":"1"}"#,
            ])
    }
}
