/// Durations as operators write them: `500ms`, `30s`, `15m`, `1h`, `7d`, or a bare
/// number of seconds.
public enum DurationText {
    public static func parse(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600), ("d", 86_400)]
        let trimmed = text.trimmingSpaces()
        let unit = units.first { trimmed.hasSuffix($0.suffix) }
        guard let number = Double(trimmed.dropLast(unit?.suffix.count ?? 0)) else { return nil }
        let milliseconds = (number * (unit?.seconds ?? 1) * 1000).rounded()
        // Up to about 31 years: beyond that a setting is a typo, not a duration.
        guard milliseconds >= 0, milliseconds < 1e12 else { return nil }
        return .milliseconds(Int64(milliseconds))
    }
}
