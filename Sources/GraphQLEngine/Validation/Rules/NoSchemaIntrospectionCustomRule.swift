/// A gateway choice, not a spec rule (`ValidationOptions.allowsIntrospection`): with
/// introspection off, the entry points to introspection, the meta-fields `__schema` and
/// `__type`, are refused, so the schema cannot be read from outside; the fields below
/// them are reached only through them and are not reported again. `__typename` stays,
/// as clients need it to tell abstract types apart.
struct NoSchemaIntrospectionCustomRule: ValidationRule {
    static let events: ValidationEvents = [.field]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        let name = context.text(field.name)
        guard name == "__schema" || name == "__type", let type = context.type else { return }
        let typeName = context.schema[type.namedType].name
        guard typeName == "__Schema" || typeName == "__Type" else { return }
        context.report(.introspectionDisabled(field: name), field.span)
    }
}
