/// A document as a tree of nested values: each list of children is an array, each name
/// a `String`. It is what tools and tests work with (the printer, `format`, building a
/// schema from SDL); the engine's hot paths read the flat `Document` the parser builds,
/// and `Document.tree` makes this tree from it.
///
/// Nodes are named after the grammar's productions (spec 2, "Document Syntax"); each
/// carries `span`, its byte range in the source.
public enum SyntaxTree {}

extension SyntaxTree {
    /// Document : Definition+
    public struct Document: Hashable, Sendable {
        public var definitions: [Definition]
        public var span: SourceSpan

        public init(definitions: [Definition], span: SourceSpan = .none) {
            self.definitions = definitions
            self.span = span
        }
    }

    /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    public enum Definition: Hashable, Sendable {
        case operation(OperationDefinition)
        case fragment(FragmentDefinition)
        case schema(SchemaDefinition)
        case type(TypeDefinition)
        case directive(DirectiveDefinition)
        case schemaExtension(SchemaDefinition)
        case typeExtension(TypeDefinition)

        public var span: SourceSpan {
            switch self {
            case .operation(let node): node.span
            case .fragment(let node): node.span
            case .schema(let node): node.span
            case .type(let node): node.span
            case .directive(let node): node.span
            case .schemaExtension(let node): node.span
            case .typeExtension(let node): node.span
            }
        }

        /// ExecutableDefinition : OperationDefinition | FragmentDefinition
        public var isExecutable: Bool {
            switch self {
            case .operation, .fragment: true
            default: false
            }
        }
    }

    /// Name :: NameStart NameContinue*
    ///
    /// The text is copied out of the source once, at parse time, because every later layer
    /// looks names up; Swift keeps names of up to 15 bytes inline, without allocating.
    public struct Name: Hashable, Sendable, CustomStringConvertible {
        public var value: String
        public var span: SourceSpan

        public init(_ value: String, span: SourceSpan = .none) {
            self.value = value
            self.span = span
        }

        public var description: String { value }
    }

    /// Directive[Const] : @ Name Arguments[?Const]?
    public struct Directive: Hashable, Sendable {
        public var name: Name
        public var arguments: [Argument]
        public var span: SourceSpan

        public init(name: Name, arguments: [Argument] = [], span: SourceSpan = .none) {
            self.name = name
            self.arguments = arguments
            self.span = span
        }
    }

    /// Argument[Const] : Name : Value[?Const]
    public struct Argument: Hashable, Sendable {
        public var name: Name
        public var value: Value
        public var span: SourceSpan

        public init(name: Name, value: Value, span: SourceSpan = .none) {
            self.name = name
            self.value = value
            self.span = span
        }
    }

    /// Type : NamedType | ListType | NonNullType
    ///
    /// A reference to a type in a variable, field or argument definition. NonNullType wraps
    /// only NamedType or ListType; the parser never builds a non-null of a non-null.
    public indirect enum TypeReference: Hashable, Sendable {
        /// NamedType : Name
        case named(Name)
        /// ListType : [ Type ]
        case list(TypeReference, span: SourceSpan)
        /// NonNullType : NamedType ! | ListType !
        case nonNull(TypeReference, span: SourceSpan)

        public var span: SourceSpan {
            switch self {
            case .named(let name): name.span
            case .list(_, let span), .nonNull(_, let span): span
            }
        }

        /// The named type at the bottom of any list and non-null wrapping.
        public var namedType: Name {
            switch self {
            case .named(let name): name
            case .list(let inner, _), .nonNull(let inner, _): inner.namedType
            }
        }
    }
}
