/// GCRA, the generic cell rate algorithm (ITU-T I.371's virtual scheduling, as rate
/// limiters such as redis-cell use it): one stored instant per bucket, the theoretical
/// arrival time (TAT) of the next unit, instead of a counter and a window start. Buckets
/// refill steadily, so there is no window edge to burst across, and a bucket whose TAT
/// is past holds nothing worth keeping.
///
/// All in whole microseconds since the Unix epoch (Redis's `TIME`), as `Int64`, so that
/// the Lua script on Redis computes the same numbers bit for bit: every value stays below
/// 2^53 (windows are at most a year), exact in Lua's doubles, where `a // b` is
/// `math.floor(a / b)`.
///
///     T          = window / limit                (emission interval; rounded down)
///     C          = limit × T                     (capacity: how far TAT may run ahead)
///     base       = max(TAT, now)                 (no TAT stored: now)
///     new        = base + cost × T
///     allowed    = cost ≤ limit and new − now ≤ C
///     TAT'       = new if allowed, else unchanged (a refusal costs nothing)
///     after      = new if allowed, else base
///     remaining  = max(0, C − (after − now)) // T
///     resetAfter = after − now                   (until the bucket is full again)
///     retryAfter = 0 if allowed; C if cost > limit (it never fits);
///                  else new − now − C            (until this charge would fit)
///
/// So a fresh bucket admits `limit` units at once, and one more every T after.
public struct GCRA: Hashable, Sendable {
    public let limit: Int64
    /// T, in microseconds: at least 1 (`RateLimitPolicies` refuses finer limits).
    public let emissionInterval: Int64

    public init(limit: Int, window: Duration) {
        self.limit = Int64(max(1, limit))
        self.emissionInterval = max(1, window.wholeMicroseconds / self.limit)
    }

    /// C: the window, less what rounding T down lost.
    public var capacity: Int64 { limit * emissionInterval }

    /// What charging `cost` units at `now` decides, given the bucket's stored TAT.
    public func charge(_ cost: Int, storedTAT: Int64?, now: Int64) -> Outcome {
        let cost = Int64(max(0, cost))
        let base = max(storedTAT ?? now, now)
        guard cost <= limit else {
            return outcome(allowed: false, tat: storedTAT, after: base, retryAfter: capacity, now: now)
        }
        let new = base + cost * emissionInterval
        guard new - now <= capacity else {
            return outcome(allowed: false, tat: storedTAT, after: base, retryAfter: new - now - capacity, now: now)
        }
        return outcome(allowed: true, tat: cost > 0 ? new : storedTAT, after: new, retryAfter: 0, now: now)
    }

    private func outcome(allowed: Bool, tat: Int64?, after: Int64, retryAfter: Int64, now: Int64) -> Outcome {
        let remaining = max(0, capacity - (after - now)) / emissionInterval
        return Outcome(
            allowed: allowed, tat: tat, remaining: Int(remaining), retryAfter: retryAfter, resetAfter: after - now)
    }

    /// One charge's result, times in microseconds.
    public struct Outcome: Hashable, Sendable {
        public let allowed: Bool
        /// The TAT to store; nil when there is still none.
        public let tat: Int64?
        public let remaining: Int
        public let retryAfter: Int64
        public let resetAfter: Int64
    }
}
