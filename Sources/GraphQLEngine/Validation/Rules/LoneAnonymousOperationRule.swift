/// Spec 5.2.3.1 "Lone Anonymous Operation": "If operations is a set of more than 1:
/// anonymous must be empty." An operation without a name can only be chosen by being
/// the only one, so next to any other operation it is an error, at the anonymous one.
struct LoneAnonymousOperationRule: ValidationRule {
    static let events: ValidationEvents = [.document, .operation]

    private var operationCount = 0

    mutating func enterDocument(_ context: ValidationContext) {
        operationCount = context.document[context.document.definitions].count { definition in
            if case .operation = definition { true } else { false }
        }
    }

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard operation.name == nil, operationCount > 1 else { return }
        context.report(.anonymousOperationNotAlone, operation.span)
    }
}
