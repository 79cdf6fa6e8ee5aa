extension InputValue {
    /// The value as JSON: enum values as strings, object members in the order of their
    /// names (so the same value always writes the same bytes).
    public func write(to json: inout JSONWriter) {
        switch self {
        case .null: json.raw("null")
        case .int(let value): json.integer(value)
        case .float(let value): json.double(value)
        case .string(let value), .enumValue(let value): json.string(value)
        case .boolean(let value): json.boolean(value)
        case .list(let items):
            json.raw(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { json.raw(UInt8(ascii: ",")) }
                item.write(to: &json)
            }
            json.raw(UInt8(ascii: "]"))
        case .object(let members):
            json.raw(UInt8(ascii: "{"))
            for (index, (name, value)) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { json.raw(UInt8(ascii: ",")) }
                json.string(name)
                json.raw(UInt8(ascii: ":"))
                value.write(to: &json)
            }
            json.raw(UInt8(ascii: "}"))
        }
    }
}
