/// One `@rateLimit` or `@costBudget` as the gateway enforces it: at most `limit` units
/// per `window` for each caller as `by` counts them.
public struct RateLimitPolicy: Hashable, Sendable {
    /// Where it is declared, which names its buckets: `Query.notifications` for a field,
    /// `Query` for a root type's default, `@costBudget` for the cost budget.
    public let coordinate: String
    public let limit: Int
    /// A whole number of seconds, at least one.
    public let window: Duration
    public let by: RateLimitBy

    public init(coordinate: String, limit: Int, window: Duration, by: RateLimitBy) {
        self.coordinate = coordinate
        self.limit = limit
        self.window = window
        self.by = by
    }
}
