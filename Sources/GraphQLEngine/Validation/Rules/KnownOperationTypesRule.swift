/// Spec 5.2.1.1 "Operation Type Existence": "Let rootOperationType be the root operation
/// type in schema corresponding to the kind of operation. rootOperationType must exist."
/// Mutations and subscriptions are optional in a schema; an operation of a kind the schema
/// has no root type for cannot be executed, so it is an error at the operation.
struct KnownOperationTypesRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard context.schema.rootType(for: operation.operation) == nil else { return }
        context.report(.unsupportedOperation(operation.operation), operation.span)
    }
}
