/// Spec 5.5.1.3 "Fragments on Object, Interface or Union Types": "The target type of
/// fragment must have kind UNION, INTERFACE, or OBJECT", for named and inline fragments
/// alike. A fragment selects fields, and only composite types have fields. A type
/// condition naming no type at all is left to KnownTypeNames.
struct FragmentsOnCompositeTypesRule: ValidationRule {
    static let events: ValidationEvents = [.fragmentDefinition, .inlineFragment]

    mutating func enterInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext) {
        guard let condition = fragment.typeCondition, let type = Self.nonComposite(condition, context) else { return }
        context.report(.inlineFragmentOnNonCompositeType(type: type), condition.span)
    }

    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {
        guard let type = Self.nonComposite(fragment.typeCondition, context) else { return }
        context.report(
            .fragmentOnNonCompositeType(fragment: context.text(fragment.name), type: type), fragment.typeCondition.span)
    }

    /// The name of the type a condition names, when the schema has it and it is not composite.
    private static func nonComposite(_ condition: Name, _ context: ValidationContext) -> String? {
        guard let type = context.schema.type(named: context.text(condition)), !type.kind.isComposite else { return nil }
        return type.name
    }
}
