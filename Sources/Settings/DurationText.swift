import Foundation

/// Durations as operators write them in settings and on the command line: `500ms`,
/// `2.5s`, `15m`, `1h`, `7d`, or a bare number of seconds.
public enum DurationText {
    private static let millisecondsPerUnit: [String: Double] = [
        "": 1_000, "ms": 1, "s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000,
    ]

    /// The duration `text` spells, or nil for anything else: a sign, an unknown unit,
    /// spaces inside, or more than about 31 years (a typo rather than a duration).
    public static func parse(_ text: String) -> Duration? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let number = trimmed.prefix { $0 == "." || ("0"..."9").contains($0) }
        guard number.first?.isASCII == true, number.first != ".", let amount = Double(number),
            let unit = millisecondsPerUnit[String(trimmed.dropFirst(number.count))]
        else { return nil }
        let milliseconds = (amount * unit).rounded()
        guard milliseconds < 1e12 else { return nil }
        return .milliseconds(Int64(milliseconds))
    }

    /// `duration` in the largest unit that writes it whole (`5m`, `1500ms`, `0`), as
    /// `--help` shows a default; `parse` reads it back to the same duration.
    public static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1_000 + duration.components.attoseconds / 1_000_000_000_000_000
        guard milliseconds != 0 else { return "0" }
        for (unit, size) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000), ("s", 1_000)]
        where milliseconds % size == 0 {
            return "\(milliseconds / size)\(unit)"
        }
        return "\(milliseconds)ms"
    }
}
