/// Spec 5.5.1.4 "Fragments Must Be Used": "fragment must be the target of at least one
/// spread in the document." A fragment no operation reaches, directly or through other
/// fragments, is dead text that was probably meant to be used; a fragment spread only by
/// such fragments is unused too.
///
/// Which fragments are reached is known only once every operation is seen, so each unused
/// fragment is reported when the document is left, in document order, at its definition.
struct NoUnusedFragmentsRule: ValidationRule {
    static let events: ValidationEvents = [.document]

    mutating func leaveDocument(_ context: ValidationContext) {
        let definitions = context.document[context.document.definitions]
        let used = Self.fragmentsReached(from: definitions, context)
        for case .fragment(let fragment) in definitions where !used.contains(context.text(fragment.name)) {
            context.report(.unusedFragment(context.text(fragment.name)), fragment.span)
        }
    }

    /// The names of the fragments the operations spread, directly or not: each fragment's
    /// selections are read once, however many operations reach it.
    private static func fragmentsReached(from definitions: some Sequence<Definition>, _ context: ValidationContext)
        -> Set<String>
    {
        var reached: Set<String> = []
        var pending: [SelectionSet] = definitions.compactMap { definition in
            if case .operation(let operation) = definition { operation.selectionSet } else { nil }
        }
        while let selectionSet = pending.popLast() {
            for spread in context.fragmentSpreads(in: selectionSet) {
                let name = context.text(spread.name)
                guard reached.insert(name).inserted, let fragment = context.fragment(named: name) else { continue }
                pending.append(fragment.selectionSet)
            }
        }
        return reached
    }
}
