/// One operation's charges decided against stored TATs, by the rule `RateLimiter`
/// states; what the Lua script does on Redis, here for the in-process limiter and tests.
enum ChargeBatch {
    /// Decides `charges` at `now` (microseconds), writing the TATs of the charged buckets
    /// into `tats` (by Redis key).
    static func charge(_ charges: [BucketCharge], tats: inout [String: Int64], now: Int64) -> [BucketDecision] {
        var gates = Overlay(tats: tats)
        var refused = false
        for charge in charges where charge.scope == .operation {
            refused = refused || !gates.charge(charge, cost: charge.cost, now: now).allowed
        }
        // Nothing is charged: the gates say why, every bucket how it stands.
        if refused { return status(of: charges, tats: tats, now: now) }
        var overlay = Overlay(tats: tats)
        let decisions = charges.map { charge in
            BucketDecision(charge: charge, outcome: overlay.charge(charge, cost: charge.cost, now: now))
        }
        tats.merge(overlay.written) { _, new in new }
        return decisions
    }

    /// Whether each charge would be allowed now (and if not, when), with the bucket as it
    /// stands: its remaining units and reset before any charge. Nothing is written.
    static func status(of charges: [BucketCharge], tats: [String: Int64], now: Int64) -> [BucketDecision] {
        let stored = Overlay(tats: tats)
        return charges.map { charge in
            let asked = stored.outcome(charge, cost: charge.cost, now: now)
            let standing = stored.outcome(charge, cost: 0, now: now)
            return BucketDecision(
                charge: charge, allowed: asked.allowed, remaining: standing.remaining,
                retryAfter: .microseconds(asked.retryAfter), resetAfter: .microseconds(standing.resetAfter))
        }
    }

    /// Stored TATs with this batch's writes on top, so that two charges of one bucket in
    /// one batch see each other.
    private struct Overlay {
        let tats: [String: Int64]
        var written: [String: Int64] = [:]

        func outcome(_ charge: BucketCharge, cost: Int, now: Int64) -> GCRA.Outcome {
            let key = charge.key.description
            return charge.gcra.charge(cost, storedTAT: written[key] ?? tats[key], now: now)
        }

        mutating func charge(_ charge: BucketCharge, cost: Int, now: Int64) -> GCRA.Outcome {
            let outcome = outcome(charge, cost: cost, now: now)
            if outcome.allowed, let tat = outcome.tat { written[charge.key.description] = tat }
            return outcome
        }
    }
}
