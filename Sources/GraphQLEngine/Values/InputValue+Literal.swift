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
