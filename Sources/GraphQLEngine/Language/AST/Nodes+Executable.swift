// Executable definitions (spec 2.3 onwards), as stored in a flat `Document`.

/// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
///
/// An extension has the shape of the definition it extends and never a description.
public enum Definition: Hashable, Sendable {
    case operation(OperationDefinition)
    case fragment(FragmentDefinition)
    case schema(SchemaDefinition)
    case type(TypeDefinition)
    case directive(DirectiveDefinition)
    case schemaExtension(SchemaDefinition)
    case typeExtension(TypeDefinition)
}

/// OperationDefinition :
///   - Description? OperationType Name? VariablesDefinition? Directives? SelectionSet
///   - SelectionSet
public struct OperationDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var operation: OperationType
    public var name: Name?
    public var variableDefinitions: NodeList<VariableDefinition>
    public var directives: NodeList<Directive>
    public var selectionSet: SelectionSet
    public var span: SourceSpan
}

/// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
public struct VariableDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    public var variable: Variable
    public var type: TypeReference
    public var defaultValue: NodeID<Value>?
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// Variable : $ Name
public struct Variable: Hashable, Sendable {
    public var name: Name
    public var span: SourceSpan
}

/// SelectionSet : { Selection+ }
public struct SelectionSet: Hashable, Sendable {
    public var selections: NodeList<Selection>
    public var span: SourceSpan
}

/// Selection : Field | FragmentSpread | InlineFragment
public enum Selection: Hashable, Sendable {
    case field(Field)
    case fragmentSpread(FragmentSpread)
    case inlineFragment(InlineFragment)
}

/// Field : Alias? Name Arguments? Directives? SelectionSet?
public struct Field: Hashable, Sendable {
    /// Alias : Name :
    public var alias: Name?
    public var name: Name
    public var arguments: NodeList<Argument>
    public var directives: NodeList<Directive>
    public var selectionSet: SelectionSet?
    public var span: SourceSpan

    /// The name the field's value has in the response: its alias, else its name.
    public var responseName: Name { alias ?? name }
}

/// Argument[Const] : Name : Value[?Const]
public struct Argument: Hashable, Sendable {
    public var name: Name
    public var value: NodeID<Value>
    public var span: SourceSpan
}

/// Directive[Const] : @ Name Arguments[?Const]?
public struct Directive: Hashable, Sendable {
    public var name: Name
    public var arguments: NodeList<Argument>
    public var span: SourceSpan
}

/// FragmentSpread : ... FragmentName Directives?
public struct FragmentSpread: Hashable, Sendable {
    public var name: Name
    public var directives: NodeList<Directive>
    public var span: SourceSpan
}

/// InlineFragment : ... TypeCondition? Directives? SelectionSet
public struct InlineFragment: Hashable, Sendable {
    /// TypeCondition : on NamedType
    public var typeCondition: Name?
    public var directives: NodeList<Directive>
    public var selectionSet: SelectionSet
    public var span: SourceSpan
}

/// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
public struct FragmentDefinition: Hashable, Sendable {
    public var description: StringLiteral?
    /// FragmentName : Name but not `on`
    public var name: Name
    public var typeCondition: Name
    public var directives: NodeList<Directive>
    public var selectionSet: SelectionSet
    public var span: SourceSpan
}

/// Type : NamedType | ListType | NonNullType
///
/// A wrapped type refers to the type it wraps by position in the document.
public enum TypeReference: Hashable, Sendable {
    /// NamedType : Name
    case named(Name)
    /// ListType : [ Type ]
    case list(NodeID<TypeReference>, span: SourceSpan)
    /// NonNullType : NamedType ! | ListType !
    case nonNull(NodeID<TypeReference>, span: SourceSpan)
}

/// Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue
///   | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
///
/// Numbers are their source text (`document.text(span)`): what they mean depends on the
/// input type they are coerced to (spec 3.5.1), which the parser does not know.
public enum Value: Hashable, Sendable {
    case variable(Variable)
    case int(SourceSpan)
    case float(SourceSpan)
    case string(StringLiteral)
    case boolean(Bool, span: SourceSpan)
    case null(SourceSpan)
    /// EnumValue : Name but not `true`, `false` or `null`
    case enumValue(Name)
    case list(NodeList<Value>, span: SourceSpan)
    case object(NodeList<ObjectField>, span: SourceSpan)
}

/// ObjectField[Const] : Name : Value[?Const]
public struct ObjectField: Hashable, Sendable {
    public var name: Name
    public var value: NodeID<Value>
    public var span: SourceSpan
}

extension Value {
    /// Where the value is written: errors about a value point at its start.
    public var span: SourceSpan {
        switch self {
        case .variable(let variable): variable.span
        case .int(let span), .float(let span), .null(let span): span
        case .string(let literal): literal.span
        case .boolean(_, let span), .list(_, let span), .object(_, let span): span
        case .enumValue(let name): name.span
        }
    }
}
