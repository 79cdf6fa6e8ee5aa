import RateLimiting

/// How schema.graphql's rate limits are enforced.
public struct RateLimitSettings: Sendable, Equatable {
    /// False runs every operation unlimited (the directives are still checked).
    public var isEnabled = true
    /// What happens to operations while the limiter (Redis) cannot be reached.
    public var failureMode = RateLimitGate.FailureMode.open

    public init() {}
}
