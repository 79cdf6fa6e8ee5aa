// Type system definitions (spec 3), as stored in a flat `Document`.

/// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
public struct SchemaDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var directives: NodeList<Directive>
    public var operationTypes: NodeList<RootOperationTypeDefinition>
    public var span: SourceSpan
}

/// RootOperationTypeDefinition : OperationType : NamedType
public struct RootOperationTypeDefinition: Hashable, Sendable {
    public var operation: OperationType
    public var type: Name
    public var span: SourceSpan
}

/// TypeDefinition : ScalarTypeDefinition | ObjectTypeDefinition | InterfaceTypeDefinition
///   | UnionTypeDefinition | EnumTypeDefinition | InputObjectTypeDefinition
public enum TypeDefinition: Hashable, Sendable {
    case scalar(ScalarTypeDefinition)
    case object(ObjectTypeDefinition)
    case interface(InterfaceTypeDefinition)
    case union(UnionTypeDefinition)
    case enumType(EnumTypeDefinition)
    case inputObject(InputObjectTypeDefinition)

    public var name: Name {
        switch self {
        case .scalar(let node): node.name
        case .object(let node), .interface(let node): node.name
        case .union(let node): node.name
        case .enumType(let node): node.name
        case .inputObject(let node): node.name
        }
    }

    public var span: SourceSpan {
        switch self {
        case .scalar(let node): node.span
        case .object(let node), .interface(let node): node.span
        case .union(let node): node.span
        case .enumType(let node): node.span
        case .inputObject(let node): node.span
        }
    }
}

/// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
public struct ScalarTypeDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
///
/// InterfaceTypeDefinition has the same shape (`interface` instead of `type`).
public struct ObjectTypeDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
    public var interfaces: NodeList<Name>
    public var directives: NodeList<Directive>
    /// FieldsDefinition : { FieldDefinition+ } — empty when absent.
    public var fields: NodeList<FieldDefinition>
    public var span: SourceSpan
}

/// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
public typealias InterfaceTypeDefinition = ObjectTypeDefinition

/// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
public struct FieldDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    /// ArgumentsDefinition : ( InputValueDefinition+ )
    public var arguments: NodeList<InputValueDefinition>
    public var type: TypeReference
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
public struct InputValueDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var type: TypeReference
    public var defaultValue: NodeID<Value>?
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
public struct UnionTypeDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var directives: NodeList<Directive>
    /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
    public var types: NodeList<Name>
    public var span: SourceSpan
}

/// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
public struct EnumTypeDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var directives: NodeList<Directive>
    /// EnumValuesDefinition : { EnumValueDefinition+ }
    public var values: NodeList<EnumValueDefinition>
    public var span: SourceSpan
}

/// EnumValueDefinition : Description? EnumValue Directives[Const]?
public struct EnumValueDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
public struct InputObjectTypeDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var directives: NodeList<Directive>
    /// InputFieldsDefinition : { InputValueDefinition+ }
    public var fields: NodeList<InputValueDefinition>
    public var span: SourceSpan
}

/// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
public struct DirectiveDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var name: Name
    public var arguments: NodeList<InputValueDefinition>
    public var isRepeatable: Bool
    /// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
    public var locations: NodeList<Name>
    public var span: SourceSpan
}
