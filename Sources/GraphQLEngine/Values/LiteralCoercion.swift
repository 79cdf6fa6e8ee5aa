/// Input coercion (spec 3.10 to 3.12) of a value written in a document, whose variables
/// already have coerced values (spec 6.1.2): what an argument's value is at run time.
///
/// A variable's value is taken as it is, not coerced again; validation has made sure it
/// fits where it is used. A variable without a value counts as not given: null as a list
/// item, the field's default (or nothing) as an object field. It answers only whether the
/// value coerces, not why not: validation explains a wrong literal, so a failure here is
/// reported once for the whole argument.
struct LiteralCoercion {
    let document: Document
    let schema: Schema
    let variables: [String: InputValue]

    /// The coerced value, or nil if it does not coerce.
    func coerce(_ value: Value, to type: TypeRef) -> InputValue? {
        if case .variable(let variable) = value {
            guard let given = variables[document.text(variable.name)] else { return nil }
            return given == .null && type.isNonNull ? nil : given
        }
        switch type {
        case .nonNull(let inner):
            if case .null = value { return nil }
            return coerce(value, to: inner)
        case .list(let item):
            if case .null = value { return .null }
            guard case .list(let items, _) = value else {
                // A single value where a list is expected is a list of one (spec 3.11).
                return coerce(value, to: item).map { .list([$0]) }
            }
            return coerceItems(document[items], to: item)
        case .named(let id):
            if case .null = value { return .null }
            let named = schema[id]
            switch named.kind {
            case .inputObject: return coerceObject(value, to: named)
            case .enumType:
                guard case .enumValue(let name) = value, named.enumValue(named: document.text(name)) != nil else {
                    return nil
                }
                return .enumValue(document.text(name))
            case .scalar: return coerceScalar(value, to: named)
            case .object, .interface, .union: return nil
            }
        }
    }

    private func coerceItems(_ items: ArraySlice<Value>, to type: TypeRef) -> InputValue? {
        var coerced: [InputValue] = []
        coerced.reserveCapacity(items.count)
        for item in items {
            if isMissingVariable(item) {
                guard !type.isNonNull else { return nil }
                coerced.append(.null)
            } else {
                guard let value = coerce(item, to: type) else { return nil }
                coerced.append(value)
            }
        }
        return .list(coerced)
    }

    /// Fields the type does not define are passed over: validation reports them.
    private func coerceObject(_ value: Value, to type: NamedType) -> InputValue? {
        guard case .object(let list, _) = value else { return nil }
        let fields = document[list]
        var coerced: [String: InputValue] = [:]
        for field in type.inputFields {
            // A field given twice is invalid; the last one stands, as in graphql-js.
            let given = fields.last { document.name($0.name, is: field.name) }.map { document[$0.value] }
            guard let given, !isMissingVariable(given) else {
                if let defaultValue = field.defaultValue {
                    // One that does not coerce is left out, as InputCoercion does;
                    // schema validation keeps such defaults away.
                    if let value = schema.coercedDefault(defaultValue, to: field.type) { coerced[field.name] = value }
                } else if field.type.isNonNull {
                    return nil
                }
                continue
            }
            guard let value = coerce(given, to: field.type) else { return nil }
            coerced[field.name] = value
        }
        if type.isOneOf {
            // Spec 3.10.1: exactly one field, and not null.
            guard coerced.count == 1, let only = coerced.first, only.value != .null else { return nil }
        }
        return .object(coerced)
    }

    /// A custom scalar is given the whole value, variables replaced, as it may take lists
    /// and objects (a JSON scalar does).
    private func coerceScalar(_ value: Value, to type: NamedType) -> InputValue? {
        guard let input = InputValue(value, in: document, variables: variables) else { return nil }
        if let custom = schema.coercion(for: type) { return try? custom.coerce(input) }
        return try? BuiltInScalars.coerce(type.name, input, fromLiteral: true, printed: document.text(value.span))
    }

    private func isMissingVariable(_ value: Value) -> Bool {
        guard case .variable(let variable) = value else { return false }
        return variables[document.text(variable.name)] == nil
    }
}
