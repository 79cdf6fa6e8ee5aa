/// Spec 5.8.3 "All Variable Uses Defined": "any variable used within the context of an
/// operation must be defined at the top level of that operation", fragments it reaches
/// included. A fragment may be spread by several operations, so its variables are checked
/// against each of them; and since a fragment may be defined after the operations that
/// spread it, the check waits for the end of the document, when every usage is known.
/// Each undefined variable is reported once per operation, at its first usage.
struct NoUndefinedVariablesRule: ValidationRule {
    static let events: ValidationEvents = [.document]

    mutating func leaveDocument(_ context: ValidationContext) {
        for (operation, index) in context.operations { check(operation, at: index, context) }
    }

    private func check(_ operation: OperationDefinition, at index: Int, _ context: ValidationContext) {
        let defined = Set(context.document[operation.variableDefinitions].map { context.text($0.variable.name) })
        let operationName = operation.name.map(context.text)
        var reported: Set<String> = []
        for usage in context.recursiveVariableUsages(ofDefinitionAt: index, selectionSet: operation.selectionSet) {
            let name = context.text(usage.variable.name)
            guard !defined.contains(name), reported.insert(name).inserted else { continue }
            context.report(.undefinedVariable(variable: name, operation: operationName), usage.variable.span, operation.span)
        }
    }
}
