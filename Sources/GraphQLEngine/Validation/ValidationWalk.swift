/// The one walk of a document that every rule shares: it visits each node in document
/// order, keeps the context's types in scope up to date (as graphql-js's TypeInfo does),
/// records variable usages, and shows each node to every rule.
struct ValidationWalk {
    private var rules: [any ValidationRule]
    /// For each kind of event, the rules that asked for it: most rules read one or two
    /// kinds of node, so showing every node to every rule would be mostly calls that do
    /// nothing.
    private let listeners: [[Int]]
    private let context: ValidationContext
    private let document: Document
    private let schema: Schema

    init(rules: [any ValidationRule.Type], context: ValidationContext) {
        self.rules = rules.map { $0.init() }
        var listeners = [[Int]](repeating: [], count: ValidationEvents.count)
        for (index, rule) in rules.enumerated() {
            var events = rule.events.rawValue
            while events != 0 {
                listeners[events.trailingZeroBitCount].append(index)
                events &= events - 1
            }
        }
        self.listeners = listeners
        self.context = context
        self.document = context.document
        self.schema = context.schema
    }

    private mutating func emit(_ kind: ValidationEvents, _ event: (inout any ValidationRule) -> Void) {
        for index in listeners[kind.rawValue.trailingZeroBitCount] { event(&rules[index]) }
    }

    /// Document : Definition+
    mutating func walkDocument() {
        let context = context
        emit(.document) { $0.enterDocument(context) }
        for (index, definition) in document[document.definitions].enumerated() {
            if context.isAborted { return }
            context.definitionIndex = index
            emit(.definition) { $0.enterDefinition(definition, context) }
            switch definition {
            case .operation(let operation): walk(operation)
            case .fragment(let fragment): walk(fragment)
            default: break
            }
        }
        if context.isAborted { return }
        emit(.document) { $0.leaveDocument(context) }
    }

    /// OperationDefinition : OperationType Name? VariablesDefinition? Directives? SelectionSet
    private mutating func walk(_ operation: OperationDefinition) {
        let context = context
        emit(.operation) { $0.enterOperation(operation, context) }
        for definition in document[operation.variableDefinitions] { walk(definition) }
        walkDirectives(operation.directives, at: operation.operation.directiveLocation)
        walk(operation.selectionSet, in: schema.rootType(for: operation.operation))
        emit(.operation) { $0.leaveOperation(operation, context) }
    }

    /// VariableDefinition : Variable : Type DefaultValue? Directives[Const]?
    private mutating func walk(_ definition: VariableDefinition) {
        let context = context
        emit(.variableDefinition) { $0.enterVariableDefinition(definition, context) }
        if let defaultValue = definition.defaultValue {
            withInput(context.resolve(definition.type), parent: nil, hasDefault: false) { walk in
                walk.walk(walk.document[defaultValue])
            }
        }
        walkDirectives(definition.directives, at: .variableDefinition)
    }

    /// FragmentDefinition : fragment FragmentName TypeCondition Directives? SelectionSet
    private mutating func walk(_ fragment: FragmentDefinition) {
        let context = context
        emit(.fragmentDefinition) { $0.enterFragmentDefinition(fragment, context) }
        walkDirectives(fragment.directives, at: .fragmentDefinition)
        let type = document.withBytes(of: fragment.typeCondition) { schema.type(named: $0) }
        walk(fragment.selectionSet, in: type)
        emit(.fragmentDefinition) { $0.leaveFragmentDefinition(fragment, context) }
    }

    /// SelectionSet : { Selection+ }, selected from `type` (nil where it is unknown or
    /// not composite).
    private mutating func walk(_ selectionSet: SelectionSet, in type: NamedType?) {
        let context = context
        let saved = context.parentType
        context.parentType = type.flatMap { $0.kind.isComposite ? $0 : nil }
        emit(.selectionSet) { $0.enterSelectionSet(selectionSet, context) }
        for (offset, selection) in document[selectionSet.selections].enumerated() {
            if context.isAborted { break }
            switch selection {
            case .field(let field): walk(field, at: Int(selectionSet.selections.start) + offset)
            case .inlineFragment(let fragment): walk(fragment)
            case .fragmentSpread(let spread):
                emit(.fragmentSpread) { $0.enterFragmentSpread(spread, context) }
                walkDirectives(spread.directives, at: .fragmentSpread)
            }
        }
        context.parentType = saved
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?, the selection at `index`.
    private mutating func walk(_ field: Field, at index: Int) {
        let context = context
        let (savedField, savedType) = (context.fieldDefinition, context.type)
        let definition = context.parentType.flatMap { parent in
            document.withBytes(of: field.name) { schema.field(named: $0, on: parent) }
        }
        context.recordField(field, at: index, definition: definition)
        context.fieldDefinition = definition
        context.type = definition?.type
        emit(.field) { $0.enterField(field, context) }
        walkArguments(field.arguments, definitions: definition?.arguments)
        walkDirectives(field.directives, at: .field)
        if let selectionSet = field.selectionSet {
            walk(selectionSet, in: definition.map { schema[$0.type.namedType] })
        }
        emit(.field) { $0.leaveField(field, context) }
        (context.fieldDefinition, context.type) = (savedField, savedType)
    }

    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    private mutating func walk(_ fragment: InlineFragment) {
        let context = context
        let savedType = context.type
        let type: NamedType? =
            if let condition = fragment.typeCondition {
                schema.type(named: document.text(condition))
            } else {
                context.parentType
            }
        context.type = type.map { .named($0.id) }
        emit(.inlineFragment) { $0.enterInlineFragment(fragment, context) }
        walkDirectives(fragment.directives, at: .inlineFragment)
        walk(fragment.selectionSet, in: type)
        emit(.inlineFragment) { $0.leaveInlineFragment(fragment, context) }
        context.type = savedType
    }

    /// Directives : Directive+
    private mutating func walkDirectives(_ directives: NodeList<Directive>, at location: DirectiveLocation) {
        guard !directives.isEmpty else { return }
        let context = context
        emit(.directives) { $0.enterDirectives(directives, at: location, context) }
        for directive in document[directives] {
            let saved = context.directiveDefinition
            let definition = schema.directive(named: document.text(directive.name))
            context.directiveDefinition = definition
            emit(.directive) { $0.enterDirective(directive, context) }
            walkArguments(directive.arguments, definitions: definition?.arguments)
            context.directiveDefinition = saved
        }
    }

    /// Arguments : ( Argument+ )
    private mutating func walkArguments(_ arguments: NodeList<Argument>, definitions: [SchemaInputValue]?) {
        guard !arguments.isEmpty else { return }
        let context = context
        emit(.arguments) { $0.enterArguments(arguments, context) }
        for argument in document[arguments] {
            let definition = definitions.flatMap { definitions in
                document.withBytes(of: argument.name) { name in definitions.first { $0.name.utf8.elementsEqual(name) } }
            }
            let saved = context.argumentDefinition
            context.argumentDefinition = definition
            withInput(definition?.type, parent: nil, hasDefault: definition?.defaultValue != nil) { walk in
                walk.emit(.argument) { $0.enterArgument(argument, context) }
                walk.walk(walk.document[argument.value])
            }
            context.argumentDefinition = saved
        }
    }

    /// Value : Variable | IntValue | ... | ListValue | ObjectValue, expected to be of
    /// `context.inputType`.
    private mutating func walk(_ value: Value) {
        let context = context
        emit(.value) { $0.enterValue(value, context) }
        switch value {
        case .variable(let variable):
            context.variableUsages[context.definitionIndex].append(
                ValidationContext.VariableUsage(
                    variable: variable, type: context.inputType, positionHasDefault: context.positionHasDefault,
                    parentInputType: context.parentInputType))
            emit(.variable) { $0.enterVariable(variable, context) }
        case .list(let items, _):
            // An item of a list is of the list's item type; a list given where a single
            // value is expected is read as items of that type (spec 3.11, input coercion).
            let listType = context.inputType
            let itemType = listType.map { $0.listItem ?? $0.nullable }
            for item in document[items] {
                withInput(itemType, parent: listType, hasDefault: false) { walk in walk.walk(item) }
            }
        case .object(let fields, _):
            let objectType = context.inputType
            let named = objectType.map { schema[$0.namedType] }
            for field in document[fields] {
                let definition = named?.inputField(named: document.text(field.name))
                withInput(definition?.type, parent: objectType, hasDefault: definition?.defaultValue != nil) { walk in
                    walk.walk(walk.document[field.value])
                }
            }
        default:
            break
        }
    }

    private mutating func withInput(
        _ type: TypeRef?, parent: TypeRef?, hasDefault: Bool, _ body: (inout ValidationWalk) -> Void
    ) {
        let context = context
        let saved = (context.inputType, context.parentInputType, context.positionHasDefault)
        (context.inputType, context.parentInputType, context.positionHasDefault) = (type, parent, hasDefault)
        body(&self)
        (context.inputType, context.parentInputType, context.positionHasDefault) = saved
    }
}

extension OperationType {
    /// Where a directive on an operation of this type is used.
    var directiveLocation: DirectiveLocation {
        switch self {
        case .query: .query
        case .mutation: .mutation
        case .subscription: .subscription
        }
    }
}
