import GraphQLEngine
import Pipeline
import Platform
import Schema
import Synchronization
import Testing

/// Subscribers of the same operation whose events would give the same responses share one
/// execution per event, and each still gets exactly the bytes it would have got alone.
@Suite struct SharedSubscriptionsTests {
    static let sdl = """
        type Query { a: Int }
        type Event { id: Int! title: String! viewer: String }
        type Subscription {
          "A topic's events: the same for everyone subscribed to it."
          topic(name: String!): Event!
          "The caller's own events."
          mine: Event!
        }
        """

    /// A pipeline over `bus`; with `sharing` off its sources declare no sharing key, so
    /// every subscriber is executed alone (the reference the shared answers must match).
    /// `executions` counts resolutions of `Event.title`, once per execution of an event.
    static func pipeline(bus: InProcessEventBus, sharing: Bool, executions: Counter) throws -> OperationPipeline {
        let schema = try Schema(sdl: sdl)
        let feed = EventFeed<Int>(bus: bus) { $0.first.map(Int.init) }
        var table = ResolverTable<RequestContext>()
        table[.query("a")] = .sync { _ in .null }
        table[subscription: "topic"] = { info in
            guard case .string(let name)? = info.arguments["name"] else { return EventStream(AsyncStream<Int> { $0.finish() }) }
            return EventStream(try await feed.subscribe(to: "topic:\(name)"), sharing: sharing ? "topic:\(name)" : nil)
        }
        table[subscription: "mine"] = { info in
            let topic = "user:\(info.context.user ?? "")"
            return EventStream(try await feed.subscribe(to: topic), sharing: sharing ? topic : nil)
        }
        table[.subscription("topic")] = .sync { info in .object(info.parent) }
        table[.subscription("mine")] = .sync { info in .object(info.parent) }
        table[.field("Event", "id")] = .sync { info in (info.parent as? Int).map(FieldValue.int) ?? .null }
        table[.field("Event", "title")] = .sync { info in
            executions.value.add(1, ordering: .relaxed)
            return (info.parent as? Int).map { .string("event \($0)") } ?? .null
        }
        table[.field("Event", "viewer")] = .sync { info in info.context.user.map(FieldValue.string) ?? .null }
        return OperationPipeline(schema: schema, resolvers: try table.bind(to: schema, coverage: .registeredFields))
    }

    static func subscribe(
        _ pipeline: OperationPipeline, _ query: String, variables: [String: InputValue] = [:], as user: String
    ) async throws -> SubscriptionResponses {
        let request = GraphQLRequest(
            OperationRequest(query: query, variables: variables), caller: RequestContext(user: user, tenant: "acme"),
            transport: .webSocket)
        guard case .stream(let responses) = await pipeline.run(request).answer else {
            throw SubscriptionRefused()
        }
        return responses
    }

    struct SubscriptionRefused: Error {}

    /// Resolutions of `Event.title`: one per execution of an event.
    final class Counter: Sendable {
        let value = Atomic(0)
    }

    static func text(_ bytes: [UInt8]?) -> String? { bytes.map { String(decoding: $0, as: UTF8.self) } }

    @Test func subscribersOfOneOperationShareOneExecutionPerEvent() async throws {
        let bus = InProcessEventBus()
        let executions = Counter()
        let pipeline = try Self.pipeline(bus: bus, sharing: true, executions: executions)
        var streams: [SubscriptionResponses.Iterator] = []
        for _ in 0..<20 {
            streams.append(
                try await Self.subscribe(pipeline, #"subscription { topic(name: "news") { id title } }"#, as: "ada")
                    .makeAsyncIterator())
        }
        #expect(pipeline.subscriptions.counts == (members: 20, groups: 1))
        #expect(bus.subscriberCount(on: "topic:news") == 1)
        for event: UInt8 in 1...3 { await bus.publish([event], on: "topic:news") }
        for index in streams.indices {
            for event in 1...3 {
                #expect(
                    Self.text(try await streams[index].next())
                        == #"{"data":{"topic":{"id":\#(event),"title":"event \#(event)"}}}"#)
            }
        }
        #expect(executions.value.load(ordering: .relaxed) == 3)
    }

    /// Random sets of subscribers (users, operations, variables, aliases): each gets the
    /// very bytes a subscriber executed alone gets, and the executions are one per event
    /// per group, however many subscribers the group has.
    @Test(arguments: 1...8)
    func sharedAnswersAreByteIdenticalToAnswersExecutedAlone(seed: UInt64) async throws {
        var random = SplitMix(seed: seed)
        let bus = InProcessEventBus()
        let sharedExecutions = Counter()
        let aloneExecutions = Counter()
        let shared = try Self.pipeline(bus: bus, sharing: true, executions: sharedExecutions)
        let alone = try Self.pipeline(bus: bus, sharing: false, executions: aloneExecutions)
        let operations: [(query: String, variables: [String: InputValue])] = [
            (#"subscription { topic(name: "news") { id title } }"#, [:]),
            (#"subscription { topic(name: "news") { title viewer } }"#, [:]),
            ("subscription S($n: String!) { topic(name: $n) { id first: title } }", ["n": .string("news")]),
            ("subscription S($n: String!) { topic(name: $n) { id first: title } }", ["n": .string("sport")]),
            ("subscription { mine { id title viewer } }", [:]),
        ]
        let users = ["ada", "bob", "cy"]
        var pairs: [(shared: SubscriptionResponses.Iterator, alone: SubscriptionResponses.Iterator)] = []
        var groups = Set<String>()
        for _ in 0..<(5 + Int(random.next() % 20)) {
            let operation = operations[Int(random.next() % UInt64(operations.count))]
            let user = users[Int(random.next() % UInt64(users.count))]
            // What execution depends on: the operation, its variables and, for the
            // caller's own events or `viewer`, the user.
            groups.insert("\(operation.query)|\(operation.variables)|\(user)")
            pairs.append(
                (
                    try await Self.subscribe(shared, operation.query, variables: operation.variables, as: user)
                        .makeAsyncIterator(),
                    try await Self.subscribe(alone, operation.query, variables: operation.variables, as: user)
                        .makeAsyncIterator()
                ))
        }
        #expect(shared.subscriptions.counts.groups == groups.count)
        for event: UInt8 in 1...2 {
            for topic in ["topic:news", "topic:sport", "user:ada", "user:bob", "user:cy"] {
                await bus.publish([event], on: topic)
            }
        }
        for index in pairs.indices {
            for _ in 1...2 {
                let sharedAnswer = try await pairs[index].shared.next()
                let aloneAnswer = try await pairs[index].alone.next()
                #expect(sharedAnswer != nil)
                #expect(Self.text(sharedAnswer) == Self.text(aloneAnswer))
            }
        }
        #expect(aloneExecutions.value.load(ordering: .relaxed) == 2 * pairs.count)
        #expect(sharedExecutions.value.load(ordering: .relaxed) == 2 * groups.count)
    }

    @Test func usersNeverReceiveEachOthersEvents() async throws {
        let bus = InProcessEventBus()
        let pipeline = try Self.pipeline(bus: bus, sharing: true, executions: Counter())
        var ada = try await Self.subscribe(pipeline, "subscription { mine { id viewer } }", as: "ada").makeAsyncIterator()
        var bob = try await Self.subscribe(pipeline, "subscription { mine { id viewer } }", as: "bob").makeAsyncIterator()
        #expect(pipeline.subscriptions.counts == (members: 2, groups: 2))
        await bus.publish([1], on: "user:bob")
        await bus.publish([2], on: "user:ada")
        #expect(Self.text(try await ada.next()) == #"{"data":{"mine":{"id":2,"viewer":"ada"}}}"#)
        #expect(Self.text(try await bob.next()) == #"{"data":{"mine":{"id":1,"viewer":"bob"}}}"#)
    }

    @Test func aMemberLeavingLeavesTheOthersAndTheLastEndsTheSource() async throws {
        let bus = InProcessEventBus()
        let pipeline = try Self.pipeline(bus: bus, sharing: true, executions: Counter())
        let query = #"subscription { topic(name: "news") { id } }"#
        // A shared subscription joins its group when it is read.
        let unread = try await Self.subscribe(pipeline, query, as: "ada")
        #expect(pipeline.subscriptions.counts == (members: 0, groups: 0))
        var first: SubscriptionResponses.Iterator? = unread.makeAsyncIterator()
        var second: SubscriptionResponses.Iterator? = try await Self.subscribe(pipeline, query, as: "ada")
            .makeAsyncIterator()
        #expect(pipeline.subscriptions.counts == (members: 2, groups: 1))
        _ = first
        first = nil
        #expect(await eventually { pipeline.subscriptions.counts == (members: 1, groups: 1) })
        await bus.publish([5], on: "topic:news")
        #expect(Self.text(try await second?.next()) == #"{"data":{"topic":{"id":5}}}"#)
        second = nil
        #expect(await eventually { pipeline.subscriptions.counts == (members: 0, groups: 0) })
        #expect(await eventually { bus.subscriberCount(on: "topic:news") == 0 })
    }
}

/// Recipients written on lanes: one pass per lane per response, the same bytes a stream
/// member reads, the end told on the lane, nothing for a recipient that left.
@Suite struct SharedSubscriptionRecipientTests {
    /// A lane that runs each pass at once and counts them.
    final class CountingLane: DeliveryLane {
        let passes = Mutex(0)
        func run(_ pass: @escaping @Sendable () -> Void) {
            passes.withLock { $0 += 1 }
            pass()
        }
    }

    final class Recorder: SubscriptionRecipient {
        let lane: any DeliveryLane
        let received = Mutex<[String]>([])
        let flushes = Mutex(0)
        let ended = Mutex<String?>(nil)

        init(lane: any DeliveryLane) { self.lane = lane }
        func receive(_ response: [UInt8]) { received.withLock { $0.append(String(decoding: response, as: UTF8.self)) } }
        func flush() { flushes.withLock { $0 += 1 } }
        func end(throwing error: (any Error)?) { ended.withLock { $0 = error.map { "\($0)" } ?? "completed" } }
    }

    typealias Support = SharedSubscriptionsTests

    @Test func recipientsOfALaneAreWrittenInOnePassPerResponseAlongsideStreamReaders() async throws {
        let bus = InProcessEventBus()
        let pipeline = try Support.pipeline(bus: bus, sharing: true, executions: Support.Counter())
        let query = #"subscription { topic(name: "news") { id } }"#
        let (east, west) = (CountingLane(), CountingLane())
        let recipients = (0..<6).map { Recorder(lane: $0 < 4 ? east : west) }
        var memberships: [SubscriptionMembership] = []
        for recipient in recipients {
            let responses = try await Support.subscribe(pipeline, query, as: "ada")
            #expect(responses.isShared)
            memberships.append(try #require(responses.deliver(to: recipient)))
        }
        var reader = try await Support.subscribe(pipeline, query, as: "ada").makeAsyncIterator()
        #expect(pipeline.subscriptions.counts == (members: 7, groups: 1))
        await bus.publish([1], on: "topic:news")
        await bus.publish([2], on: "topic:news")
        let expected = [#"{"data":{"topic":{"id":1}}}"#, #"{"data":{"topic":{"id":2}}}"#]
        #expect(Support.text(try await reader.next()) == expected[0])
        #expect(Support.text(try await reader.next()) == expected[1])
        #expect(await eventually { recipients.allSatisfy { $0.received.withLock { $0 } == expected } })
        #expect(east.passes.withLock { $0 } == 2)
        #expect(west.passes.withLock { $0 } == 2)
        #expect(recipients.allSatisfy { $0.flushes.withLock { $0 } == 2 })

        // One leaves: the others still receive, it does not.
        memberships[0].leave()
        await bus.publish([3], on: "topic:news")
        #expect(Support.text(try await reader.next()) == #"{"data":{"topic":{"id":3}}}"#)
        #expect(await eventually { recipients[1].received.withLock { $0.count } == 3 })
        #expect(recipients[0].received.withLock { $0.count } == 2)
        #expect(pipeline.subscriptions.counts == (members: 6, groups: 1))
        _ = memberships
    }

    @Test func aSubscriptionThatIsNotSharedTakesNoRecipient() async throws {
        let bus = InProcessEventBus()
        let pipeline = try Support.pipeline(bus: bus, sharing: false, executions: Support.Counter())
        let responses = try await Support.subscribe(pipeline, #"subscription { topic(name: "news") { id } }"#, as: "ada")
        #expect(!responses.isShared)
        #expect(responses.deliver(to: Recorder(lane: CountingLane())) == nil)
    }

    @Test func theSourcesEndIsToldToEveryRecipientOnItsLane() async throws {
        let hub = SharedSubscriptions()
        let schema = try Schema(sdl: "type Query { a: Int } type Subscription { twice: Int! }")
        let executor = Executor(resolvers: try Self.endingResolvers(schema))
        let document = try Validator.validate(try Parser.parse("subscription { twice }"), against: schema)
        guard case .stream(let stream) = await executor.subscribe(document, context: RequestContext(user: "ada")) else {
            Issue.record("the subscription was refused")
            return
        }
        let recipient = Recorder(lane: CountingLane())
        let membership = hub.responses(of: stream, context: RequestContext(user: "ada")).deliver(to: recipient)
        #expect(membership != nil)
        #expect(await eventually { recipient.ended.withLock { $0 } == "completed" })
        #expect(recipient.received.withLock { $0 } == [#"{"data":{"twice":1}}"#, #"{"data":{"twice":2}}"#])
        #expect(hub.counts == (members: 0, groups: 0))
    }

    static func endingResolvers(_ schema: Schema) throws -> Resolvers {
        var table = ResolverTable<RequestContext>()
        table[.query("a")] = .sync { _ in .null }
        table[subscription: "twice"] = { _ in EventStream([1, 2].async, sharing: "twice") }
        table[.subscription("twice")] = .sync { info in (info.parent as? Int).map(FieldValue.int) ?? .null }
        return try table.bind(to: schema, coverage: .registeredFields)
    }
}

extension Array where Element: Sendable {
    /// The elements as an async sequence that ends after the last.
    var async: AsyncStream<Element> {
        AsyncStream { continuation in
            for element in self { continuation.yield(element) }
            continuation.finish()
        }
    }
}

/// Whether `condition` holds within two seconds.
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<200 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

/// A small seeded generator, so a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
