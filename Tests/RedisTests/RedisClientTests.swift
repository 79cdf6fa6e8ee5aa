import Foundation
import Logging
import Settings
import Testing

@testable import Redis
@testable import TestSupport

/// The hiredis client against a real redis-server.
@Suite(RedisServerProcess.needed) struct RedisClientTests {
    @Test func commandsRoundTripBinarySafeValues() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let value: [UInt8] = [0, 1, 2, 255, 10, 13]
        #expect(try await redis.send([Array("SET".utf8), Array("k".utf8), value]) == .status("OK"))
        #expect(try await redis.send("GET", "k") == .bulk(value))
        #expect(try await redis.send("GET", "missing") == .bulk(nil))
        await redis.shutdown()
        await #expect(throws: RedisError(.closed, "the client is shut down")) { try await redis.send("PING") }
    }

    @Test func aPipelineAnswersEachCommandInOrder() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let incr = [Array("INCR".utf8), Array("n".utf8)]
        let replies = try await redis.pipeline([incr, incr, [Array("LPUSH".utf8), Array("n".utf8), [1]], incr])
        #expect(replies.prefix(2) == [.integer(1), .integer(2)])
        if case .error(let message) = replies[2] {
            #expect(message.hasPrefix("WRONGTYPE"))
        } else {
            Issue.record("LPUSH on a number should fail")
        }
        #expect(replies[3] == .integer(3))
    }

    @Test func anErrorReplyLeavesTheConnectionUsable() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, maximumConnections: 1, logger: RedisServerProcess.logger)
        guard case .error(let message) = try await redis.send("NOSUCHCOMMAND") else {
            Issue.record("expected an error reply")
            return
        }
        #expect(message.contains("unknown command"))
        #expect(try await redis.send("PING") == .status("PONG"))
    }

    @Test func aScriptRunsBySHAAndIsLoadedWhenRedisDoesNotKnowIt() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let script = RedisScript("return redis.call('INCRBY', KEYS[1], ARGV[1])")
        #expect(try await redis.evaluate(script, keys: ["c"], arguments: ["5"]) == .integer(5))
        #expect(try await redis.send("SCRIPT", "EXISTS", script.sha1) == .array([.integer(1)]))
        #expect(try await redis.send("SCRIPT", "FLUSH") == .status("OK"))
        #expect(try await redis.evaluate(script, keys: ["c"], arguments: ["2"]) == .integer(7))
    }

    @Test func manyCallersShareAFewConnectionsInTurn() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, maximumConnections: 2, logger: RedisServerProcess.logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<200 {
                group.addTask { try await redis.send("INCR", "shared") }
            }
            try await group.waitForAll()
        }
        #expect(try await redis.send("GET", "shared").text == "200")
        let clients = try await redis.send("CLIENT", "LIST").text ?? ""
        #expect(clients.split(separator: "\n").count <= 2)
    }

    @Test func aRedisThatIsDownFailsFastAndTheClientRecoversWhenItReturns() async throws {
        let server = try await RedisServerProcess.start()
        let redis = RedisClient(endpoint: server.endpoint, maximumConnections: 2, logger: RedisServerProcess.logger)
        #expect(try await redis.send("PING") == .status("PONG"))
        await server.stop()
        // The pooled connection finds the server gone; new connections are refused.
        await #expect(throws: RedisError.self) { try await redis.send("PING") }
        let refused = await #expect(throws: RedisError.self) { try await redis.send("PING") }
        #expect(refused?.kind == .connection)
        try await server.start()
        // Past the backoff, the next call connects again.
        var answer: RedisValue?
        for _ in 0..<100 where answer == nil {
            answer = try? await redis.send("PING")
            if answer == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(answer == .status("PONG"))
    }
}

@Suite struct RedisEndpointTests {
    @Test func endpointsAreReadFromRedisURLs() throws {
        let full = try RedisEndpoint(
            parsing: "redis://app:s3cret@cache.internal:6380/2?timeout=250ms&connect_timeout=1s")
        #expect(full.host == "cache.internal" && full.port == 6380 && full.database == 2)
        #expect(full.username == "app" && full.password == "s3cret")
        #expect(full.commandTimeout == .milliseconds(250) && full.connectTimeout == .seconds(1))
        #expect(full.description == "redis://app@cache.internal:6380/2")
        let plain = try RedisEndpoint(parsing: "redis://127.0.0.1")
        #expect(plain.port == 6379 && plain.database == 0 && plain.password == nil)
        #expect(throws: SettingsError.self) { try RedisEndpoint(parsing: "http://127.0.0.1") }
        #expect(throws: SettingsError.self) { try RedisEndpoint(parsing: "redis://127.0.0.1/zero") }
        #expect(throws: SettingsError.self) { try RedisEndpoint(parsing: "redis://127.0.0.1?pool=3") }
    }
}
