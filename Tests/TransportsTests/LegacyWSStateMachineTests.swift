import GraphQLEngine
import Pipeline
import Testing
import Transports

/// The legacy graphql-ws subprotocol (subscriptions-transport-ws's PROTOCOL.md) on the
/// state machine alone.
@Suite struct LegacyWSStateMachineTests {
    let start = ContinuousClock.Instant.now

    func frame(_ text: String) -> [UInt8] { Array(text.utf8) }

    func machine(_ configuration: LegacyWSStateMachine.Configuration = .init()) -> LegacyWSStateMachine {
        LegacyWSStateMachine(configuration: configuration, openedAt: start)
    }

    func ready(_ configuration: LegacyWSStateMachine.Configuration = .init()) -> LegacyWSStateMachine {
        var machine = machine(configuration)
        _ = machine.received(frame(#"{"type":"connection_init","payload":{}}"#))
        _ = machine.accepted(at: start)
        return machine
    }

    @Test func anAcknowledgementIsFollowedByAKeepAlive() {
        var machine = machine()
        #expect(
            machine.received(frame(#"{"type":"connection_init","payload":{"authorization":"Bearer x"}}"#))
                == [.authenticate(payload: ["authorization": "Bearer x"])])
        #expect(machine.accepted(at: start) == [.send(.connectionAck), .send(.keepAlive)])
        #expect(machine.tick(at: start + .seconds(12)) == [.send(.keepAlive)])
    }

    @Test func withoutKeepAliveOnlyTheAcknowledgementIsSent() {
        var machine = machine(.init(keepAliveInterval: nil))
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        #expect(machine.accepted(at: start) == [.send(.connectionAck)])
        #expect(machine.nextDeadline == nil)
    }

    @Test func refusedCredentialsAreAConnectionErrorThenAClose() {
        var machine = machine()
        _ = machine.received(frame(#"{"type":"connection_init"}"#))
        #expect(
            machine.rejected("Invalid token: expired")
                == [
                    .send(.connectionError(message: "Invalid token: expired")), .close(code: 4403, reason: "Forbidden"),
                ])
    }

    @Test func anUnreadableMessageIsAConnectionErrorAndTheSocketStays() {
        var machine = ready()
        #expect(
            machine.received(frame("{")) == [
                .send(.connectionError(message: "Invalid message: not JSON (Expected a string key at byte 1)"))
            ])
        #expect(
            machine.received(frame(#"{"type":"subscribe","id":"1"}"#))
                == [.send(.connectionError(message: #"Invalid message type "subscribe""#))])
        #expect(!machine.isClosed)
    }

    @Test func startingBeforeTheAcknowledgementIsAnErrorForThatOperation() {
        var machine = machine()
        #expect(
            machine.received(frame(#"{"type":"start","id":"1","payload":{"query":"{ a }"}}"#))
                == [
                    .send(
                        .error(
                            id: "1",
                            errors: [
                                GraphQLError(
                                    message: "The connection is not initialised: send connection_init first.",
                                    code: "UNAUTHENTICATED")
                            ]))
                ])
    }

    @Test func aStartWithAnIdInUseReplacesThatOperation() {
        var machine = ready()
        #expect(
            machine.received(frame(#"{"type":"start","id":"1","payload":{"query":"{ a }"}}"#))
                == [.start(id: "1", OperationRequest(query: "{ a }"))])
        #expect(
            machine.received(frame(#"{"type":"start","id":"1","payload":{"query":"{ b }","variables":null}}"#))
                == [.stop(id: "1"), .start(id: "1", OperationRequest(query: "{ b }"))])
    }

    @Test func aStopIsAnsweredWithComplete() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"start","id":"s","payload":{"query":"subscription { a }"}}"#))
        #expect(machine.received(frame(#"{"type":"stop","id":"s"}"#)) == [.stop(id: "s"), .send(.complete(id: "s"))])
        #expect(machine.received(frame(#"{"type":"stop","id":"s"}"#)) == [])
    }

    @Test func resultsAreDataThenComplete() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"start","id":"q","payload":{"query":"{ a }"}}"#))
        let response = Array(#"{"data":{"a":1}}"#.utf8)
        #expect(machine.next(id: "q", response: response) == [.send(.data(id: "q", response: response))])
        #expect(machine.completed(id: "q") == [.send(.complete(id: "q"))])
        #expect(machine.next(id: "q", response: response) == [])
    }

    @Test func anOperationRefusedBeforeExecutionIsAnError() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"start","id":"q","payload":{"query":"{ nope }"}}"#))
        let error = GraphQLError(message: "Cannot query field \"nope\" on type \"Query\".")
        #expect(machine.failed(id: "q", errors: [error]) == [.send(.error(id: "q", errors: [error]))])
    }

    @Test func terminatingClosesNormallyAndStopsEverything() {
        var machine = ready()
        _ = machine.received(frame(#"{"type":"start","id":"a","payload":{"query":"{ a }"}}"#))
        #expect(
            machine.received(frame(#"{"type":"connection_terminate"}"#))
                == [.stop(id: "a"), .close(code: 1000, reason: "Normal Closure")])
        #expect(machine.received(frame(#"{"type":"start","id":"b","payload":{"query":"{ a }"}}"#)) == [])
    }

    @Test func aClientThatNeverInitialisesIsClosed() {
        var machine = machine(.init(connectionInitTimeout: .seconds(5)))
        #expect(machine.tick(at: start + .seconds(4)) == [])
        #expect(
            machine.tick(at: start + .seconds(5)) == [.close(code: 4408, reason: "Connection initialisation timeout")])
    }

    @Test func serverMessagesAreWrittenAsTheProtocolSpellsThem() {
        let texts = [
            LegacyWSServerMessage.connectionAck, .connectionError(message: "No \"token\""), .keepAlive,
            .data(id: "1", response: Array(#"{"data":null}"#.utf8)),
            .error(id: "1", errors: [GraphQLError(message: "Bad")]), .complete(id: "1"),
        ].map { String(decoding: $0.text, as: UTF8.self) }
        #expect(
            texts == [
                #"{"type":"connection_ack"}"#, #"{"type":"connection_error","payload":{"message":"No \"token\""}}"#,
                #"{"type":"ka"}"#, #"{"type":"data","id":"1","payload":{"data":null}}"#,
                #"{"type":"error","id":"1","payload":[{"message":"Bad"}]}"#, #"{"type":"complete","id":"1"}"#,
            ])
    }

    @Test func shuttingDownCompletesWhatRunsThenClosesAsGoingAway() {
        var machine = ready(.init(keepAliveInterval: nil))
        _ = machine.received(frame(#"{"type":"start","id":"1","payload":{"query":"{ a }"}}"#))
        #expect(
            machine.goingAway() == [
                .stop(id: "1"), .send(.complete(id: "1")), .close(code: 1001, reason: "Server shutting down"),
            ])
        #expect(machine.isClosed)
    }
}

@Suite struct WebSocketSubprotocolTests {
    @Test(arguments: [
        ("graphql-transport-ws", WebSocketSubprotocol.graphQLTransportWS),
        ("graphql-ws", .graphQLWS),
        ("graphql-ws, graphql-transport-ws", .graphQLTransportWS),
        (" graphql-ws ,chat", .graphQLWS),
    ])
    func theSubprotocolIsChosenFromTheOffer(header: String, expected: WebSocketSubprotocol) {
        #expect(WebSocketSubprotocol.choose(from: header) == expected)
    }

    @Test(arguments: [nil, "", "chat, mqtt"] as [String?])
    func anOfferWithoutOursIsNotAcceptable(header: String?) {
        #expect(WebSocketSubprotocol.choose(from: header) == nil)
        #expect(WebSocketSubprotocol.notAcceptable.code == 4406)
    }

}
