/// OperationDefinition :
///   - Description? OperationType Name? VariablesDefinition? Directives? SelectionSet
///   - SelectionSet

extension SyntaxTree {
    public struct OperationDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var operation: OperationType
        public var name: Name?
        public var variableDefinitions: [VariableDefinition]
        public var directives: [Directive]
        public var selectionSet: SelectionSet
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, operation: OperationType, name: Name? = nil,
            variableDefinitions: [VariableDefinition] = [], directives: [Directive] = [],
            selectionSet: SelectionSet, span: SourceSpan = .none
        ) {
            self.description = description
            self.operation = operation
            self.name = name
            self.variableDefinitions = variableDefinitions
            self.directives = directives
            self.selectionSet = selectionSet
            self.span = span
        }

        /// True for the shorthand `{ ... }`, which can be printed back the same way.
        public var isShorthand: Bool {
            operation == .query && description == nil && name == nil && variableDefinitions.isEmpty
                && directives.isEmpty
        }
    }

    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    public struct VariableDefinition: Hashable, Sendable {
        public var description: StringValue?
        public var variable: Variable
        public var type: TypeReference
        public var defaultValue: Value?
        public var directives: [Directive]
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, variable: Variable, type: TypeReference,
            defaultValue: Value? = nil, directives: [Directive] = [], span: SourceSpan = .none
        ) {
            self.description = description
            self.variable = variable
            self.type = type
            self.defaultValue = defaultValue
            self.directives = directives
            self.span = span
        }
    }

    /// Variable : $ Name
    public struct Variable: Hashable, Sendable {
        public var name: Name
        public var span: SourceSpan

        public init(name: Name, span: SourceSpan = .none) {
            self.name = name
            self.span = span
        }
    }

    /// SelectionSet : { Selection+ }
    public struct SelectionSet: Hashable, Sendable {
        public var selections: [Selection]
        public var span: SourceSpan

        public init(selections: [Selection], span: SourceSpan = .none) {
            self.selections = selections
            self.span = span
        }
    }

    /// Selection : Field | FragmentSpread | InlineFragment
    public enum Selection: Hashable, Sendable {
        case field(Field)
        case fragmentSpread(FragmentSpread)
        case inlineFragment(InlineFragment)

        public var span: SourceSpan {
            switch self {
            case .field(let node): node.span
            case .fragmentSpread(let node): node.span
            case .inlineFragment(let node): node.span
            }
        }
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?
    public struct Field: Hashable, Sendable {
        /// Alias : Name :
        public var alias: Name?
        public var name: Name
        public var arguments: [Argument]
        public var directives: [Directive]
        public var selectionSet: SelectionSet?
        public var span: SourceSpan

        public init(
            alias: Name? = nil, name: Name, arguments: [Argument] = [], directives: [Directive] = [],
            selectionSet: SelectionSet? = nil, span: SourceSpan = .none
        ) {
            self.alias = alias
            self.name = name
            self.arguments = arguments
            self.directives = directives
            self.selectionSet = selectionSet
            self.span = span
        }

        /// The key the field's value has in the response: its alias, else its name.
        public var responseKey: String { alias?.value ?? name.value }
    }

    /// FragmentSpread : ... FragmentName Directives?
    public struct FragmentSpread: Hashable, Sendable {
        public var name: Name
        public var directives: [Directive]
        public var span: SourceSpan

        public init(name: Name, directives: [Directive] = [], span: SourceSpan = .none) {
            self.name = name
            self.directives = directives
            self.span = span
        }
    }

    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    public struct InlineFragment: Hashable, Sendable {
        /// TypeCondition : on NamedType
        public var typeCondition: Name?
        public var directives: [Directive]
        public var selectionSet: SelectionSet
        public var span: SourceSpan

        public init(
            typeCondition: Name? = nil, directives: [Directive] = [], selectionSet: SelectionSet,
            span: SourceSpan = .none
        ) {
            self.typeCondition = typeCondition
            self.directives = directives
            self.selectionSet = selectionSet
            self.span = span
        }
    }

    /// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    public struct FragmentDefinition: Hashable, Sendable {
        public var description: StringValue?
        /// FragmentName : Name but not `on`
        public var name: Name
        public var typeCondition: Name
        public var directives: [Directive]
        public var selectionSet: SelectionSet
        public var span: SourceSpan

        public init(
            description: StringValue? = nil, name: Name, typeCondition: Name, directives: [Directive] = [],
            selectionSet: SelectionSet, span: SourceSpan = .none
        ) {
            self.description = description
            self.name = name
            self.typeCondition = typeCondition
            self.directives = directives
            self.selectionSet = selectionSet
            self.span = span
        }
    }
}
