/// A validation rule (spec 5): it is shown every node of the document once, in document
/// order, by one shared walk that knows the types in scope (`ValidationContext`), and
/// reports what it finds through the context.
///
/// Every event has a default that does nothing, so a rule implements only what it reads,
/// and lists those events in `events`: the walk shows a rule only the events it lists.
/// Fragment spreads are not followed by the walk: each fragment definition is walked once,
/// where it is defined; rules that need an operation's fragments ask the context.
protocol ValidationRule {
    init()

    /// The events this rule implements (enter and leave of one kind of node count as one).
    static var events: ValidationEvents { get }

    mutating func enterDocument(_ context: ValidationContext)
    mutating func leaveDocument(_ context: ValidationContext)
    /// Any top-level definition, executable or not.
    mutating func enterDefinition(_ definition: Definition, _ context: ValidationContext)
    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext)
    mutating func leaveOperation(_ operation: OperationDefinition, _ context: ValidationContext)
    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext)
    mutating func leaveFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext)
    mutating func enterVariableDefinition(_ definition: VariableDefinition, _ context: ValidationContext)
    /// A selection set, with `context.parentType` the type it selects from.
    mutating func enterSelectionSet(_ selectionSet: SelectionSet, _ context: ValidationContext)
    /// With `context.parentType` the type the field is selected on, and `context.fieldDefinition`
    /// and `context.type` its definition and type when the field exists.
    mutating func enterField(_ field: Field, _ context: ValidationContext)
    mutating func leaveField(_ field: Field, _ context: ValidationContext)
    mutating func enterInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext)
    mutating func leaveInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext)
    mutating func enterFragmentSpread(_ spread: FragmentSpread, _ context: ValidationContext)
    /// The directives of one node, with the location they are used at.
    mutating func enterDirectives(_ directives: NodeList<Directive>, at location: DirectiveLocation, _ context: ValidationContext)
    /// With `context.directiveDefinition` set when the directive is known.
    mutating func enterDirective(_ directive: Directive, _ context: ValidationContext)
    /// The arguments of a field or directive.
    mutating func enterArguments(_ arguments: NodeList<Argument>, _ context: ValidationContext)
    /// With `context.argumentDefinition` and `context.inputType` set when the argument is known.
    mutating func enterArgument(_ argument: Argument, _ context: ValidationContext)
    /// Every value, nested ones included, with `context.inputType` the type expected there.
    mutating func enterValue(_ value: Value, _ context: ValidationContext)
    /// A variable used as a value (not where it is defined), with `context.inputType`.
    mutating func enterVariable(_ variable: Variable, _ context: ValidationContext)
}

extension ValidationRule {
    mutating func enterDocument(_ context: ValidationContext) {}
    mutating func leaveDocument(_ context: ValidationContext) {}
    mutating func enterDefinition(_ definition: Definition, _ context: ValidationContext) {}
    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {}
    mutating func leaveOperation(_ operation: OperationDefinition, _ context: ValidationContext) {}
    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {}
    mutating func leaveFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {}
    mutating func enterVariableDefinition(_ definition: VariableDefinition, _ context: ValidationContext) {}
    mutating func enterSelectionSet(_ selectionSet: SelectionSet, _ context: ValidationContext) {}
    mutating func enterField(_ field: Field, _ context: ValidationContext) {}
    mutating func leaveField(_ field: Field, _ context: ValidationContext) {}
    mutating func enterInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext) {}
    mutating func leaveInlineFragment(_ fragment: InlineFragment, _ context: ValidationContext) {}
    mutating func enterFragmentSpread(_ spread: FragmentSpread, _ context: ValidationContext) {}
    mutating func enterDirectives(_ directives: NodeList<Directive>, at location: DirectiveLocation, _ context: ValidationContext) {}
    mutating func enterDirective(_ directive: Directive, _ context: ValidationContext) {}
    mutating func enterArguments(_ arguments: NodeList<Argument>, _ context: ValidationContext) {}
    mutating func enterArgument(_ argument: Argument, _ context: ValidationContext) {}
    mutating func enterValue(_ value: Value, _ context: ValidationContext) {}
    mutating func enterVariable(_ variable: Variable, _ context: ValidationContext) {}
}

/// The kinds of event a rule can ask the walk for.
struct ValidationEvents: OptionSet, Sendable {
    let rawValue: UInt32

    static let document = ValidationEvents(rawValue: 1 << 0)
    static let definition = ValidationEvents(rawValue: 1 << 1)
    static let operation = ValidationEvents(rawValue: 1 << 2)
    static let fragmentDefinition = ValidationEvents(rawValue: 1 << 3)
    static let variableDefinition = ValidationEvents(rawValue: 1 << 4)
    static let selectionSet = ValidationEvents(rawValue: 1 << 5)
    static let field = ValidationEvents(rawValue: 1 << 6)
    static let inlineFragment = ValidationEvents(rawValue: 1 << 7)
    static let fragmentSpread = ValidationEvents(rawValue: 1 << 8)
    static let directives = ValidationEvents(rawValue: 1 << 9)
    static let directive = ValidationEvents(rawValue: 1 << 10)
    static let arguments = ValidationEvents(rawValue: 1 << 11)
    static let argument = ValidationEvents(rawValue: 1 << 12)
    static let value = ValidationEvents(rawValue: 1 << 13)
    static let variable = ValidationEvents(rawValue: 1 << 14)

    static let count = 15
}
