import Foundation
import GraphQLEngine
import Logging
import Platform
import RateLimiting
import Redis
import RedisState
import Schema

/// What instances of the gateway share: live events, ephemeral state (presence, ringing
/// calls) and rate-limit buckets. In Redis when the configuration names one, so that
/// many instances act as one; in this process otherwise, which needs nothing installed
/// and holds for one instance.
public struct SharedState: Sendable {
    public let bus: any EventBus
    public let ephemeral: any EphemeralStore
    /// Nil when rate limits are turned off.
    public let rateLimits: RateLimitGate?
    /// Redis, for `/ready`, when operations are refused without it (failure mode closed).
    public let readiness: [ReadinessCheck]
    private let redis: RedisClient?
    private let redisBus: RedisEventBus?

    /// Reads the schema's rate limits (a malformed directive stops start-up, naming its
    /// coordinate) and connects to Redis when one is configured.
    public init(
        configuration: ServerConfiguration, schema: Schema, metrics: GatewayMetrics, logger: Logger
    ) throws {
        let policies = try RateLimitPolicies(schema: schema)
        guard let endpoint = configuration.redis else {
            redis = nil
            redisBus = nil
            bus = InProcessEventBus()
            ephemeral = InProcessEphemeralStore()
            readiness = []
            rateLimits =
                configuration.rateLimits.isEnabled
                ? RateLimitGate(policies: policies, limiter: InProcessRateLimiter(), metrics: metrics, logger: logger)
                : nil
            return
        }
        let client = RedisClient(endpoint: endpoint, logger: logger)
        let redisBus = try RedisEventBus(client: client, logger: logger)
        redis = client
        self.redisBus = redisBus
        bus = redisBus
        ephemeral = RedisEphemeralStore(client: client)
        let mode = configuration.rateLimits.failureMode
        rateLimits =
            configuration.rateLimits.isEnabled
            ? RateLimitGate(
                policies: policies, limiter: RedisRateLimiter(client: client), failureMode: mode, metrics: metrics,
                logger: logger)
            : nil
        readiness =
            mode == .closed && configuration.rateLimits.isEnabled
            ? [ReadinessCheck(name: "redis") { (try? await client.send("PING")) == .status("PONG") }]
            : []
    }

    /// Closes the Redis connections, after the server has stopped.
    public func shutdown() async {
        redisBus?.shutdown()
        await redis?.shutdown()
    }
}
