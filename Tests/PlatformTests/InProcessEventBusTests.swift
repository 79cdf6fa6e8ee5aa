import Testing

@testable import Platform

@Suite struct InProcessEventBusTests {
    @Test func subscribersOfATopicHearWhatIsPublishedOnItAndNoOneElse() async throws {
        let bus = InProcessEventBus()
        let bob = try await bus.subscribe(to: "bob")
        let carol = try await bus.subscribe(to: "carol")
        await bus.publish([1], on: "bob")
        await bus.publish([2], on: "carol")
        var bobs = bob.makeAsyncIterator()
        var carols = carol.makeAsyncIterator()
        #expect(await bobs.next() == [1])
        #expect(await carols.next() == [2])
    }

    @Test func aDroppedSubscriptionLeavesTheTopic() async throws {
        let bus = InProcessEventBus()
        var stream: AsyncStream<[UInt8]>? = try await bus.subscribe(to: "bob")
        #expect(bus.subscriberCount(on: "bob") == 1)
        _ = stream
        stream = nil
        #expect(bus.subscriberCount(on: "bob") == 0)
    }

    @Test func aSubscriberThatFallsBehindKeepsTheNewestEvents() async throws {
        let bus = InProcessEventBus(bufferSize: 2)
        let stream = try await bus.subscribe(to: "t")
        for byte: UInt8 in 1...5 { await bus.publish([byte], on: "t") }
        var events = stream.makeAsyncIterator()
        #expect(await events.next() == [4])
        #expect(await events.next() == [5])
    }
}
