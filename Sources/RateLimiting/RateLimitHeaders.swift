import Schema
import Settings

/// The response headers of rate limiting, from an operation's decisions.
///
/// `RateLimit-Policy` and `RateLimit` as draft-ietf-httpapi-ratelimit-headers-10 defines
/// them: Structured Field lists of items named by a String, one per policy,
///
///     RateLimit-Policy: "Query";q=500;w=900, "@costBudget";q=20000;w=900
///     RateLimit: "Query";r=499;t=2, "@costBudget";r=19958;t=1
///
/// A policy is named by its coordinate (with `/user`, `/ip` or `/tenant` after it when two
/// of one coordinate count the caller). `q` is the limit, `w` the window in seconds; `r`
/// is what remains, `t` the seconds until one more unit is available (GCRA refills one
/// every window/limit), left out when the bucket is full. No `pk`: partition keys would
/// show user ids. No `qu` either: every policy counts requests (the default) but
/// `@costBudget`, whose unit, cost points, the draft's registry does not list.
public enum RateLimitHeaders {
    public static func policy(_ decisions: [BucketDecision]) -> String? {
        items(decisions) { decision in
            ";q=\(decision.limit);w=\(decision.window.components.seconds)"
        }
    }

    public static func rateLimit(_ decisions: [BucketDecision]) -> String? {
        items(decisions) { decision in
            let refill = nextUnit(decision).map { ";t=\(seconds($0))" } ?? ""
            return ";r=\(decision.remaining)" + refill
        }
    }

    /// `Retry-After` in seconds: the longest wait among the refused buckets, rounded up and
    /// at least 1; nil when none was refused.
    public static func retryAfter(_ decisions: [BucketDecision]) -> String? {
        let waits = decisions.filter { !$0.allowed }.map(\.retryAfter)
        return waits.max().map { String(max(1, seconds($0))) }
    }

    /// Microseconds until the bucket holds one more unit than now, by GCRA's formulas:
    /// nil when it is full.
    static func nextUnit(_ decision: BucketDecision) -> Int64? {
        let isFull = decision.remaining >= decision.limit || decision.resetAfter <= .zero
        guard !isFull else { return nil }
        let gcra = decision.charge.gcra
        let resetAfter = decision.resetAfter.wholeMicroseconds
        return max(0, resetAfter - gcra.capacity + Int64(decision.remaining + 1) * gcra.emissionInterval)
    }

    private static func items(_ decisions: [BucketDecision], parameters: (BucketDecision) -> String) -> String? {
        var coordinates: [String: Set<RateLimitBy>] = [:]
        for decision in decisions { coordinates[decision.key.coordinate, default: []].insert(decision.key.by) }
        var seen: Set<String> = []
        var items: [String] = []
        for decision in decisions {
            var name = decision.key.coordinate
            if coordinates[name, default: []].count > 1 { name += "/" + decision.key.by.keySegment }
            guard seen.insert(name).inserted else { continue }
            items.append(quoted(name) + parameters(decision))
        }
        return items.isEmpty ? nil : items.joined(separator: ", ")
    }

    /// An sf-string: printable ASCII, with `"` and `\` escaped; anything else becomes `?`.
    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22, 0x5C: result += "\\" + String(scalar)
            case 0x20...0x7E: result.unicodeScalars.append(scalar)
            default: result += "?"
            }
        }
        return result + "\""
    }

    /// Whole seconds, rounded up: a client that waits that long is never early.
    private static func seconds(_ duration: Duration) -> Int64 { seconds(duration.wholeMicroseconds) }

    private static func seconds(_ microseconds: Int64) -> Int64 { (microseconds + 999_999) / 1_000_000 }
}
