/// Spec 5.4.2.1 "Required Arguments": "An argument is required if the argument type is
/// non-null and does not have a default value", and a field or directive must be given
/// every required argument. A missing one is reported at the field or directive; one
/// given as `null` is ValuesOfCorrectType's error (the value is wrong, not missing).
struct ProvidedRequiredArgumentsRule: ValidationRule {
    static let events: ValidationEvents = [.field, .directive]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard let definition = context.fieldDefinition else { return }
        for missing in missing(definition.arguments, in: field.arguments, context) {
            context.report(
                .missingFieldArgument(
                    field: definition.name, argument: missing.name, type: context.schema.describe(missing.type)),
                field.span)
        }
    }

    mutating func enterDirective(_ directive: Directive, _ context: ValidationContext) {
        guard let definition = context.directiveDefinition else { return }
        for missing in missing(definition.arguments, in: directive.arguments, context) {
            context.report(
                .missingDirectiveArgument(
                    directive: definition.name, argument: missing.name, type: context.schema.describe(missing.type)),
                directive.span)
        }
    }

    /// The required arguments among `definitions` that `arguments` does not give.
    private func missing(
        _ definitions: [SchemaInputValue], in arguments: NodeList<Argument>, _ context: ValidationContext
    ) -> [SchemaInputValue] {
        definitions.filter { definition in
            definition.isRequired
                && !context.document[arguments].contains { context.document.name($0.name, is: definition.name) }
        }
    }
}
