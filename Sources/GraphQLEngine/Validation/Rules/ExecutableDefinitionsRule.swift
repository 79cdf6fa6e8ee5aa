/// Spec 5.1.1 "Executable Definitions": a document sent for execution holds only
/// operations and fragments; a type system definition is an error at that definition.
struct ExecutableDefinitionsRule: ValidationRule {
    static let events: ValidationEvents = [.definition]

    mutating func enterDefinition(_ definition: Definition, _ context: ValidationContext) {
        let document = context.document
        let name: String
        let span: SourceSpan
        switch definition {
        case .operation, .fragment:
            return
        case .schema(let schema), .schemaExtension(let schema):
            (name, span) = ("schema", schema.span)
        case .directive(let directive):
            (name, span) = (document.text(directive.name), directive.span)
        case .type(let type), .typeExtension(let type):
            (name, span) = (document.text(type.name), type.span)
        }
        context.report(.nonExecutableDefinition(name), span)
    }
}
