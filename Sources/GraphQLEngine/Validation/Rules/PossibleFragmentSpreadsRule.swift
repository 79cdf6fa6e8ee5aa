/// Spec 5.5.2.3 "Fragment Spread Is Possible": "Let applicableTypes be the intersection
/// of GetPossibleTypes(fragmentType) and GetPossibleTypes(parentType). applicableTypes
/// must not be empty." A fragment applies only when the object at run time is of its type
/// condition; one that no object in scope can ever be of is certainly a mistake.
///
/// The spec adds that "an interface type fragment can always be spread into an interface
/// scope which it implements", even when no object implements it yet, so a type condition
/// that is a subtype of the scope is possible too; so is one the scope is a subtype of, as
/// every object of the scope is then of the condition.
///
/// Unknown types, unknown fragments and non-composite conditions are other rules' errors.
struct PossibleFragmentSpreadsRule: ValidationRule {
    static let events: ValidationEvents = [.inlineFragment, .fragmentSpread]

    mutating func enterInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext) {
        guard let condition = fragment.typeCondition,
            let type = context.schema.type(named: context.text(condition))
        else { return }
        check(type, spreadAs: nil, at: fragment.span, context)
    }

    mutating func enterFragmentSpread(_ spread: FragmentSpread, _ context: ValidationContext) {
        let name = context.text(spread.name)
        guard let fragment = context.fragment(named: name),
            let type = context.schema.type(named: context.text(fragment.typeCondition))
        else { return }
        check(type, spreadAs: name, at: spread.span, context)
    }

    /// Reports a fragment on `type` (named `fragment`, or inline) that cannot apply in the
    /// current selection set.
    private func check(
        _ type: NamedType, spreadAs fragment: String?, at span: SourceSpan, _ context: ValidationContext
    ) {
        guard let parent = context.parentType, type.kind.isComposite,
            !Self.canOverlap(parent, type, in: context.schema)
        else { return }
        context.report(
            .impossibleFragmentSpread(fragment: fragment, parentType: parent.name, fragmentType: type.name), span)
    }

    /// Whether an object in scope of `parent` can be of `type`, or one implements the other.
    private static func canOverlap(_ parent: NamedType, _ type: NamedType, in schema: Schema) -> Bool {
        schema.typesOverlap(parent, type) || schema.isSubtype(type.id, of: parent.id)
            || schema.isSubtype(parent.id, of: type.id)
    }
}
