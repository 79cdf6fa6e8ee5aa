import Foundation
import HTTPTypes
import Platform
import RateLimiting
import Redis
import Schema
import Testing

@testable import Gateway
@testable import TestSupport

/// Rate limits in a real Redis, through real servers: exact across instances, and what
/// happens while Redis is down.
@Suite(RedisServerProcess.needed) struct LiveRedisRateLimitTests {
    static func gate(
        _ redis: RedisServerProcess, _ policies: RateLimitPolicies, failureMode: RateLimitGate.FailureMode = .open,
        metrics: GatewayMetrics? = nil
    ) -> RateLimitGate {
        let client = RedisClient(endpoint: redis.endpoint, logger: RedisServerProcess.logger)
        return RateLimitGate(
            policies: policies, limiter: RedisRateLimiter(client: client), failureMode: failureMode, metrics: metrics,
            logger: RedisServerProcess.logger)
    }

    static let statusQuery = "{ realtimeStatus { status } }"
    static let rateLimitHeader = HTTPField.Name("RateLimit")!

    @Test func twoInstancesHammeringOneFieldAdmitExactlyItsLimit() async throws {
        let redis = try await RedisServerProcess.start()
        let coordinate = "RealtimeStatus.openConnections"
        let policies = RateLimitPolicies(fieldPolicies: [coordinate: [LiveRateLimitTests.policy(coordinate, 20)]])
        let headers = try await LiveRateLimitTests.admin()
        try await LiveServer.with(rateLimits: Self.gate(redis, policies)) { a in
            try await LiveServer.with(rateLimits: Self.gate(redis, policies)) { b in
                let admitted = try await withThrowingTaskGroup(of: Bool.self) { group in
                    for index in 0..<60 {
                        let server = index.isMultiple(of: 2) ? a : b
                        group.addTask {
                            let answer = try await server.post(
                                "{ realtimeStatus { openConnections } }", headers: headers)
                            let isAdmitted = answer.text.contains(#""openConnections":0"#)
                            #expect(isAdmitted || answer.text.contains(#""code":"RATE_LIMITED""#))
                            return isAdmitted
                        }
                    }
                    return try await group.reduce(0) { count, isAdmitted in count + (isAdmitted ? 1 : 0) }
                }
                #expect(admitted == 20)
            }
        }
        await redis.stop()
    }

    @Test func failingClosedRefusesWhileRedisIsDownAndRecoversWhenItReturns() async throws {
        let redis = try await RedisServerProcess.start()
        let policies = RateLimitPolicies(typePolicies: ["Query": [LiveRateLimitTests.policy("Query", 100)]])
        let metrics = GatewayMetrics()
        let gate = Self.gate(redis, policies, failureMode: .closed, metrics: metrics)
        try await LiveServer.with(rateLimits: gate) { server in
            let headers = try await LiveRateLimitTests.admin()
            let before = try await server.post(Self.statusQuery, headers: headers)
            #expect(before.headers[Self.rateLimitHeader] == #""Query";r=99;t=1"#)

            await redis.stop()
            let during = try await server.post(Self.statusQuery, headers: headers)
            #expect(during.status == 503)
            #expect(
                during.text
                    == #"{"errors":[{"message":"Rate limits cannot be checked just now, so the operation was not run; try again shortly.","extensions":{"code":"RATE_LIMITER_UNAVAILABLE","retryAfter":1}}]}"#
            )
            #expect(during.headers[HTTPField.Name("Retry-After")!] == "1")
            #expect(
                String(decoding: metrics.exposition(), as: UTF8.self).contains(
                    #"switchboard_rate_limiter_failures_total{mode="closed"}"#))

            try await redis.start()
            let after = try await Self.eventually { try await server.post(Self.statusQuery, headers: headers) }
            // A new Redis is empty: the bucket starts again.
            #expect(after.headers[Self.rateLimitHeader] == #""Query";r=99;t=1"#)
        }
        await redis.stop()
    }

    @Test func failingOpenRunsOperationsUnlimitedWhileRedisIsDown() async throws {
        let redis = try await RedisServerProcess.start()
        let policies = RateLimitPolicies(typePolicies: ["Query": [LiveRateLimitTests.policy("Query", 100)]])
        let metrics = GatewayMetrics()
        try await LiveServer.with(rateLimits: Self.gate(redis, policies, failureMode: .open, metrics: metrics)) {
            server in
            let headers = try await LiveRateLimitTests.admin()
            await redis.stop()
            let during = try await server.post(Self.statusQuery, headers: headers)
            #expect(during.text == #"{"data":{"realtimeStatus":{"status":"OK"}}}"#)
            #expect(during.headers[Self.rateLimitHeader] == nil)
            #expect(
                String(decoding: metrics.exposition(), as: UTF8.self).contains(
                    #"switchboard_rate_limiter_failures_total{mode="open"}"#))
            try await redis.start()
            let after = try await Self.eventually { try await server.post(Self.statusQuery, headers: headers) }
            #expect(after.headers[Self.rateLimitHeader] == #""Query";r=99;t=1"#)
        }
        await redis.stop()
    }

    /// Asks until an answer carries a `RateLimit` header (the limiter answers again), for
    /// up to ten seconds: the client's reconnection backoff decides when.
    static func eventually(
        _ ask: () async throws -> (status: Int, headers: HTTPFields, text: String)
    ) async throws -> (status: Int, headers: HTTPFields, text: String) {
        var answer = try await ask()
        for _ in 0..<100 where answer.headers[rateLimitHeader] == nil {
            try await Task.sleep(for: .milliseconds(100))
            answer = try await ask()
        }
        return answer
    }
}
