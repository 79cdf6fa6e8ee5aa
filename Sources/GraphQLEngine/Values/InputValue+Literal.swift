extension InputValue {
    /// A constant literal read as an input value, before coercion; nil if it holds a
    /// variable. An integer too long for 64 bits becomes a Float (coercion to Int rejects
    /// it with the 32-bit message).
    public init?(literal: SyntaxTree.Value) {
        switch literal {
        case .variable: return nil
        case .int(let text, _): self = Int(text).map(InputValue.int) ?? .float(Double(text) ?? .infinity)
        case .float(let text, _): self = .float(Double(text) ?? .infinity)
        case .string(let string): self = .string(string.value)
        case .boolean(let flag, _): self = .boolean(flag)
        case .null: self = .null
        case .enumValue(let name, _): self = .enumValue(name)
        case .list(let items, _):
            var values: [InputValue] = []
            for item in items {
                guard let value = InputValue(literal: item) else { return nil }
                values.append(value)
            }
            self = .list(values)
        case .object(let fields, _):
            var values: [String: InputValue] = [:]
            for field in fields {
                guard let value = InputValue(literal: field.value) else { return nil }
                values[field.name.value] = value
            }
            self = .object(values)
        }
    }
}

extension InputValue {
    /// A value written in a document, read as an input value before coercion, as the tree
    /// form above reads it.
    ///
    /// With `variables` nil the value must be constant: nil if it holds a variable. With
    /// `variables`, each variable is replaced by its (already coerced) value; one with no
    /// value is null inside a list, left out inside an object, and makes the whole value
    /// nil on its own — as spec 3.10 and 3.11 treat a variable not provided.
    public init?(_ value: GraphQLEngine.Value, in document: Document, variables: [String: InputValue]? = nil) {
        guard let read = Self.read(value, in: document, variables: variables) else { return nil }
        self = read
    }

    private static func read(
        _ value: GraphQLEngine.Value, in document: Document, variables: [String: InputValue]?
    ) -> InputValue? {
        switch value {
        case .variable(let variable): return variables?[document.text(variable.name)]
        case .int(let span):
            let text = document.text(span)
            return Int(text).map(InputValue.int) ?? .float(Double(text) ?? .infinity)
        case .float(let span): return .float(Double(document.text(span)) ?? .infinity)
        case .string(let literal): return .string(document.value(literal))
        case .boolean(let flag, _): return .boolean(flag)
        case .null: return .null
        case .enumValue(let name): return .enumValue(document.text(name))
        case .list(let items, _):
            var values: [InputValue] = []
            values.reserveCapacity(Int(items.count))
            for item in document[items] {
                if let read = read(item, in: document, variables: variables) {
                    values.append(read)
                } else if variables != nil, case .variable = item {
                    values.append(.null)
                } else {
                    return nil
                }
            }
            return .list(values)
        case .object(let fields, _):
            var values: [String: InputValue] = [:]
            for field in document[fields] {
                let fieldValue = document[field.value]
                if let read = read(fieldValue, in: document, variables: variables) {
                    values[document.text(field.name)] = read
                } else if variables != nil, case .variable = fieldValue {
                    continue
                } else {
                    return nil
                }
            }
            return .object(values)
        }
    }
}
