/// A gateway limit (`OperationLimits.maxAliases`), not a spec rule.
/// How many aliased fields an operation has: aliases let one request ask for the same
/// expensive field many times.
struct MaxAliasesRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    private var measurer = SelectionMeasurer()

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard let maximum = context.options.limits?.maxAliases else { return }
        let count = measurer.aliases(in: operation.selectionSet, context)
        if count > maximum { context.report(.tooManyAliases(count: count, maximum: maximum), operation.span) }
    }
}
