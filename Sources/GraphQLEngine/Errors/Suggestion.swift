/// "Did you mean" hints: the known names closest to a misspelled one, worded as the
/// reference implementation words them.
public enum Suggestion {
    /// The names within a lexical distance of 40% of the input's length (plus one),
    /// closest first; a difference in case only counts as one edit.
    public static func names(similarTo input: String, among options: some Sequence<String>) -> [String] {
        let threshold = input.unicodeScalars.count * 2 / 5 + 1
        let lowered = input.lowercased()
        let loweredScalars = Array(lowered.unicodeScalars)
        var scored: [(distance: Int, name: String)] = []
        for option in options {
            let distance: Int
            if option == input {
                distance = 0
            } else {
                let optionLowered = option.lowercased()
                distance =
                    optionLowered == lowered
                    ? 1 : editDistance(loweredScalars, Array(optionLowered.unicodeScalars), limit: threshold)
            }
            if distance <= threshold { scored.append((distance, option)) }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.name < $1.name }
        return scored.map(\.name)
    }

    /// ` Did you mean "a", "b", or "c"?` with at most five names, or nothing without any.
    /// `subject` goes between "mean" and the names ("to use an inline fragment on").
    public static func didYouMean(_ suggestions: [String], subject: String? = nil) -> String {
        guard !suggestions.isEmpty else { return "" }
        let lead = " Did you mean " + (subject.map { $0 + " " } ?? "")
        return lead + conjunction(Array(suggestions.prefix(5)), quoted: true) + "?"
    }

    /// `"a"`, `"a" or "b"`, `"a", "b", or "c"`.
    static func conjunction(_ items: [String], quoted: Bool) -> String {
        let shown = quoted ? items.map { "\"\($0)\"" } : items
        switch shown.count {
        case 0: return ""
        case 1: return shown[0]
        case 2: return shown[0] + " or " + shown[1]
        default: return shown.dropLast().joined(separator: ", ") + ", or " + (shown.last ?? "")
        }
    }

    /// Optimal string alignment distance (Damerau–Levenshtein with adjacent
    /// transpositions), giving up once every path exceeds `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int {
        if a == b { return 0 }
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            current[0] = i
            var rowMinimum = i
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return limit + 1 }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
