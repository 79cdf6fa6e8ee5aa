/// Coerces an input value to an input type (spec 3.10 "Input Coercion", 3.11, 3.12, and
/// the scalars' and enums' rules), collecting every failure with the path to it.
///
/// Used for variable values (spec 6.1.2), for SDL default values and directive
/// arguments, and for the defaults of input object fields.
struct InputCoercion {
    /// Where the value comes from: literals keep enum values apart from strings; JSON
    /// variables have only strings.
    enum Origin { case literal, variable }

    struct Failure: Hashable, Sendable {
        /// Keys and list indices from the coerced value down to the failing one.
        var path: [PathComponent]
        var value: InputValue
        var message: String
    }

    enum PathComponent: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    let schema: Schema
    let origin: Origin
    private(set) var failures: [Failure] = []
    private var path: [PathComponent] = []

    init(schema: Schema, origin: Origin) {
        self.schema = schema
        self.origin = origin
    }

    /// The coerced value, or nil after recording why it cannot be.
    mutating func coerce(_ value: InputValue, to type: TypeRef) -> InputValue? {
        switch type {
        case .nonNull(let inner):
            if value == .null {
                fail(value, "Expected non-nullable type \"\(schema.describe(type))\" not to be null.")
                return nil
            }
            return coerce(value, to: inner)
        case _ where value == .null:
            return .null
        case .list(let item):
            guard case .list(let items) = value else {
                // A single value where a list is expected is a list of one (spec 3.11).
                return coerce(value, to: item).map { .list([$0]) }
            }
            var coerced: [InputValue] = []
            var valid = true
            for (index, element) in items.enumerated() {
                path.append(.index(index))
                if let result = coerce(element, to: item) { coerced.append(result) } else { valid = false }
                path.removeLast()
            }
            return valid ? .list(coerced) : nil
        case .named(let id):
            let named = schema[id]
            switch named.kind {
            case .inputObject: return coerceObject(value, to: named)
            case .enumType: return coerceEnum(value, to: named)
            case .scalar: return coerceScalar(value, to: named)
            case .object, .interface, .union:
                fail(value, "Expected type \"\(named.name)\" to be an input type.")
                return nil
            }
        }
    }

    private mutating func coerceObject(_ value: InputValue, to type: NamedType) -> InputValue? {
        guard case .object(let fields) = value else {
            fail(value, "Expected type \"\(type.name)\" to be an object.")
            return nil
        }
        var coerced: [String: InputValue] = [:]
        var valid = true
        for field in type.inputFields {
            guard let given = fields[field.name] else {
                if let defaultValue = field.defaultValue {
                    if let result = schema.coercedDefault(defaultValue, to: field.type) { coerced[field.name] = result }
                } else if field.type.isNonNull {
                    fail(
                        value,
                        "Field \"\(field.name)\" of required type \"\(schema.describe(field.type))\" was not provided.")
                    valid = false
                }
                continue
            }
            path.append(.key(field.name))
            if let result = coerce(given, to: field.type) { coerced[field.name] = result } else { valid = false }
            path.removeLast()
        }
        for name in fields.keys.sorted() where type.inputField(named: name) == nil {
            let suggestions = Suggestion.names(similarTo: name, among: type.inputFields.map(\.name))
            fail(value, "Field \"\(name)\" is not defined by type \"\(type.name)\"." + Suggestion.didYouMean(suggestions))
            valid = false
        }
        if type.isOneOf {
            if fields.count != 1 {
                fail(value, "Exactly one key must be specified for OneOf type \"\(type.name)\".")
                valid = false
            } else if let (key, field) = fields.first, field == .null {
                fail(value, "Field \"\(key)\" must be non-null.")
                valid = false
            }
        }
        return valid ? .object(coerced) : nil
    }

    private mutating func coerceEnum(_ value: InputValue, to type: NamedType) -> InputValue? {
        let name: String
        switch (value, origin) {
        case (.enumValue(let text), .literal), (.string(let text), .variable):
            name = text
        default:
            let expected = origin == .literal ? "non-enum" : "non-string"
            let suggestions = Suggestion.names(similarTo: value.description, among: type.enumValues.map(\.name))
            fail(
                value,
                "Enum \"\(type.name)\" cannot represent \(expected) value: \(value)."
                    + Suggestion.didYouMean(suggestions, subject: "the enum value"))
            return nil
        }
        guard type.enumValue(named: name) != nil else {
            let suggestions = Suggestion.names(similarTo: name, among: type.enumValues.map(\.name))
            fail(
                value,
                "Value \"\(name)\" does not exist in \"\(type.name)\" enum."
                    + Suggestion.didYouMean(suggestions, subject: "the enum value"))
            return nil
        }
        return .enumValue(name)
    }

    /// A built-in scalar's message is the whole reason; a custom scalar's says which type
    /// refused the value first, as the reference implementation words an error that a
    /// scalar's own code throws.
    private mutating func coerceScalar(_ value: InputValue, to type: NamedType) -> InputValue? {
        if let custom = schema.coercion(for: type) {
            do {
                return try custom.coerce(value)
            } catch {
                fail(value, "Expected type \"\(type.name)\". \(error.message)")
                return nil
            }
        }
        do {
            return try BuiltInScalars.coerce(type.name, value, fromLiteral: origin == .literal, printed: value.description)
        } catch {
            fail(value, error.message)
            return nil
        }
    }

    private mutating func fail(_ value: InputValue, _ message: String) {
        failures.append(Failure(path: path, value: value, message: message))
    }
}

extension InputCoercion.Failure {
    /// `.a.b[0]`, appended to a variable's name in messages.
    var printedPath: String {
        path.map { component in
            switch component {
            case .key(let key): ".\(key)"
            case .index(let index): "[\(index)]"
            }
        }.joined()
    }
}

extension Schema {
    /// A default value written in SDL, coerced to the type of its argument or input field;
    /// nil if it does not coerce (schema validation reports that).
    func coercedDefault(_ literal: SyntaxTree.Value, to type: TypeRef) -> InputValue? {
        guard let value = InputValue(literal: literal) else { return nil }
        var coercion = InputCoercion(schema: self, origin: .literal)
        return coercion.coerce(value, to: type)
    }

    /// A type reference as GraphQL writes it: `[User!]!`.
    public func describe(_ type: TypeRef) -> String {
        switch type {
        case .named(let id): types[id.index].name
        case .list(let inner): "[" + describe(inner) + "]"
        case .nonNull(let inner): describe(inner) + "!"
        }
    }
}
