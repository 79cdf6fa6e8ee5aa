/// Introspection lists (`fields`, `interfaces`, `possibleTypes`, `inputFields`) nested
/// inside one another under `__schema` or `__type` multiply the response: each level can
/// list every type again. Like graphql-js, refuse more than `maxIntrospectionDepth`
/// levels of them (3: what the full introspection query needs), counting through
/// fragments. Each fragment's depth is computed once, so a query built to repeat
/// fragments costs no more than its size.
struct MaxIntrospectionDepthRule: ValidationRule {
    static let events: ValidationEvents = [.field]

    private static let listFields: Set<String> = ["fields", "interfaces", "possibleTypes", "inputFields"]
    /// Counts the introspection list fields along each path, fragments measured once.
    private var measurer = SelectionMeasurer { field, context in
        Self.listFields.contains(context.text(field.name)) ? 1 : 0
    }

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard let limit = context.options.maxIntrospectionDepth, let selectionSet = field.selectionSet else { return }
        let document = context.document
        guard document.name(field.name, is: "__schema") || document.name(field.name, is: "__type") else { return }
        if measurer.depth(of: selectionSet, context) >= limit {
            context.report(.introspectionTooDeep, field.span)
        }
    }
}
