// Type system definitions (spec 3). An extension (`extend type ...`) has the shape of the
// definition it extends, so `Definition.typeExtension` and `.schemaExtension` reuse these
// nodes; the parser never gives an extension a description.

extension SyntaxTree {
    /// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    ///
    /// As an extension, `operationTypes` may be empty when directives are given.
    public struct SchemaDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var directives: [Directive]
        public var operationTypes: [RootOperationTypeDefinition]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, directives: [Directive] = [],
            operationTypes: [RootOperationTypeDefinition], span: SourceSpan = .none
        ) {
            self.description = description
            self.directives = directives
            self.operationTypes = operationTypes
            self.span = span
        }
    }

    /// RootOperationTypeDefinition : OperationType : NamedType
    public struct RootOperationTypeDefinition: Hashable, Sendable {
        public var operation: OperationType
        public var type: Name
        public var span: SourceSpan

        public init(operation: OperationType, type: Name, span: SourceSpan = .none) {
            self.operation = operation
            self.type = type
            self.span = span
        }
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
            case .object(let node): node.name
            case .interface(let node): node.name
            case .union(let node): node.name
            case .enumType(let node): node.name
            case .inputObject(let node): node.name
            }
        }

        public var span: SourceSpan {
            switch self {
            case .scalar(let node): node.span
            case .object(let node): node.span
            case .interface(let node): node.span
            case .union(let node): node.span
            case .enumType(let node): node.span
            case .inputObject(let node): node.span
            }
        }
    }

    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    public struct ScalarTypeDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var directives: [Directive]
        public var span: SourceSpan

        public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], span: SourceSpan = .none) {
            self.description = description
            self.name = name
            self.directives = directives
            self.span = span
        }
    }

    /// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    public struct ObjectTypeDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
        public var interfaces: [Name]
        public var directives: [Directive]
        /// FieldsDefinition : { FieldDefinition+ } — empty when absent.
        public var fields: [FieldDefinition]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, interfaces: [Name] = [], directives: [Directive] = [],
            fields: [FieldDefinition] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.interfaces = interfaces
            self.directives = directives
            self.fields = fields
            self.span = span
        }
    }

    /// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    ///
    /// The same shape as an object type; `TypeDefinition` tells them apart.
    public typealias InterfaceTypeDefinition = ObjectTypeDefinition

    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    public struct FieldDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        /// ArgumentsDefinition : ( InputValueDefinition+ )
        public var arguments: [InputValueDefinition]
        public var type: TypeReference
        public var directives: [Directive]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
            type: TypeReference, directives: [Directive] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.arguments = arguments
            self.type = type
            self.directives = directives
            self.span = span
        }
    }

    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    public struct InputValueDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var type: TypeReference
        public var defaultValue: Value?
        public var directives: [Directive]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, type: TypeReference, defaultValue: Value? = nil,
            directives: [Directive] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.type = type
            self.defaultValue = defaultValue
            self.directives = directives
            self.span = span
        }
    }

    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    public struct UnionTypeDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var directives: [Directive]
        /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
        public var types: [Name]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, directives: [Directive] = [], types: [Name] = [],
            span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.directives = directives
            self.types = types
            self.span = span
        }
    }

    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    public struct EnumTypeDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var directives: [Directive]
        /// EnumValuesDefinition : { EnumValueDefinition+ }
        public var values: [EnumValueDefinition]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, directives: [Directive] = [],
            values: [EnumValueDefinition] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.directives = directives
            self.values = values
            self.span = span
        }
    }

    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    public struct EnumValueDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var directives: [Directive]
        public var span: SourceSpan

        public init(description: StringValue? = nil, name: Name, directives: [Directive] = [], span: SourceSpan = .none) {
            self.description = description
            self.name = name
            self.directives = directives
            self.span = span
        }
    }

    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    public struct InputObjectTypeDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var directives: [Directive]
        /// InputFieldsDefinition : { InputValueDefinition+ }
        public var fields: [InputValueDefinition]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, directives: [Directive] = [],
            fields: [InputValueDefinition] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.directives = directives
            self.fields = fields
            self.span = span
        }
    }

    /// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
    public struct DirectiveDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var name: Name
        public var arguments: [InputValueDefinition]
        public var isRepeatable: Bool
        /// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
        public var locations: [Name]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, arguments: [InputValueDefinition] = [],
            isRepeatable: Bool = false, locations: [Name], span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.arguments = arguments
            self.isRepeatable = isRepeatable
            self.locations = locations
            self.span = span
        }
    }
}
