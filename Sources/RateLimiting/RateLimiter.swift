/// Where buckets live: in this process (`InProcessRateLimiter`) or in Redis, shared by
/// every instance. One call per operation, so the Redis limiter makes one round trip
/// (two when an operation's buckets count several subjects: `RedisRateLimiter+Slots`).
public protocol RateLimiter: Sendable {
    /// Decides and charges every bucket an operation touches, at the limiter's own clock,
    /// as `ChargeBatch` does: the `.operation` charges first, all or nothing. If one is
    /// refused nothing is charged, and every decision is as `status` gives it. Otherwise
    /// each bucket on its own: a refused one is left as it was, the others are charged.
    /// Decisions come in the order of `charges`.
    func charge(_ charges: [BucketCharge]) async throws -> [BucketDecision]

    /// Whether each charge would be allowed now, with its bucket as it stands (remaining
    /// and reset before charging); nothing is charged (for `rateLimitStatus`).
    func status(of charges: [BucketCharge]) async throws -> [BucketDecision]
}
