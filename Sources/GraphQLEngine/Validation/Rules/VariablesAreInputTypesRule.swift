/// Spec 5.8.2 "Variables Are Input Types": "Variables can only be input types. Objects,
/// unions, and interfaces cannot be used as inputs." The type is quoted as written, at
/// the variable's type. A type the schema does not have is left to KnownTypeNames, which
/// can suggest what was meant.
struct VariablesAreInputTypesRule: ValidationRule {
    static let events: ValidationEvents = [.variableDefinition]

    mutating func enterVariableDefinition(_ definition: VariableDefinition, _ context: ValidationContext) {
        guard let type = context.resolve(definition.type), !context.schema[type.namedType].kind.isInput else { return }
        context.report(
            .variableNotInputType(variable: context.text(definition.variable.name), type: context.printed(definition.type)),
            Self.span(of: definition.type))
    }

    /// Where a type is written: a named type is its name.
    private static func span(of type: TypeReference) -> SourceSpan {
        switch type {
        case .named(let name): name.span
        case .list(_, let span), .nonNull(_, let span): span
        }
    }
}
