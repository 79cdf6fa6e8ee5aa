import Testing

@testable import Platform
@testable import Redis
@testable import RedisState
@testable import TestSupport

/// What is the Redis store's own: key spelling, slots, replies, outages. Its behaviour is
/// `EphemeralStoreSuite`'s.
@Suite struct RedisEphemeralStoreTests {
    @Test func keysCarryTheirScopeAsHashTagWithEveryPartEscaped() {
        let signals = EphemeralScope("call", "123").key("signals")
        #expect(RedisEphemeralStore.redisKey(signals) == "sb:{call:123}:signals")
        let sneaky = EphemeralScope("presence", "user", "a}b:c").key("device", "{x}")
        #expect(RedisEphemeralStore.redisKey(sneaky) == "sb:{presence:user:a%7Db%3Ac}:device:%7Bx%7D")
    }

    @Test func everyKeyOfAnUpdateIsInItsScopesSlot() {
        let scope = EphemeralScope("call", "123")
        let update = EphemeralUpdate(
            if: [.valueIs(scope.key("state"), nil), .hasMember(scope.key("ringing"), "bob")],
            [
                .set(scope.key("state"), [1], expiresIn: .seconds(30)),
                .increment(scope.key("sequence"), by: 1, expiresIn: nil),
                .append(scope.key("signals"), [2], keepingLast: 100, expiresIn: .seconds(3600)),
            ])
        let keys = RedisEphemeralStore.UpdateArguments(update).call.keys
        #expect(
            keys == ["sb:{call:123}:state", "sb:{call:123}:ringing", "sb:{call:123}:sequence", "sb:{call:123}:signals"])
        #expect(Set(keys.map(RedisHashSlot.slot(of:))) == [RedisHashSlot.slot(of: "call:123")])
    }

    @Test func expiriesAreSentInWholeMillisecondsRoundedUp() {
        let key = EphemeralScope("s").key("k")
        let update = EphemeralUpdate([
            .set(key, [], expiresIn: .microseconds(1)), .expire(key, in: .nanoseconds(1_500_000_001)),
        ])
        let arguments = RedisEphemeralStore.UpdateArguments(update).call.arguments.map {
            String(decoding: $0, as: UTF8.self)
        }
        #expect(arguments == ["0", "set", "1", "", "1", "", "exp", "1", "", "1501", ""])
    }

    @Test func repliesAreReadAsOutcomesAndRefusals() throws {
        let keys = [EphemeralScope("s").key("a"), EphemeralScope("s").key("b")]
        func outcome(_ items: [RedisValue]) throws -> EphemeralUpdate.Outcome {
            try RedisEphemeralStore.outcome(of: .array(items), keys: keys, operations: 2)
        }
        #expect(try outcome([.integer(1), .integer(7), .integer(0)]) == .applied([7, 0]))
        #expect(try outcome([.integer(0), .integer(2)]) == .conditionFailed(1))
        #expect(throws: EphemeralStoreError.notACounter(keys[1])) {
            try outcome([.integer(2), .bulk(Array("counter".utf8)), .integer(2)])
        }
        #expect(throws: RedisEphemeralStore.MalformedReply.self) { try outcome([.integer(1), .integer(7)]) }
        #expect(throws: RedisEphemeralStore.MalformedReply.self) {
            try outcome([.integer(2), .bulk(Array("kind".utf8)), .integer(3)])
        }
        #expect(throws: RedisError.self) {
            try RedisEphemeralStore.outcome(of: .error("ERR boom"), keys: keys, operations: 2)
        }
    }

    @Test(RedisServerProcess.needed) func aRedisThatIsDownMakesEveryCallThrow() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let store = RedisEphemeralStore(client: client)
        let key = EphemeralScope("call", "1").key("state")
        try await store.set(key, [1], expiresIn: .seconds(5))
        await server.stop()
        await #expect(throws: RedisError.self) { try await store.set(key, [2], expiresIn: .seconds(5)) }
        await #expect(throws: RedisError.self) { try await store.values([key]) }
        await #expect(throws: RedisError.self) { try await store.members([key]) }
        await #expect(throws: RedisError.self) { try await store.entries(of: key, after: 0) }
        await client.shutdown()
    }

    /// After a restart Redis knows no scripts: they are sent again (NOSCRIPT), even in a
    /// pipeline of many.
    @Test(RedisServerProcess.needed) func scriptsAreLoadedAgainAfterARestart() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let store = RedisEphemeralStore(client: client)
        let sets = (0..<3).map { EphemeralScope("user", String($0)).key("devices") }
        try await store.addMember("web", to: sets[1], expiresIn: .seconds(5))
        #expect(try await store.members(sets) == [[], ["web"], []])
        _ = try await client.send("SCRIPT", "FLUSH")
        #expect(try await store.members(sets) == [[], ["web"], []])
        #expect(try await store.addMember("ios", to: sets[1], expiresIn: .seconds(5)))
        await client.shutdown()
        await server.stop()
    }
}
