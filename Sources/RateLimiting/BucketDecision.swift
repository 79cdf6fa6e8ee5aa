/// What the limiter decided for one `BucketCharge`, and the bucket's state after it.
public struct BucketDecision: Hashable, Sendable {
    public let charge: BucketCharge
    public let allowed: Bool
    /// Units left now.
    public let remaining: Int
    /// Until the charge would be allowed; zero when it was.
    public let retryAfter: Duration
    /// Until the bucket is full again; zero when it is.
    public let resetAfter: Duration

    public init(charge: BucketCharge, allowed: Bool, remaining: Int, retryAfter: Duration, resetAfter: Duration) {
        self.charge = charge
        self.allowed = allowed
        self.remaining = remaining
        self.retryAfter = retryAfter
        self.resetAfter = resetAfter
    }

    /// The decision GCRA's outcome (in microseconds) stands for.
    public init(charge: BucketCharge, outcome: GCRA.Outcome) {
        self.init(
            charge: charge, allowed: outcome.allowed, remaining: outcome.remaining,
            retryAfter: .microseconds(outcome.retryAfter), resetAfter: .microseconds(outcome.resetAfter))
    }

    public var key: BucketKey { charge.key }
    public var limit: Int { charge.limit }
    public var window: Duration { charge.window }

    /// A charge larger than the whole limit: no wait makes it fit.
    public var exceedsLimit: Bool { charge.cost > charge.limit }
}
