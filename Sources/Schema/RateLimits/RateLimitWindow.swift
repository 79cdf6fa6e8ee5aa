/// The `window` of `@rateLimit` and `@costBudget`: a whole number and one unit (`30s`,
/// `15m`, `1h`, `1d`). Whole seconds only, since the RateLimit-Policy header's `w` is.
enum RateLimitWindow {
    static let secondsPerUnit: [Character: Int64] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
    /// A year: longer is a typo, and keeps every instant the limiter stores below 2^53
    /// microseconds, exact in the doubles of Redis's Lua.
    static let maximumSeconds: Int64 = 366 * 86_400

    /// The window `text` spells, or why it spells none (worded to follow `window "…" `).
    static func parse(_ text: String) -> Result<Duration, Problem> {
        guard let unit = text.last, !unit.isNumber else { return .failure(.noUnit) }
        guard let perUnit = secondsPerUnit[unit] else { return .failure(.unknownUnit) }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let amount = Int64(digits) else {
            return .failure(.notAWholeNumber)
        }
        guard amount > 0 else { return .failure(.zero) }
        guard amount <= maximumSeconds / perUnit else { return .failure(.tooLong) }
        return .success(.seconds(amount * perUnit))
    }

    enum Problem: Error {
        case noUnit, unknownUnit, notAWholeNumber, zero, tooLong

        var message: String {
            switch self {
            case .noUnit: "has no unit (use s, m, h or d)"
            case .unknownUnit: "has an unknown unit (use s, m, h or d)"
            case .notAWholeNumber: "is not a whole number and a unit, such as 15m"
            case .zero: "is empty: it must be at least 1s"
            case .tooLong: "is longer than a year"
            }
        }
    }
}
