/// Spec 5.5.1.2 "Fragment Spread Type Existence": "The target type of fragment must be
/// defined in the schema", for named and inline fragments; and spec 5.8.2 "Variables Are
/// Input Types" asks "IsInputType(variableType)" of each variable, which only a type the
/// schema has can be. An unknown name has no fields and no input coercion, so nothing that
/// uses it can be checked or run.
///
/// Reported at the type name, with the schema's type names spelled like it as suggestions.
/// The built-in scalars and introspection types are part of every schema, so they are known.
struct KnownTypeNamesRule: ValidationRule {
    static let events: ValidationEvents = [.fragmentDefinition, .variableDefinition, .inlineFragment]

    mutating func enterVariableDefinition(_ definition: VariableDefinition, _ context: ValidationContext) {
        check(Self.namedType(in: definition.type, context.document), context)
    }

    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {
        check(fragment.typeCondition, context)
    }

    mutating func enterInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext) {
        if let condition = fragment.typeCondition { check(condition, context) }
    }

    private func check(_ name: Name, _ context: ValidationContext) {
        let text = context.text(name)
        guard context.schema.type(named: text) == nil else { return }
        let suggestions = Suggestion.names(similarTo: text, among: context.schema.types.map(\.name))
        context.report(.unknownType(text, suggestions: suggestions), name.span)
    }

    /// The named type inside list and non-null wrappers.
    private static func namedType(in type: TypeReference, _ document: Document) -> Name {
        var current = type
        while true {
            switch current {
            case .named(let name): return name
            case .list(let inner, _), .nonNull(let inner, _): current = document[inner]
            }
        }
    }
}
