import Synchronization
import Testing

@testable import GraphQLEngine

/// Spec 6.2.3 "Subscription": a source stream per subscription, one response per event,
/// errors before the stream as a refusal, and cancellation reaching the source.
@Suite struct SubscriptionTests {
    static let schema: Schema = {
        do {
            return try Schema(
                sdl: """
                    type Message { id: ID! text: String! room: String! }
                    type Query { ok: Boolean }
                    type Subscription {
                      messageAdded(room: String!): Message
                      countdown(from: Int!): Int!
                      refused: Int
                      unserved: Int
                    }
                    """)
        } catch {
            fatalError("\(error)")
        }
    }()

    static func message(_ id: Int, _ text: String, room: String = "lobby") -> InputValue {
        ["messageAdded": ["id": .int(id), "text": .string(text), "room": .string(room)]]
    }

    /// The rooms sources were asked for.
    final class Rooms: Sendable {
        private let asked = Mutex<[String]>([])
        func append(_ room: String) { asked.withLock { $0.append(room) } }
        var all: [String] { asked.withLock { $0 } }
    }

    /// Resolvers whose `messageAdded` source yields `events` and says which room it was
    /// asked for, and whose `countdown` yields integers the field resolver passes on.
    static func resolvers(
        _ events: [InputValue], rooms: Rooms? = nil, failAfter: Int? = nil
    ) -> Resolvers {
        var resolvers = Resolvers()
        resolvers[subscription: "messageAdded"] = { info in
            if case .string(let room)? = info.arguments["room"] { rooms?.append(room) }
            return EventStream(
                AsyncThrowingStream<InputValue, any Error> { continuation in
                    for (index, event) in events.enumerated() {
                        if let failAfter, index == failAfter {
                            continuation.finish(throwing: GraphQLError(message: "The room closed.", code: "GONE"))
                            return
                        }
                        continuation.yield(event)
                    }
                    continuation.finish()
                })
        }
        resolvers[subscription: "countdown"] = { info in
            guard case .int(let from)? = info.arguments["from"] else {
                return EventStream(AsyncStream<Int> { $0.finish() })
            }
            return EventStream(
                AsyncStream<Int> { continuation in
                    for value in stride(from: from, through: 0, by: -1) { continuation.yield(value) }
                    continuation.finish()
                })
        }
        resolvers["Subscription", "countdown"] = .sync { info in
            // A negative count is a field error in that event's response alone.
            guard let value = info.parent as? Int else { return .null }
            return value == 1 ? .null : .int(value)
        }
        resolvers[subscription: "refused"] = { _ in
            throw GraphQLError(message: "Not allowed to listen here.", code: "FORBIDDEN")
        }
        return resolvers
    }

    static func subscribe(
        _ text: String, variables: [String: InputValue] = [:], resolvers: Resolvers
    ) async throws -> SubscriptionOutcome {
        let document = try Validator.validate(try Parser.parse(text), against: schema)
        return await Executor(resolvers: resolvers).subscribe(document, variables: variables)
    }

    static func responses(of outcome: SubscriptionOutcome) async throws -> [String] {
        guard case .stream(let stream) = outcome else { return [] }
        var texts: [String] = []
        for try await response in stream { texts.append(response.text) }
        return texts
    }

    @Test func everyEventBecomesAResponseInOrder() async throws {
        let events = [Self.message(1, "hi"), Self.message(2, "there")]
        let outcome = try await Self.subscribe(
            #"subscription { messageAdded(room: "lobby") { id text } }"#, resolvers: Self.resolvers(events))
        #expect(
            try await Self.responses(of: outcome) == [
                #"{"data":{"messageAdded":{"id":"1","text":"hi"}}}"#,
                #"{"data":{"messageAdded":{"id":"2","text":"there"}}}"#,
            ])
    }

    @Test func theSourceGetsTheFieldsCoercedArguments() async throws {
        let rooms = Rooms()
        let outcome = try await Self.subscribe(
            "subscription($room: String!) { messageAdded(room: $room) { room } }", variables: ["room": "kitchen"],
            resolvers: Self.resolvers([Self.message(1, "x", room: "kitchen")], rooms: rooms))
        #expect(try await Self.responses(of: outcome) == [#"{"data":{"messageAdded":{"room":"kitchen"}}}"#])
        #expect(rooms.all == ["kitchen"])
    }

    @Test func theFieldsResolverMapsEachEventAndAnAliasNamesIt() async throws {
        let outcome = try await Self.subscribe(
            "subscription { left: countdown(from: 2) }", resolvers: Self.resolvers([]))
        #expect(
            try await Self.responses(of: outcome) == [
                #"{"data":{"left":2}}"#,
                #"{"errors":[{"message":"Cannot return null for non-nullable field Subscription.countdown.","locations":[{"line":1,"column":16}],"path":["left"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#,
                #"{"data":{"left":0}}"#,
            ])
    }

    @Test func aSourceThatRefusesIsAnErrorAtTheFieldAndNoStream() async throws {
        let outcome = try await Self.subscribe("subscription { refused }", resolvers: Self.resolvers([]))
        guard case .refused(let response) = outcome else {
            Issue.record("expected a refusal")
            return
        }
        #expect(
            response.text
                == #"{"errors":[{"message":"Not allowed to listen here.","locations":[{"line":1,"column":16}],"path":["refused"],"extensions":{"code":"FORBIDDEN"}}]}"#
        )
    }

    @Test func aFieldWithoutASourceIsRefused() async throws {
        let outcome = try await Self.subscribe("subscription { unserved }", resolvers: Self.resolvers([]))
        guard case .refused(let response) = outcome else {
            Issue.record("expected a refusal")
            return
        }
        #expect(
            response.errors.map { $0.message } == [#"Subscription field "Subscription.unserved" has no event stream."#])
        #expect(response.data == nil)
    }

    @Test func invalidVariablesAreRefusedBeforeTheSourceIsAsked() async throws {
        let rooms = Rooms()
        let outcome = try await Self.subscribe(
            "subscription($room: String!) { messageAdded(room: $room) { id } }",
            resolvers: Self.resolvers([], rooms: rooms))
        guard case .refused(let response) = outcome else {
            Issue.record("expected a refusal")
            return
        }
        #expect(
            response.errors.map { $0.message } == [#"Variable "$room" of required type "String!" was not provided."#])
        #expect(rooms.all.isEmpty)
    }

    @Test func aQueryCannotBeSubscribedTo() async throws {
        let outcome = try await Self.subscribe("{ ok }", resolvers: Self.resolvers([]))
        guard case .refused(let response) = outcome else {
            Issue.record("expected a refusal")
            return
        }
        #expect(response.errors.map { $0.message } == ["Cannot subscribe to a query operation."])
    }

    @Test func anErrorOfTheSourceEndsTheResponseStreamWithIt() async throws {
        let events = [Self.message(1, "a"), Self.message(2, "b")]
        let outcome = try await Self.subscribe(
            #"subscription { messageAdded(room: "lobby") { id } }"#, resolvers: Self.resolvers(events, failAfter: 1))
        guard case .stream(let stream) = outcome else {
            Issue.record("expected a stream")
            return
        }
        var texts: [String] = []
        var failure: GraphQLError?
        do {
            for try await response in stream { texts.append(response.text) }
        } catch let error as GraphQLError {
            failure = error
        }
        #expect(texts == [#"{"data":{"messageAdded":{"id":"1"}}}"#])
        #expect(failure?.message == "The room closed.")
    }

    @Test func cancellingTheReaderEndsTheSource() async throws {
        // A source that yields one event, then waits; its end is signalled on `ended`.
        let (ended, endedContinuation) = AsyncStream<Void>.makeStream()
        var resolvers = Resolvers()
        resolvers[subscription: "messageAdded"] = { _ in
            EventStream(
                AsyncStream<InputValue> { continuation in
                    continuation.onTermination = { _ in endedContinuation.finish() }
                    continuation.yield(Self.message(1, "first"))
                })
        }
        let outcome = try await Self.subscribe(
            #"subscription { messageAdded(room: "x") { text } }"#, resolvers: resolvers)
        guard case .stream(let stream) = outcome else {
            Issue.record("expected a stream")
            return
        }
        let (firstRead, firstReadContinuation) = AsyncStream<String>.makeStream()
        let reader = Task {
            for try await response in stream { firstReadContinuation.yield(response.text) }
        }
        var reads = firstRead.makeAsyncIterator()
        #expect(await reads.next() == #"{"data":{"messageAdded":{"text":"first"}}}"#)
        reader.cancel()
        for await _ in ended {}
        // The reader ends without error once its source has ended.
        try await reader.value
    }
}
