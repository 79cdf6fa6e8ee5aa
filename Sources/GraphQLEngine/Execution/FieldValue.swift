/// What a resolver gives back for a field, before value completion (spec 6.4.3
/// "Value Completion") turns it into the response.
///
/// Leaves are given as they are; an object is given as the value its own fields are
/// resolved from (the parent of the next resolvers), with its object type's name when
/// the field's type is abstract (spec 6.4.3 ResolveAbstractType).
public enum FieldValue: Sendable {
    case null
    case int(Int)
    case float(Double)
    case string(String)
    case boolean(Bool)
    /// An enum value, by name.
    case enumValue(String)
    /// A custom scalar's value (`JSON`, `DateTime`), written to the response as this JSON.
    case scalar(InputValue)
    case object(any Sendable, typeName: String? = nil)
    /// A JSON object, as default resolvers read it: its fields are its keys, and where
    /// the field's type is abstract its `__typename` key names its type.
    case jsonObject([String: InputValue])
    case list([FieldValue])
}

extension FieldValue {
    /// A JSON value as default resolvers read it: objects resolve their fields from their
    /// keys, and name their type, where a field's type is abstract, by a `__typename` key.
    public init(json value: InputValue) {
        switch value {
        case .null: self = .null
        case .int(let integer): self = .int(integer)
        case .float(let double): self = .float(double)
        case .string(let string): self = .string(string)
        case .boolean(let flag): self = .boolean(flag)
        case .enumValue(let name): self = .enumValue(name)
        case .list(let items): self = .list(items.map(FieldValue.init(json:)))
        // The type name is read only when it is needed (ResolveAbstractType).
        case .object(let fields): self = .jsonObject(fields)
        }
    }
}

extension FieldValue: CustomStringConvertible {
    /// The value as error messages quote it: as JSON where it is JSON.
    public var description: String { Execution.describe(self) }
}
