/// "Did you mean" for a misspelt key or flag: the closest known name, when it is close.
enum Suggestion {
    /// The candidate fewest edits away from `name`, if it is within a third of its length
    /// (at least 2): `--prot` finds `--port`, `--colour` finds nothing.
    static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let limit = max(2, name.count / 3)
        return
            candidates
            .map { (candidate: $0, distance: distance(Array(name), Array($0))) }
            .filter { $0.distance <= limit }
            .min { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }?
            .candidate
    }

    /// Levenshtein distance: insertions, deletions and substitutions.
    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, y) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
