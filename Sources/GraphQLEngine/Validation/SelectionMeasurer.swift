/// Depths and alias counts of selection sets, for the gateway's limits on an operation's
/// size (`OperationLimits`), counted through fragments as execution would meet them.
///
/// Each fragment is measured once and its measure reused at every spread, so measuring
/// costs no more than the document's size, even where spreads repeat a fragment
/// exponentially; counts saturate instead of overflowing.
struct SelectionMeasurer {
    private var fragmentDepths: [String: Int] = [:]
    private var fragmentAliases: [String: Int] = [:]
    private var inProgress: Set<String> = []

    mutating func depth(of selectionSet: SelectionSet, _ context: ValidationContext) -> Int {
        var deepest = 0
        for selection in context.document[selectionSet.selections] {
            switch selection {
            case .field(let field):
                let name = context.text(field.name)
                guard name != "__schema", name != "__type" else { continue }
                deepest = max(deepest, 1 + (field.selectionSet.map { depth(of: $0, context) } ?? 0))
            case .inlineFragment(let fragment):
                deepest = max(deepest, depth(of: fragment.selectionSet, context))
            case .fragmentSpread(let spread):
                let name = context.text(spread.name)
                if let known = fragmentDepths[name] {
                    deepest = max(deepest, known)
                } else if let fragment = context.fragments[name], inProgress.insert(name).inserted {
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
                } else if let fragment = context.fragments[name], inProgress.insert(name).inserted {
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
