import Synchronization
import Testing

@testable import Platform

@Suite struct EventFeedTests {
    @Test func subscribersOfATopicShareOneBusSubscriptionAndOneDecodePerEvent() async throws {
        let bus = InProcessEventBus()
        let decodes = Atomic<Int>(0)
        let feed = EventFeed<UInt8>(bus: bus) { payload in
            decodes.add(1, ordering: .relaxed)
            return payload.first
        }
        let streams = try await (0..<50).asyncMap { _ in try await feed.subscribe(to: "bob") }
        #expect(bus.subscriberCount(on: "bob") == 1)
        #expect(feed.subscriberCount(on: "bob") == 50)
        await bus.publish([7], on: "bob")
        await bus.publish([8], on: "bob")
        for stream in streams {
            var events = stream.makeAsyncIterator()
            #expect(await events.next() == 7)
            #expect(await events.next() == 8)
        }
        #expect(decodes.load(ordering: .relaxed) == 2)
    }

    @Test func aSubscriberHearsOnlyItsTopic() async throws {
        let bus = InProcessEventBus()
        let feed = EventFeed<UInt8>(bus: bus) { $0.first }
        let bob = try await feed.subscribe(to: "bob")
        let carol = try await feed.subscribe(to: "carol")
        await bus.publish([1], on: "bob")
        await bus.publish([2], on: "carol")
        var bobs = bob.makeAsyncIterator()
        var carols = carol.makeAsyncIterator()
        #expect(await bobs.next() == 1)
        #expect(await carols.next() == 2)
    }

    @Test func aPayloadThatDoesNotDecodeIsDroppedForEveryone() async throws {
        let bus = InProcessEventBus()
        let feed = EventFeed<UInt8>(bus: bus) { $0.first.flatMap { $0 == 0 ? nil : $0 } }
        let first = try await feed.subscribe(to: "t")
        let second = try await feed.subscribe(to: "t")
        await bus.publish([0], on: "t")
        await bus.publish([3], on: "t")
        for stream in [first, second] {
            var events = stream.makeAsyncIterator()
            #expect(await events.next() == 3)
        }
    }

    @Test func theLastSubscriberToLeaveEndsTheBusSubscriptionAndALaterOneOpensItAgain() async throws {
        let bus = InProcessEventBus()
        let feed = EventFeed<UInt8>(bus: bus) { $0.first }
        var first: AsyncStream<UInt8>? = try await feed.subscribe(to: "t")
        var second: AsyncStream<UInt8>? = try await feed.subscribe(to: "t")
        _ = (first, second)
        first = nil
        #expect(feed.subscriberCount(on: "t") == 1)
        #expect(bus.subscriberCount(on: "t") == 1)
        second = nil
        #expect(feed.topicCount == 0)
        #expect(await eventually { bus.subscriberCount(on: "t") == 0 })

        let later = try await feed.subscribe(to: "t")
        #expect(bus.subscriberCount(on: "t") == 1)
        await bus.publish([9], on: "t")
        var events = later.makeAsyncIterator()
        #expect(await events.next() == 9)
    }

    @Test func aBusThatCannotSubscribeFailsTheSubscriberAndTheNextOneTriesAgain() async throws {
        let bus = FlakyBus()
        let feed = EventFeed<UInt8>(bus: bus) { $0.first }
        await #expect(throws: FlakyBus.Unreachable.self) { _ = try await feed.subscribe(to: "t") }
        #expect(feed.topicCount == 0)
        let stream = try await feed.subscribe(to: "t")
        await bus.publish([4], on: "t")
        var events = stream.makeAsyncIterator()
        #expect(await events.next() == 4)
    }

    /// A bus whose first subscription fails, as Redis does while it is unreachable.
    final class FlakyBus: EventBus {
        struct Unreachable: Error {}
        private let inner = InProcessEventBus()
        private let failures = Atomic<Int>(1)

        func publish(_ payload: [UInt8], on topic: String) async {
            await inner.publish(payload, on: topic)
        }

        func subscribe(to topic: String) async throws -> AsyncStream<[UInt8]> {
            if failures.subtract(1, ordering: .relaxed).oldValue > 0 { throw Unreachable() }
            return try await inner.subscribe(to: topic)
        }
    }
}

/// Whether `condition` holds within two seconds (what ends a bus subscription runs in a
/// task of its own).
func eventually(_ condition: () -> Bool) async -> Bool {
    for _ in 0..<200 {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}

extension Sequence where Element: Sendable {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
