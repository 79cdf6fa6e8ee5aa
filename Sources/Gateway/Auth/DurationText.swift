/// Durations as people write them in configuration and on the command line: `90` (seconds),
/// `45s`, `30m`, `1h`, `7d`.
public enum DurationText {
    /// The duration `text` spells, or nil for anything else (negative, fractional, unknown unit,
    /// empty, or too long to represent). Surrounding whitespace is ignored.
    public static func parseDuration(_ text: String) -> Duration? {
        let words = text.split(whereSeparator: \.isWhitespace)
        guard words.count == 1 else { return nil }
        let digits = words[0].prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let amount = Int64(digits) else { return nil }
        let unit = String(words[0].dropFirst(digits.count))
        guard let secondsPerUnit = secondsPerUnit[unit] else { return nil }
        let (seconds, overflow) = amount.multipliedReportingOverflow(by: secondsPerUnit)
        return overflow ? nil : .seconds(seconds)
    }

    private static let secondsPerUnit: [String: Int64] = ["": 1, "s": 1, "m": 60, "h": 3600, "d": 86400]
}
