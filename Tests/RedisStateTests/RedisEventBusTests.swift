import Foundation
import Logging
import Platform
import Synchronization
import Testing

@testable import Redis
@testable import RedisState
@testable import TestSupport

/// Two buses on one real redis-server stand for two gateway instances.
@Suite(RedisServerProcess.needed) struct RedisEventBusTests {
    /// One instance: its client and its bus.
    struct Instance {
        let client: RedisClient
        let bus: RedisEventBus

        init(_ server: RedisServerProcess) throws {
            client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
            bus = try RedisEventBus(client: client, logger: RedisServerProcess.logger)
        }

        func stop() async {
            bus.shutdown()
            await client.shutdown()
        }
    }

    @Test func aSubscriberOnOneInstanceReceivesWhatAnotherPublishes() async throws {
        let server = try await RedisServerProcess.start()
        let a = try Instance(server)
        let b = try Instance(server)
        let stream = try await a.bus.subscribe(to: "user:alice")
        let other = try await a.bus.subscribe(to: "user:bob")
        await b.bus.publish(Array("one".utf8), on: "user:alice")
        await b.bus.publish(Array("two".utf8), on: "user:alice")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "one")
        #expect(await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "two")
        // bob's stream heard nothing of alice's topic: the next event on it is its own.
        await b.bus.publish(Array("three".utf8), on: "user:bob")
        var bobs = other.makeAsyncIterator()
        #expect(await bobs.next().map { String(decoding: $0, as: UTF8.self) } == "three")
        await a.stop()
        await b.stop()
    }

    /// Many subscribers on each of two instances: every one receives each event exactly
    /// once and in order, each instance holds one Redis subscription for the topic and
    /// decodes each event once.
    @Test func everySubscriberOnBothInstancesReceivesEachEventExactlyOnce() async throws {
        let server = try await RedisServerProcess.start()
        let (a, b) = (try Instance(server), try Instance(server))
        let decodes = (DecodeCount(), DecodeCount())
        let feeds = (
            EventFeed<String>(bus: a.bus) { [count = decodes.0] in count.decoded($0) },
            EventFeed<String>(bus: b.bus) { [count = decodes.1] in count.decoded($0) }
        )
        var streams: [AsyncStream<String>] = []
        for index in 0..<40 {
            streams.append(try await (index.isMultiple(of: 2) ? feeds.0 : feeds.1).subscribe(to: "user:alice"))
        }
        #expect(try await Self.subscribers(of: "switchboard:user:alice", on: a.client) == 2)
        let events = (1...5).map { "event \($0)" }
        for event in events { await b.bus.publish(Array(event.utf8), on: "user:alice") }
        await a.bus.publish(Array("last".utf8), on: "user:alice")
        for stream in streams {
            var received: [String] = []
            for await event in stream {
                received.append(event)
                if event == "last" { break }
            }
            #expect(received == events + ["last"])
        }
        #expect(decodes.0.count == 6)
        #expect(decodes.1.count == 6)
        streams = []
        await a.stop()
        await b.stop()
    }

    /// Counts an instance's decodes.
    final class DecodeCount: Sendable {
        private let decodes = Mutex(0)
        var count: Int { decodes.withLock { $0 } }

        func decoded(_ payload: [UInt8]) -> String {
            decodes.withLock { $0 += 1 }
            return String(decoding: payload, as: UTF8.self)
        }
    }

    @Test func anInstanceUnsubscribesWhenItsLastSubscriberLeaves() async throws {
        let server = try await RedisServerProcess.start()
        let a = try Instance(server)
        var first: AsyncStream<[UInt8]>? = try await a.bus.subscribe(to: "t")
        var second: AsyncStream<[UInt8]>? = try await a.bus.subscribe(to: "t")
        #expect(try await Self.subscribers(of: "switchboard:t", on: a.client) == 1)
        first = nil
        #expect(try await Self.subscribers(of: "switchboard:t", on: a.client) == 1)
        second = nil
        try await Self.eventually { try await Self.subscribers(of: "switchboard:t", on: a.client) == 0 }
        _ = (first, second)
        await a.stop()
    }

    @Test func subscriptionsAreRenewedWhenRedisComesBack() async throws {
        let server = try await RedisServerProcess.start()
        let a = try Instance(server)
        let b = try Instance(server)
        let stream = try await a.bus.subscribe(to: "user:alice")
        await server.stop()
        try await Self.eventually { !a.bus.isSubscriberConnected }
        try await server.start()
        try await Self.eventually { try await Self.subscribers(of: "switchboard:user:alice", on: b.client) == 1 }
        await b.bus.publish(Array("after".utf8), on: "user:alice")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "after")
        await a.stop()
        await b.stop()
    }

    @Test func whileRedisIsDownEventsStillReachThisInstancesSubscribers() async throws {
        let server = try await RedisServerProcess.start()
        let a = try Instance(server)
        let stream = try await a.bus.subscribe(to: "user:alice")
        await server.stop()
        await a.bus.publish(Array("local".utf8), on: "user:alice")
        var iterator = stream.makeAsyncIterator()
        #expect(await iterator.next().map { String(decoding: $0, as: UTF8.self) } == "local")
        await #expect(throws: RedisError.self) { _ = try await a.bus.subscribe(to: "user:bob") }
        await a.stop()
    }

    static func subscribers(of channel: String, on client: RedisClient) async throws -> Int64? {
        try await client.send("PUBSUB", "NUMSUB", channel).elements?.last?.integer
    }

    /// Polls `condition` for up to five seconds.
    static func eventually(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<500 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        Issue.record("the condition did not hold within five seconds")
    }
}
