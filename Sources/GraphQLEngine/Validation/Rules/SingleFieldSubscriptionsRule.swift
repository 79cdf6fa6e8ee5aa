/// Spec 5.2.4.1 "Single Root Field": for each subscription, "Let collectedFieldsMap be
/// the result of CollectSubscriptionFields(subscriptionType, selectionSet).
/// collectedFieldsMap must have exactly one entry, which must not be an introspection
/// field", and while collecting, each selection "must not provide the `@skip` directive"
/// nor `@include`. A subscription streams the events of one root field; which field that
/// is must be known without the variables, so the root cannot be conditional.
///
/// Errors, as the reference implementation gives them: `@skip`/`@include` at the root
/// (through fragments) is one error at every such directive, and then nothing else is
/// checked; else more than one response name is one error at every field after the first
/// name's; and each response name given to an introspection field is one error at those
/// fields. Without a subscription type there is nothing to check (KnownOperationTypes).
struct SingleFieldSubscriptionsRule: ValidationRule {
    static let events: ValidationEvents = [.operation]

    mutating func enterOperation(_ operation: OperationDefinition, _ context: ValidationContext) {
        guard operation.operation == .subscription, let root = context.schema.rootType(for: .subscription) else {
            return
        }
        let name = operation.name.map(context.text)
        var collection = RootFieldCollection(root: root, context: context)
        collection.collect(operation.selectionSet)
        if !collection.conditionalDirectives.isEmpty {
            context.report(.subscriptionRootDirective(operation: name), spans: collection.conditionalDirectives)
            return
        }
        let groups = collection.fieldsByResponseName
        if groups.count > 1 {
            let extraFields = groups.dropFirst().flatMap { $0.map(\.span) }
            context.report(.subscriptionNotSingleField(operation: name), spans: extraFields)
        }
        for group in groups {
            let introspection = group.filter { context.text($0.name).hasPrefix("__") }
            if !introspection.isEmpty {
                context.report(.subscriptionIntrospectionField(operation: name), spans: introspection.map(\.span))
            }
        }
    }
}

/// CollectSubscriptionFields (spec 5.2.4.1): the root fields of a subscription grouped by
/// response name, through fragments whose type condition applies to the root type, each
/// named fragment once; and the `@skip` and `@include` directives met on the way.
private struct RootFieldCollection {
    let root: NamedType
    let context: ValidationContext
    /// The fields of each response name, names in the order first met.
    private(set) var fieldsByResponseName: [[Field]] = []
    private var groupIndex: [String: Int] = [:]
    private var visitedFragments: Set<String> = []
    /// Where `@skip` or `@include` is used at the root, in the order collection meets them.
    private(set) var conditionalDirectives: [SourceSpan] = []

    init(root: NamedType, context: ValidationContext) {
        self.root = root
        self.context = context
    }

    mutating func collect(_ selectionSet: SelectionSet) {
        let document = context.document
        for selection in document[selectionSet.selections] {
            switch selection {
            case .field(let field):
                noteConditionals(field.directives)
                add(field)
            case .fragmentSpread(let spread):
                noteConditionals(spread.directives)
                let name = context.text(spread.name)
                guard visitedFragments.insert(name).inserted, let fragment = context.fragment(named: name),
                    applies(fragment.typeCondition)
                else { continue }
                collect(fragment.selectionSet)
            case .inlineFragment(let fragment):
                noteConditionals(fragment.directives)
                if let condition = fragment.typeCondition, !applies(condition) { continue }
                collect(fragment.selectionSet)
            }
        }
    }

    private mutating func add(_ field: Field) {
        let responseName = context.text(field.responseName)
        if let index = groupIndex[responseName] {
            fieldsByResponseName[index].append(field)
        } else {
            groupIndex[responseName] = fieldsByResponseName.count
            fieldsByResponseName.append([field])
        }
    }

    private mutating func noteConditionals(_ directives: NodeList<Directive>) {
        for directive in context.document[directives] {
            let name = context.document.text(directive.name)
            if name == "skip" || name == "include" { conditionalDirectives.append(directive.span) }
        }
    }

    /// DoesFragmentTypeApply(objectType, fragmentType): the root type itself, or an
    /// interface or union it belongs to; an unknown type applies to nothing.
    private func applies(_ condition: Name) -> Bool {
        guard let type = context.schema.type(named: context.text(condition)) else { return false }
        return type.id == root.id || (type.kind.isAbstract && context.schema.isPossibleType(root.id, of: type))
    }
}
