import RateLimiting
import Redis
import Settings

extension ServerConfiguration {
    /// `redis` and `rate-limits.*`: where rate-limit state and live events are shared,
    /// and how limits behave while that place is unreachable.
    static let rateLimitsSection = SettingsSection<ServerConfiguration>(
        nil, title: "Redis and rate limits",
        settings: [
            Setting(
                "redis", \.redis,
                SettingParser<RedisEndpoint>.parsed(expected: "a redis:// URL", placeholder: "url").optional,
                help:
                    "A Redis shared by every instance, for rate limits and live events: redis://[user:password@]host:6379[/db]. Unset, both are kept in this process.",
                examples: ["redis://:secret@cache:6380/2", "redis://127.0.0.1"], bad: "http://localhost"),
            Setting(
                "rate-limits.enabled", \.rateLimits.isEnabled, .bool,
                help: "Whether schema.graphql's @rateLimit and @costBudget are enforced.", examples: ["off", "true"],
                bad: "perhaps"),
            Setting(
                "rate-limits.failure-mode", \.rateLimits.failureMode, .oneOf(RateLimitGate.FailureMode.allCases),
                help: "While Redis is unreachable, open (run operations unlimited) or closed (refuse them).",
                examples: ["CLOSED", "open"], bad: "sometimes"),
        ])
}
