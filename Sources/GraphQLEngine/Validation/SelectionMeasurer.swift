/// Depths and alias counts of selection sets, for the gateway's limits on an operation's
/// size (`OperationLimits`), counted through fragments as execution would meet them.
///
/// Each fragment is measured once and its measure reused at every spread, so measuring
/// costs no more than the document's size, even where spreads repeat a fragment
/// exponentially; counts saturate instead of overflowing.
struct SelectionMeasurer {
    /// What a field adds to the depth of the path through it; nil leaves the field, and
    /// what is below it, out of the measure.
    private let weight: (Field, ValidationContext) -> Int?
    private var fragmentDepths: [String: Int] = [:]
    private var fragmentAliases: [String: Int] = [:]
    private var inProgress: Set<String> = []

    /// Every field counts one level; introspection (`__schema`, `__type`) is left out.
    init() {
        self.init { field, context in
            let document = context.document
            return document.name(field.name, is: "__schema") || document.name(field.name, is: "__type") ? nil : 1
        }
    }

    init(weight: @escaping (Field, ValidationContext) -> Int?) {
        self.weight = weight
    }

    /// The greatest sum of field weights along any path below the selection set.
    mutating func depth(of selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var deepest = 0
        for selection in context.document[selectionSet.selections] {
            switch selection {
            case .field(let field):
                guard let own = weight(field, context) else { continue }
                deepest = max(deepest, own + (field.selectionSet.map { depth(of: $0, context) } ?? 0))
            case .inlineFragment(let fragment):
                deepest = max(deepest, depth(of: fragment.selectionSet, context))
            case .fragmentSpread(let spread):
                let name = context.text(spread.name)
                if let known = fragmentDepths[name] {
                    deepest = max(deepest, known)
                } else if let fragment = context.fragment(named: name), inProgress.insert(name).inserted {
                    let measured = depth(of: fragment.selectionSet, context)
                    inProgress.remove(name)
                    fragmentDepths[name] = measured
                    deepest = max(deepest, measured)
                }
            }
        }
        return deepest
    }

    mutating func aliases(in selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var count = 0
        for selection in context.document[selectionSet.selections] {
            let added: Int
            switch selection {
            case .field(let field):
                added = (field.alias == nil ? 0 : 1) + (field.selectionSet.map { aliases(in: $0, context) } ?? 0)
            case .inlineFragment(let fragment):
                added = aliases(in: fragment.selectionSet, context)
            case .fragmentSpread(let spread):
                let name = context.text(spread.name)
                if let known = fragmentAliases[name] {
                    added = known
                } else if let fragment = context.fragment(named: name), inProgress.insert(name).inserted {
                    added = aliases(in: fragment.selectionSet, context)
                    inProgress.remove(name)
                    fragmentAliases[name] = added
                } else {
                    added = 0
                }
            }
            count = count.addingReportingOverflow(added).overflow ? Int.max : count + added
        }
        return count
    }
}
