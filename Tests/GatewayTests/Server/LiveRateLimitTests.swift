import Foundation
import Gateway
import HTTPTypes
import Logging
import Platform
import RateLimiting
import Schema
import Testing

@testable import TestSupport

/// Rate limits through the real server: the in-process limiter on a clock that stands
/// still, so every figure in an answer is exact.
@Suite struct LiveRateLimitTests {
    static let logger: Logger = {
        var logger = Logger(label: "switchboard.test.rate-limits")
        logger.logLevel = .critical
        return logger
    }()

    static func gate(_ policies: RateLimitPolicies, metrics: GatewayMetrics? = nil) -> RateLimitGate {
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        return RateLimitGate(
            policies: policies, limiter: InProcessRateLimiter(now: { instant }), metrics: metrics, logger: logger)
    }

    static func policy(_ coordinate: String, _ limit: Int, by: RateLimitBy = .user) -> RateLimitPolicy {
        RateLimitPolicy(coordinate: coordinate, limit: limit, window: .seconds(60), by: by)
    }

    static func admin() async throws -> HTTPFields {
        [.authorization: "Bearer \(try await LiveServer.token(user: "root", roles: ["admin"]))"]
    }

    @Test func aFieldOverItsLimitIsNullWithRetryAfterWhileTheRestResolves() async throws {
        let coordinate = "RealtimeStatus.openConnections"
        let policies = RateLimitPolicies(fieldPolicies: [coordinate: [Self.policy(coordinate, 2)]])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            let query = "{ realtimeStatus { status openConnections } }"
            let headers = try await Self.admin()
            let first = try await server.post(query, headers: headers)
            #expect(first.text == #"{"data":{"realtimeStatus":{"status":"OK","openConnections":0}}}"#)
            #expect(first.headers[HTTPField.Name("RateLimit-Policy")!] == #""RealtimeStatus.openConnections";q=2;w=60"#)
            #expect(first.headers[HTTPField.Name("RateLimit")!] == #""RealtimeStatus.openConnections";r=1;t=30"#)
            #expect(first.headers[HTTPField.Name("Retry-After")!] == nil)
            _ = try await server.post(query, headers: headers)

            let third = try await server.post(query, headers: headers)
            #expect(third.status == 200)
            #expect(
                third.text
                    == #"{"errors":[{"message":"RealtimeStatus.openConnections is over its rate limit; try again in 30 s.","locations":[{"line":1,"column":27}],"path":["realtimeStatus","openConnections"],"extensions":{"code":"RATE_LIMITED","retryAfter":30}}],"data":{"realtimeStatus":{"status":"OK","openConnections":null}}}"#
            )
            #expect(third.headers[HTTPField.Name("RateLimit")!] == #""RealtimeStatus.openConnections";r=0;t=30"#)
            #expect(third.headers[HTTPField.Name("Retry-After")!] == "30")

            // Another user has buckets of their own.
            let other = try await LiveServer.token(user: "ops", roles: ["admin"])
            let theirs = try await server.post(query, headers: [.authorization: "Bearer \(other)"])
            #expect(theirs.text == first.text)
        }
    }

    @Test func anOperationOverTheCostBudgetIsRefusedBeforeItRuns() async throws {
        let policies = RateLimitPolicies(costBudgets: [Self.policy(RateLimitPolicies.costBudgetCoordinate, 3)])
        let metrics = GatewayMetrics()
        try await LiveServer.with(rateLimits: Self.gate(policies, metrics: metrics)) { server in
            let query = "{ a: realtimeStatus { status } b: realtimeStatus { status } }"
            let headers = try await Self.admin()
            let first = try await server.post(query, headers: headers)
            #expect(
                first.text
                    == #"{"data":{"a":{"status":"OK"},"b":{"status":"OK"}},"extensions":{"cost":{"limit":3,"remaining":1,"requested":2,"windowSeconds":60}}}"#
            )
            let second = try await server.post(query, headers: headers)
            #expect(second.status == 429)
            #expect(
                second.text
                    == #"{"errors":[{"message":"This operation costs 2 points, and 1 of the 3 points per 1m are left; try again in 20 s.","extensions":{"code":"RATE_LIMITED","cost":2,"retryAfter":20}}],"extensions":{"cost":{"limit":3,"remaining":1,"requested":2,"windowSeconds":60}}}"#
            )
            #expect(second.headers[HTTPField.Name("Retry-After")!] == "20")
            // The refusal charged nothing: a cheaper operation still fits.
            let cheaper = try await server.post("{ realtimeStatus { status } }", headers: headers)
            #expect(cheaper.text.contains(#""remaining":0"#))
            #expect(
                String(decoding: metrics.exposition(), as: UTF8.self).contains(
                    #"switchboard_rate_limited_total{scope="operation"} 1"#))
        }
    }

    @Test func anOperationCostingMoreThanTheWholeBudgetIsToldSo() async throws {
        let policies = RateLimitPolicies(costBudgets: [Self.policy(RateLimitPolicies.costBudgetCoordinate, 1)])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            let answer = try await server.post(
                "{ a: realtimeStatus { status } b: realtimeStatus { status } }", headers: try await Self.admin())
            #expect(answer.status == 429)
            #expect(answer.text.contains("costs 2 points, more than the whole budget of 1 points per 1m"))
        }
    }

    @Test func signedOutCallersAreCountedByAddressUnderTheRootTypesLimit() async throws {
        let policies = RateLimitPolicies(typePolicies: [
            "Query": [Self.policy("Query", 5), Self.policy("Query", 1, by: .ip)]
        ])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            let query = "{ realtimeStatus { status } }"
            let first = try await server.post(query)
            #expect(first.headers[HTTPField.Name("RateLimit-Policy")!] == #""Query";q=1;w=60"#)
            let second = try await server.post(query)
            #expect(second.text.contains(#""code":"RATE_LIMITED""#))
            #expect(second.text.contains(#""data":null"#))
            // Signed in, the same address is counted by the user limit.
            let signedIn = try await server.post(query, headers: try await Self.admin())
            #expect(signedIn.text == #"{"data":{"realtimeStatus":{"status":"OK"}}}"#)
            #expect(signedIn.headers[HTTPField.Name("RateLimit-Policy")!] == #""Query";q=5;w=60"#)
        }
    }

    @Test func behindATrustedProxyEachForwardedClientHasItsOwnBucket() async throws {
        let policies = RateLimitPolicies(typePolicies: ["Query": [Self.policy("Query", 1, by: .ip)]])
        var settings = GatewayServer.Settings()
        settings.trustedProxyHops = 1
        try await LiveServer.with(settings: settings, rateLimits: Self.gate(policies)) { server in
            let query = "{ realtimeStatus { status } }"
            let forwarded = HTTPField.Name("X-Forwarded-For")!
            let first = try await server.post(query, headers: [forwarded: "198.51.100.1, 203.0.113.7"])
            #expect(first.text == #"{"data":{"realtimeStatus":{"status":"OK"}}}"#)
            // The client cannot pick its bucket: only the proxy's entry counts.
            let again = try await server.post(query, headers: [forwarded: "198.51.100.2, 203.0.113.7"])
            #expect(again.text.contains(#""code":"RATE_LIMITED""#))
            let other = try await server.post(query, headers: [forwarded: "203.0.113.8"])
            #expect(other.text == first.text)
        }
    }

    @Test func rateLimitStatusReportsTheCallersBucketsWithoutChargingThem() async throws {
        let policies = RateLimitPolicies(
            fieldPolicies: ["Mutation.registerDevice": [Self.policy("Mutation.registerDevice", 10)]],
            typePolicies: ["Query": [Self.policy("Query", 5)]],
            costBudgets: [Self.policy(RateLimitPolicies.costBudgetCoordinate, 100)])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            let query = "{ rateLimitStatus { enabled buckets { coordinate by limit windowSeconds remaining } } }"
            let headers = try await Self.admin()
            _ = try await server.post(query, headers: headers)
            let answer = try await server.post(query, headers: headers)
            // Each read costs 2 (the status and its list of buckets) and counts once
            // against Query; the buckets are read after this read's own charge.
            #expect(
                answer.text
                    == #"{"data":{"rateLimitStatus":{"enabled":true,"buckets":[{"coordinate":"@costBudget","by":"USER","limit":100,"windowSeconds":60,"remaining":96},{"coordinate":"Query","by":"USER","limit":5,"windowSeconds":60,"remaining":3},{"coordinate":"Mutation.registerDevice","by":"USER","limit":10,"windowSeconds":60,"remaining":10}]}},"extensions":{"cost":{"limit":100,"remaining":96,"requested":2,"windowSeconds":60}}}"#
            )
        }
    }

    @Test func aSubscriptionOverItsLimitIsRefusedWithAnError() async throws {
        let policies = RateLimitPolicies(typePolicies: ["Subscription": [Self.policy("Subscription", 1, by: .ip)]])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            _ = try await server.webSocket(subprotocol: LiveWebSocketTests.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                try await ws.read(until: "connection_ack")
                let subscription = "subscription { heartbeat(intervalSeconds: 1) { sequence } }"
                try await ws.send(#"{"type":"subscribe","id":"a","payload":{"query":"\#(subscription)"}}"#)
                #expect(
                    try await ws.read(until: #""id":"a""#)
                        == #"{"type":"next","id":"a","payload":{"data":{"heartbeat":{"sequence":1}}}}"#)
                try await ws.send(#"{"type":"subscribe","id":"b","payload":{"query":"\#(subscription)"}}"#)
                #expect(
                    try await ws.read(until: #""id":"b""#)
                        == #"{"type":"error","id":"b","payload":[{"message":"Subscription is over its rate limit; try again in 60 s.","extensions":{"code":"RATE_LIMITED","retryAfter":60}}]}"#
                )
            }
        }
    }

    @Test func aSubscriptionOverALimitInsideItStartsWithThatFieldNull() async throws {
        let policies = RateLimitPolicies(fieldPolicies: ["Heartbeat.at": [Self.policy("Heartbeat.at", 1, by: .ip)]])
        try await LiveServer.with(rateLimits: Self.gate(policies)) { server in
            _ = try await server.webSocket(subprotocol: LiveWebSocketTests.transport) { ws in
                try await ws.send(#"{"type":"connection_init"}"#)
                try await ws.read(until: "connection_ack")
                let subscription = "subscription { heartbeat(intervalSeconds: 1) { sequence at } }"
                try await ws.send(#"{"type":"subscribe","id":"a","payload":{"query":"\#(subscription)"}}"#)
                #expect(try await ws.read(until: #""id":"a""#)?.contains(#""sequence":1,"at":""#) == true)
                try await ws.send(#"{"type":"subscribe","id":"b","payload":{"query":"\#(subscription)"}}"#)
                // Started, not refused: each beat has the field over its limit null (and,
                // as it is non-null, the beat with it), with the error.
                let beat = try await ws.read(until: #""id":"b""#)
                #expect(
                    beat?.hasPrefix(
                        #"{"type":"next","id":"b","payload":{"errors":[{"message":"Heartbeat.at is over its rate limit; try again in 60 s.""#
                    ) == true)
                #expect(beat?.contains(#""extensions":{"code":"RATE_LIMITED","retryAfter":60}"#) == true)
            }
        }
    }

    @Test func withoutRateLimitsTheStatusSaysSo() async throws {
        try await LiveServer.with { server in
            let answer = try await server.post("{ rateLimitStatus { enabled buckets { coordinate } } }")
            #expect(answer.text == #"{"data":{"rateLimitStatus":{"enabled":false,"buckets":[]}}}"#)
        }
    }
}
