/// The fields of one selection set as execution meets them for one object type, grouped
/// by response name in the order the names first appear (spec 6.3.2, "Field
/// Collection"): what the executor resolves once per name.
public struct CollectedFields: Sendable {
    /// Response names in order, each with the fields that share it (merged by validation).
    public private(set) var groups: [(responseName: String, fields: [Field])] = []
    private var positions: [String: Int] = [:]

    mutating func append(_ field: Field, responseName: String) {
        if let position = positions[responseName] {
            groups[position].fields.append(field)
        } else {
            positions[responseName] = groups.count
            groups.append((responseName, [field]))
        }
    }
}

extension Valid where Value == Document {
    /// CollectFields(objectType, selectionSet, variableValues, visitedFragments)
    ///
    /// Follows inline fragments and fragment spreads whose type condition applies to
    /// `objectType` (DoesFragmentTypeApply), each named fragment once, and leaves out the
    /// selections that `@skip(if: true)` or `@include(if: false)` exclude. The `if`
    /// arguments are coerced like any argument (spec 6.4.1), so a variable without a value
    /// is an error thrown here.
    public func collectFields(
        of objectType: NamedType, in selectionSet: SelectionSet, variables: [String: InputValue]
    ) throws(GraphQLError) -> CollectedFields {
        var collected = CollectedFields()
        var visitedFragments: Set<String> = []
        try collect(selectionSet, objectType, variables, &visitedFragments, into: &collected)
        return collected
    }

    private func collect(
        _ selectionSet: SelectionSet, _ objectType: NamedType, _ variables: [String: InputValue],
        _ visitedFragments: inout Set<String>, into collected: inout CollectedFields
    ) throws(GraphQLError) {
        let document = value
        for selection in document[selectionSet.selections] {
            switch selection {
            case .field(let field):
                guard try isIncluded(field.directives, variables) else { continue }
                collected.append(field, responseName: document.text(field.responseName))
            case .fragmentSpread(let spread):
                let name = document.text(spread.name)
                guard !visitedFragments.contains(name), try isIncluded(spread.directives, variables) else { continue }
                visitedFragments.insert(name)
                guard let fragment = fragment(named: name),
                    fragmentType(fragment.typeCondition, applies: objectType)
                else { continue }
                try collect(fragment.selectionSet, objectType, variables, &visitedFragments, into: &collected)
            case .inlineFragment(let fragment):
                guard try isIncluded(fragment.directives, variables) else { continue }
                if let condition = fragment.typeCondition, !fragmentType(condition, applies: objectType) { continue }
                try collect(fragment.selectionSet, objectType, variables, &visitedFragments, into: &collected)
            }
        }
    }

    /// Spec 3.13 `@skip` and `@include`: a selection is left out when `@skip(if: true)` or
    /// `@include(if: false)` is on it.
    private func isIncluded(_ directives: NodeList<Directive>, _ variables: [String: InputValue]) throws(GraphQLError)
        -> Bool
    {
        let document = value
        for directive in document[directives] {
            let skips = document.name(directive.name, is: "skip")
            guard skips || document.name(directive.name, is: "include"),
                let definition = schema.directive(named: skips ? "skip" : "include")
            else { continue }
            let arguments = try coerceArgumentValues(
                definition.arguments, given: directive.arguments, at: directive.span, in: self, variables: variables)
            if arguments["if"] == .boolean(skips) { return false }
        }
        return true
    }

    /// DoesFragmentTypeApply(objectType, fragmentType)
    private func fragmentType(_ condition: Name, applies objectType: NamedType) -> Bool {
        guard let type = schema.type(named: value.text(condition)) else { return false }
        switch type.kind {
        case .object: return type.id == objectType.id
        case .interface, .union: return schema.isPossibleType(objectType.id, of: type)
        default: return false
        }
    }

    /// The fragment definition of that name (the first, in a valid document the only one).
    /// A scan of the definitions: documents hold few fragments; the executor will keep
    /// its per-document facts (fragments by name among them) with the cached document.
    func fragment(named name: String) -> FragmentDefinition? {
        for case .fragment(let fragment) in value[value.definitions] where value.name(fragment.name, is: name) {
            return fragment
        }
        return nil
    }
}
