import Redis

extension ChargeBatch {
    /// What `RedisRateLimiter.script` does with the batch.
    enum ScriptMode: String, Sendable {
        /// `ChargeBatch.charge`: decide and write.
        case charge
        /// `ChargeBatch.status`: decide only.
        case status
        /// Give back what `charge` took of the gates (the `.operation` charges), then
        /// `status`: for an operation that another subject's gates refused.
        case refund
    }

    /// A batch as `RedisRateLimiter.script` takes it: each bucket's key once in KEYS (a
    /// bucket charged twice is read once and sees both charges), and in ARGV
    ///
    ///     ARGV[1]  mode: "charge", "status" or "refund"
    ///     ARGV[2]  now in microseconds, or "" for the Redis server's clock
    ///     then per charge, in order, five values:
    ///       key index (1-based, into KEYS), T (emission interval, µs), limit, cost,
    ///       scope ("1" operation, "0" field)
    ///
    /// T, limit and cost are GCRA's (at least 1, at least 1, at least 0), so the script
    /// need not know how `GCRA` clamps them. `now` is for tests that compare the script
    /// with `ChargeBatch` at a fixed instant; the limiter always leaves it empty, so the
    /// instances of a fleet share one clock, Redis's.
    struct ScriptArguments: Equatable, Sendable {
        let keys: [String]
        let values: [String]

        init(_ charges: [BucketCharge], mode: ScriptMode, now: Int64? = nil) {
            var keys: [String] = []
            var indices: [String: Int] = [:]
            var values = [mode.rawValue, now.map(String.init) ?? ""]
            values.reserveCapacity(2 + 5 * charges.count)
            for charge in charges {
                let key = charge.key.description
                let index: Int
                if let known = indices[key] {
                    index = known
                } else {
                    keys.append(key)
                    index = keys.count
                    indices[key] = index
                }
                let gcra = charge.gcra
                values += [
                    String(index), String(gcra.emissionInterval), String(gcra.limit), String(max(0, charge.cost)),
                    charge.scope == .operation ? "1" : "0",
                ]
            }
            self.keys = keys
            self.values = values
        }

        var call: RedisScriptCall {
            RedisScriptCall(keys: keys, arguments: values.map { Array($0.utf8) })
        }
    }
}
