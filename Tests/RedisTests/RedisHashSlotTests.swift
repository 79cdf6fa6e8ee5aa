import Testing

@testable import Redis
@testable import TestSupport

/// Slots as Redis Cluster computes them.
@Suite struct RedisHashSlotTests {
    @Test func crc16IsXmodems() {
        #expect(RedisHashSlot.crc16(Array("123456789".utf8)) == 0x31C3)
        #expect(RedisHashSlot.crc16([]) == 0)
    }

    @Test func theHashTagIsBetweenTheFirstBraceAndTheFirstCloseAfterIt() {
        func tag(_ key: String) -> String {
            String(decoding: RedisHashSlot.hashTag(of: Array(key.utf8)), as: UTF8.self)
        }
        #expect(tag("rl:{user:alice}:Query") == "user:alice")
        #expect(tag("foo{}{bar}") == "foo{}{bar}")
        #expect(tag("foo{{bar}}zap") == "{bar")
        #expect(tag("foo{bar}{zap}") == "bar")
        #expect(tag("no tag") == "no tag")
        #expect(tag("open{only") == "open{only")
        #expect(RedisHashSlot.slot(of: "{user1000}.following") == RedisHashSlot.slot(of: "{user1000}.followers"))
        #expect(RedisHashSlot.slot(of: "123456789") == 0x31C3)
    }

    /// What the tests that run on a cluster rely on: it refuses a script of two slots.
    @Test(RedisServerProcess.needed) func aClusterRefusesAScriptWhoseKeysAreOfTwoSlots() async throws {
        let server = try await RedisServerProcess.start(cluster: true)
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let script = RedisScript("return #KEYS")
        #expect(try await client.evaluate(script, keys: ["{a}:x", "{a}:y"], arguments: []) == .integer(2))
        let crossing = try await client.evaluate(script, keys: ["{a}:x", "{b}:y"], arguments: [])
        guard case .error(let message) = crossing else {
            Issue.record("a script of two slots ran: \(crossing)")
            return
        }
        #expect(message.hasPrefix("CROSSSLOT"))
        await client.shutdown()
        await server.stop()
    }

    /// Ours against the server's own `CLUSTER KEYSLOT`.
    @Test(RedisServerProcess.needed) func slotsAreTheClustersOwn() async throws {
        let server = try await RedisServerProcess.start(cluster: true)
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let keys = [
            "foo", "bar", "123456789", "", "{}", "foo{}{bar}", "foo{{bar}}zap", "rl:{user:alice}:Query",
            "sb:{presence:user:%C3%BC}:devices", "ü", "{a}b",
        ]
        for key in keys {
            #expect(
                try await client.send("CLUSTER", "KEYSLOT", key).integer == Int64(RedisHashSlot.slot(of: key)), "\(key)"
            )
        }
        await client.shutdown()
        await server.stop()
    }
}
