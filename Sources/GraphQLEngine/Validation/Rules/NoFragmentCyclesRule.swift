/// Spec 5.5.2.2 "Fragment Spreads Must Not Form Cycles": "The graph of fragment spreads
/// must not form any cycles including spreading itself. Otherwise an operation could
/// infinitely spread or infinitely execute on cycles in the underlying data."
///
/// One depth-first search over the fragments, each fragment's spreads read once: a spread
/// of a fragment still on the search path closes a cycle, reported once, at every spread
/// along it, naming the fragments it passes through after the first. The search keeps its
/// own stack, so a long chain of fragments cannot exhaust the thread's.
struct NoFragmentCyclesRule: ValidationRule {
    static let events: ValidationEvents = [.fragmentDefinition]

    /// The fragments the search has entered; none is entered twice.
    private var visited: Set<String> = []

    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {
        let name = context.text(fragment.name)
        guard visited.insert(name).inserted else { return }
        var search = CycleSearch(context: context)
        search.run(from: name, fragment, visited: &visited)
    }
}

/// One depth-first search from a fragment, through the fragments not yet visited.
private struct CycleSearch {
    /// A fragment on the search path, and how far its spreads have been followed.
    private struct Frame {
        let name: String
        let spreads: [FragmentSpread]
        var next = 0
    }

    let context: ValidationContext
    private var frames: [Frame] = []
    /// The spreads followed from the first fragment to the current one.
    private var spreadPath: [FragmentSpread] = []
    /// For each fragment on the path, where in `spreadPath` its own spreads begin.
    private var pathIndex: [String: Int] = [:]

    init(context: ValidationContext) {
        self.context = context
    }

    mutating func run(from name: String, _ fragment: FragmentDefinition, visited: inout Set<String>) {
        enter(name, fragment)
        while let top = frames.indices.last {
            guard frames[top].next < frames[top].spreads.count else {
                leave()
                continue
            }
            let spread = frames[top].spreads[frames[top].next]
            frames[top].next += 1
            let target = context.text(spread.name)
            if let cycleStart = pathIndex[target] {
                report(Array(spreadPath[cycleStart...]) + [spread], closing: target)
            } else if visited.insert(target).inserted, let definition = context.fragment(named: target) {
                spreadPath.append(spread)
                if !enter(target, definition) { spreadPath.removeLast() }
            }
        }
    }

    /// Puts a fragment on the path; false when it spreads nothing, so there is nothing to follow.
    @discardableResult
    private mutating func enter(_ name: String, _ fragment: FragmentDefinition) -> Bool {
        let spreads = context.fragmentSpreads(in: fragment.selectionSet)
        guard !spreads.isEmpty else { return false }
        pathIndex[name] = spreadPath.count
        frames.append(Frame(name: name, spreads: spreads))
        return true
    }

    /// Takes the current fragment off the path, with the spread that led to it.
    private mutating func leave() {
        guard let frame = frames.popLast() else { return }
        pathIndex[frame.name] = nil
        if !frames.isEmpty { spreadPath.removeLast() }
    }

    private func report(_ cycle: [FragmentSpread], closing fragment: String) {
        let via = cycle.dropLast().map { context.text($0.name) }
        context.report(.fragmentCycle(fragment: fragment, via: via), spans: cycle.map(\.span))
    }
}
