/// Spec 5.8.4 "All Variables Used": "Each variable in variables must be used at least
/// once in either the operation scope itself or any fragment transitively referenced by
/// that operation." Fragments may be defined after the operation, so the check waits for
/// the end of the document, when every usage is known; an unused variable is reported at
/// its definition.
struct NoUnusedVariablesRule: ValidationRule {
    static let events: ValidationEvents = [.document]

    mutating func leaveDocument(_ context: ValidationContext) {
        for (operation, index) in context.operations { check(operation, at: index, context) }
    }

    private func check(_ operation: OperationDefinition, at index: Int, _ context: ValidationContext) {
        let usages = context.recursiveVariableUsages(ofDefinitionAt: index, selectionSet: operation.selectionSet)
        let used = Set(usages.map { context.text($0.variable.name) })
        let operationName = operation.name.map(context.text)
        for definition in context.document[operation.variableDefinitions] {
            let name = context.text(definition.variable.name)
            guard !used.contains(name) else { continue }
            context.report(.unusedVariable(variable: name, operation: operationName), definition.span)
        }
    }
}
