/// A gateway limit (`OperationLimits.maxRootFields`), not a spec rule.
/// How many fields an operation selects at its root, where each one is a resolver call
/// and, for mutations, a write.
struct MaxRootFieldsRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard let maximum = context.options.limits?.maxRootFields else { return }
        var visited: Set<String> = []
        let count = Self.fields(in: operation.selectionSet, context, visited: &visited)
        if count > maximum { context.report(.tooManyRootFields(count: count, maximum: maximum), operation.span) }
    }

    /// The fields of one level, through fragments; a fragment spread twice at the root
    /// selects its fields once (field collection merges them).
    private static func fields(in selectionSet: SelectionSet, _ context: ValidationContext, visited: inout Set<String>) -> Int {
        var count = 0
        for selection in context.document[selectionSet.selections] {
            switch selection {
            case .field: count += 1
            case .inlineFragment(let fragment): count += fields(in: fragment.selectionSet, context, visited: &visited)
            case .fragmentSpread(let spread):
                let name = context.text(spread.name)
                guard visited.insert(name).inserted, let fragment = context.fragment(named: name) else { continue }
                count += fields(in: fragment.selectionSet, context, visited: &visited)
            }
        }
        return count
    }
}
