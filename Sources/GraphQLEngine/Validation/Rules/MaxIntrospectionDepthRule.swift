/// Introspection lists (`fields`, `interfaces`, `possibleTypes`, `inputFields`) nested
/// inside one another under `__schema` or `__type` multiply the response: each level can
/// list every type again. Like graphql-js, refuse more than `maxIntrospectionDepth`
/// levels of them (3: what the full introspection query needs), counting through
/// fragments. Each fragment's depth is computed once, so a query built to repeat
/// fragments costs no more than its size.
struct MaxIntrospectionDepthRule: ValidationRule {
    static let events: ValidationEvents = [.field]

    private static let listFields: Set<String> = ["fields", "interfaces", "possibleTypes", "inputFields"]
    private var fragmentDepths: [String: Int] = [:]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard let limit = context.options.maxIntrospectionDepth, let selectionSet = field.selectionSet else { return }
        let document = context.document
        guard document.name(field.name, is: "__schema") || document.name(field.name, is: "__type") else { return }
        var inProgress: Set<String> = []
        if depth(of: selectionSet, context, inProgress: &inProgress) >= limit {
            context.report(.introspectionTooDeep, field.span)
        }
    }

    /// The most introspection list fields met along any path below a selection set.
    private mutating func depth(
        of selectionSet: SelectionSet, _ context: ValidationContext, inProgress: inout Set<String>
    ) -> Int {
        var deepest = 0
        for selection in context.document[selectionSet.selections] {
            switch selection {
            case .field(let field):
                guard let nested = field.selectionSet else { continue }
                let own = Self.listFields.contains(context.text(field.name)) ? 1 : 0
                deepest = max(deepest, own + depth(of: nested, context, inProgress: &inProgress))
            case .inlineFragment(let fragment):
                deepest = max(deepest, depth(of: fragment.selectionSet, context, inProgress: &inProgress))
            case .fragmentSpread(let spread):
                let name = context.text(spread.name)
                if let known = fragmentDepths[name] {
                    deepest = max(deepest, known)
                } else if let fragment = context.fragments[name], inProgress.insert(name).inserted {
                    // A cycle is NoFragmentCycles' error; here it just ends the path.
                    let fragmentDepth = depth(of: fragment.selectionSet, context, inProgress: &inProgress)
                    inProgress.remove(name)
                    fragmentDepths[name] = fragmentDepth
                    deepest = max(deepest, fragmentDepth)
                }
            }
        }
        return deepest
    }
}
