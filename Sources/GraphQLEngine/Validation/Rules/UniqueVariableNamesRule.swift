/// Spec 5.8.1 "Variable Uniqueness": "If any operation defines more than one variable
/// with the same name, it is ambiguous and invalid." One error per repeated name, at
/// every definition of it (at the name after `$`, as graphql-js places it), so the reader
/// sees all the places to reconcile. Operations
/// are separate scopes: two operations may each define `$id`.
struct UniqueVariableNamesRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        var spans: [String: [SourceSpan]] = [:]
        var order: [String] = []
        for definition in context.document[operation.variableDefinitions] {
            let name = context.text(definition.variable.name)
            if spans[name] == nil { order.append(name) }
            spans[name, default: []].append(definition.variable.name.span)
        }
        for name in order {
            guard let found = spans[name], found.count > 1 else { continue }
            context.report(.duplicateVariableName(name), spans: found)
        }
    }
}
