/// A named type's position in its schema's `types`.
public struct TypeID: Hashable, Sendable, Comparable {
    public let index: Int

    init(_ index: Int) { self.index = index }

    public static func < (lhs: TypeID, rhs: TypeID) -> Bool { lhs.index < rhs.index }
}

/// A type as a field, argument or variable refers to it: a named type, wrapped in lists
/// and non-nulls (spec 3.4, "Wrapping Types").
public enum TypeRef: Hashable, Sendable {
    case named(TypeID)
    // Only the wrappers are boxed, so a plain named type costs no allocation to copy.
    indirect case list(TypeRef)
    indirect case nonNull(TypeRef)

    /// The named type inside all wrapping.
    public var namedType: TypeID {
        switch self {
        case .named(let id): id
        case .list(let inner), .nonNull(let inner): inner.namedType
        }
    }

    public var isNonNull: Bool {
        if case .nonNull = self { true } else { false }
    }

    /// The type without its outer non-null, if it has one.
    public var nullable: TypeRef {
        if case .nonNull(let inner) = self { inner } else { self }
    }

    /// The item type, when the nullable form of this type is a list.
    public var listItem: TypeRef? {
        if case .list(let item) = nullable { item } else { nil }
    }
}

/// One of the six kinds of named type (spec 3.4, "Types").
public enum TypeKind: String, Hashable, Sendable {
    case scalar = "SCALAR", object = "OBJECT", interface = "INTERFACE", union = "UNION"
    case enumType = "ENUM", inputObject = "INPUT_OBJECT"

    /// Object, interface and union types: what a selection set selects from (spec 3.4).
    public var isComposite: Bool { self == .object || self == .interface || self == .union }
    public var isAbstract: Bool { self == .interface || self == .union }
    /// Scalars, enums and input objects may be used as input (spec 3.4.2).
    public var isInput: Bool { self == .scalar || self == .enumType || self == .inputObject }
    /// Scalars and enums are leaves: they have no fields to select.
    public var isLeaf: Bool { self == .scalar || self == .enumType }

    /// How an error message names the kind, as in "Cannot extend non-object type".
    var noun: String {
        switch self {
        case .scalar: "scalar"
        case .object: "object"
        case .interface: "interface"
        case .union: "union"
        case .enumType: "enum"
        case .inputObject: "input object"
        }
    }
}

/// A named type of any kind; the members that a kind has no use for are empty.
public final class NamedType: Sendable {
    public let id: TypeID
    public let name: String
    public let kind: TypeKind
    public let description: String?
    public let directives: [AppliedDirective]
    /// Objects and interfaces: their fields, in definition order.
    public let fields: [SchemaField]
    /// Objects and interfaces: the interfaces declared after `implements`.
    public let interfaces: [TypeID]
    /// Unions: their member types.
    public let possibleTypeMembers: [TypeID]
    /// Enums: their values, in definition order.
    public let enumValues: [SchemaEnumValue]
    /// Input objects: their fields, in definition order.
    public let inputFields: [SchemaInputValue]
    /// Scalars: the `@specifiedBy(url:)` of a custom scalar.
    public let specifiedByURL: String?
    /// Input objects: `@oneOf` (spec 3.10.1, "OneOf Input Objects").
    public let isOneOf: Bool
    /// Which of the spec's scalars this is, if it is one: known once, so that writing a
    /// leaf does not compare names.
    public let builtInScalar: BuiltInScalar?

    private let fieldIndex: NameTable
    private let enumValueIndex: NameTable
    private let inputFieldIndex: NameTable

    init(
        id: TypeID, name: String, kind: TypeKind, description: String? = nil,
        directives: [AppliedDirective] = [], fields: [SchemaField] = [], interfaces: [TypeID] = [],
        possibleTypeMembers: [TypeID] = [], enumValues: [SchemaEnumValue] = [],
        inputFields: [SchemaInputValue] = [], specifiedByURL: String? = nil, isOneOf: Bool = false
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.description = description
        self.directives = directives
        self.fields = fields
        self.interfaces = interfaces
        self.possibleTypeMembers = possibleTypeMembers
        self.enumValues = enumValues
        self.inputFields = inputFields
        self.specifiedByURL = specifiedByURL
        self.isOneOf = isOneOf
        self.builtInScalar = kind == .scalar ? BuiltInScalar(rawValue: name) : nil
        // Where a name repeats, the first wins; the repeat is a schema error reported when building.
        fieldIndex = NameTable(fields.map(\.name))
        enumValueIndex = NameTable(enumValues.map(\.name))
        inputFieldIndex = NameTable(inputFields.map(\.name))
    }

    /// A field of an object or interface type, meta-fields excluded (see `Schema.field`).
    public func field(named name: String) -> SchemaField? {
        fieldIndex.position(of: name).map { fields[$0] }
    }

    /// The field spelled by `bytes` (a name as a document holds it), meta-fields excluded.
    func field(named bytes: UnsafeBufferPointer<UInt8>) -> SchemaField? {
        fieldIndex.position(of: bytes).map { fields[$0] }
    }

    public func enumValue(named name: String) -> SchemaEnumValue? {
        enumValueIndex.position(of: name).map { enumValues[$0] }
    }

    public func inputField(named name: String) -> SchemaInputValue? {
        inputFieldIndex.position(of: name).map { inputFields[$0] }
    }

    /// Whether this is one of the spec's own scalars (spec 3.5).
    public var isBuiltInScalar: Bool { builtInScalar != nil }
    /// Whether this is one of the introspection types (spec 4.2). A user's type whose name
    /// begins with `__` is not: it is an error the schema reports.
    public var isIntrospectionType: Bool { BuiltIns.introspectionTypeNames.contains(name) }
    /// The spec's own types, which every schema has without declaring them.
    public var isBuiltIn: Bool { isBuiltInScalar || isIntrospectionType }
}

/// The spec's own scalars (spec 3.5).
public enum BuiltInScalar: String, Sendable {
    case int = "Int"
    case float = "Float"
    case string = "String"
    case boolean = "Boolean"
    case id = "ID"
}

/// FieldDefinition (spec 3.6): a field of an object or interface type.
///
/// A class, so that handing a definition around (validation and execution look fields up
/// at every selection) is one reference, not a copy of each member.
public final class SchemaField: Sendable {
    public let name: String
    public let description: String?
    public let arguments: [SchemaInputValue]
    public let type: TypeRef
    /// The reason of `@deprecated`, when the field is deprecated.
    public let deprecationReason: String?
    public let directives: [AppliedDirective]

    init(
        name: String, description: String?, arguments: [SchemaInputValue], type: TypeRef, deprecationReason: String?,
        directives: [AppliedDirective]
    ) {
        self.name = name
        self.description = description
        self.arguments = arguments
        self.type = type
        self.deprecationReason = deprecationReason
        self.directives = directives
    }

    public func argument(named name: String) -> SchemaInputValue? {
        arguments.first { $0.name == name }
    }
}

/// InputValueDefinition (spec 3.6.1, 3.10): an argument, or a field of an input object.
public final class SchemaInputValue: Sendable {
    public let name: String
    public let description: String?
    public let type: TypeRef
    /// The default as written in SDL; coerced where it is used (spec 6.4.1).
    public let defaultValue: SyntaxTree.Value?
    public let deprecationReason: String?
    public let directives: [AppliedDirective]

    init(
        name: String, description: String?, type: TypeRef, defaultValue: SyntaxTree.Value?, deprecationReason: String?,
        directives: [AppliedDirective]
    ) {
        self.name = name
        self.description = description
        self.type = type
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
        self.directives = directives
    }

    /// Required: non-null and without a default (spec 5.4.2.1).
    public var isRequired: Bool { type.isNonNull && defaultValue == nil }
}

/// EnumValueDefinition (spec 3.9).
public struct SchemaEnumValue: Sendable {
    public let name: String
    public let description: String?
    public let deprecationReason: String?
    public let directives: [AppliedDirective]
}

/// DirectiveDefinition (spec 3.13).
public struct SchemaDirective: Sendable {
    public let name: String
    public let description: String?
    public let arguments: [SchemaInputValue]
    public let isRepeatable: Bool
    /// In the order the definition lists them.
    public let locations: [DirectiveLocation]

    public func argument(named name: String) -> SchemaInputValue? {
        arguments.first { $0.name == name }
    }
}

/// A directive applied in SDL (`@deprecated(reason: "...")`, `@rateLimit(...)`), kept so
/// that the layers above can read their own directives as metadata.
public struct AppliedDirective: Hashable, Sendable {
    public let name: String
    public let arguments: [SyntaxTree.Argument]

    public func argument(named name: String) -> SyntaxTree.Value? {
        arguments.first { $0.name.value == name }?.value
    }
}

extension OperationType {
    /// The default name of the operation's root type (spec 3.3.1): `Query`, `Mutation`, `Subscription`.
    public var typeName: String {
        switch self {
        case .query: "Query"
        case .mutation: "Mutation"
        case .subscription: "Subscription"
        }
    }
}
