/// A gateway limit (`OperationLimits.maxDepth`), not a spec rule.
/// How deep selections nest, counted in fields from the root (a root field is depth 1).
/// Introspection (`__schema`, `__type`) is left to MaxIntrospectionDepth.
struct MaxDepthRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    private var measurer = SelectionMeasurer()

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard let maximum = context.options.limits?.maxDepth else { return }
        let depth = measurer.depth(of: operation.selectionSet, context)
        if depth > maximum { context.report(.tooDeep(depth: depth, maximum: maximum), operation.span) }
    }
}
