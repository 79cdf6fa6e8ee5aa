/// Spec 5.4.1 "Argument Names": "Every argument provided to a field or directive must be
/// defined in the set of possible arguments of that field or directive." Reported at the
/// argument, with the defined arguments spelled like it. An unknown field or directive
/// is another rule's error, with no arguments to compare against.
struct KnownArgumentNamesRule: ValidationRule {
    static let events: ValidationEvents = [.field, .directive]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard !field.arguments.isEmpty, let definition = context.fieldDefinition, let parent = context.parentType
        else { return }
        for (argument, suggestions) in unknown(field.arguments, among: definition.arguments, context) {
            context.report(
                .unknownFieldArgument(
                    argument: argument.name, type: parent.name, field: definition.name, suggestions: suggestions),
                argument.span)
        }
    }

    mutating func enterDirective(_ directive: Directive, _ context: ValidationContext) {
        guard let definition = context.directiveDefinition else { return }
        for (argument, suggestions) in unknown(directive.arguments, among: definition.arguments, context) {
            context.report(
                .unknownDirectiveArgument(argument: argument.name, directive: definition.name, suggestions: suggestions),
                argument.span)
        }
    }

    /// The arguments `definitions` lacks, each with its name, where it is written, and the
    /// defined names like it.
    private func unknown(
        _ arguments: NodeList<Argument>, among definitions: [SchemaInputValue], _ context: ValidationContext
    ) -> [(argument: (name: String, span: SourceSpan), suggestions: [String])] {
        context.document[arguments].compactMap { argument in
            let known = context.document.withBytes(of: argument.name) { name in
                definitions.contains { $0.name.utf8.elementsEqual(name) }
            }
            guard !known else { return nil }
            let name = context.text(argument.name)
            return ((name, argument.span), Suggestion.names(similarTo: name, among: definitions.map(\.name)))
        }
    }
}
