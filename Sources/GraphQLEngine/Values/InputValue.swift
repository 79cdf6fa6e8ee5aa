/// An input value: a variable's value as the client sent it (decoded from JSON), a literal
/// read from a document, or either after coercion (spec 3.5, 6.1.2, 6.4.1).
///
/// Enum values are kept apart from strings, and integers from floats, because the
/// coercion rules tell them apart: an `Int` accepts `3` but not `"3"`, an enum accepts
/// `RED` in a document but `"RED"` from a variable.
public enum InputValue: Hashable, Sendable {
    case null
    case int(Int)
    case float(Double)
    case string(String)
    case boolean(Bool)
    case enumValue(String)
    case list([InputValue])
    case object([String: InputValue])
}

extension InputValue: CustomStringConvertible {
    /// GraphQL syntax, as error messages quote a value: `"x"`, `[1, 2]`, `{a: 1}`.
    /// Object fields are sorted so that a message reads the same every time.
    public var description: String {
        switch self {
        case .null: "null"
        case .int(let value): String(value)
        case .float(let value): Self.format(value)
        case .string(let value): Printer.quoted(value)
        case .boolean(let value): value ? "true" : "false"
        case .enumValue(let value): value
        case .list(let items): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }

    /// A double as JSON and GraphQL write it: integral values without a fraction.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}

extension InputValue: ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .float(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(arrayLiteral elements: InputValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, InputValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    public init(nilLiteral: ()) { self = .null }
}
