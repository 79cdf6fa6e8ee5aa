/// Spec 5.2.2.1 "Operation Name Uniqueness": "Each named operation definition must be
/// unique within a document when referred to by its name", whatever its operation type.
/// A request picks its operation by name, so two operations of one name would make the
/// choice ambiguous. Each duplicate is reported at the first name and its own.
struct UniqueOperationNamesRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    /// Where each operation name was first written.
    private var firstNames: [String: SourceSpan] = [:]

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard let name = operation.name else { return }
        let text = context.text(name)
        if let first = firstNames[text] {
            context.report(.duplicateOperationName(text), first, name.span)
        } else {
            firstNames[text] = name.span
        }
    }
}
