/// The directives applied in SDL: checked where they are used, and read into the
/// metadata the schema keeps (`@deprecated`, `@specifiedBy`, `@oneOf`, custom ones).
extension SchemaBuilder {
    /// Checks the directives applied to one schema element (across its definition and
    /// extensions): KnownDirectives, UniqueDirectivesPerLocation, KnownArgumentNames,
    /// UniqueArgumentNames, ProvidedRequiredArguments; values are checked once types exist.
    mutating func applyDirectives(
        _ lists: [([SyntaxTree.Directive], Int)], at location: DirectiveLocation
    ) -> [AppliedDirective] {
        var applied: [AppliedDirective] = []
        var seen: [String: SchemaPlace] = [:]
        for (directives, source) in lists {
            for directive in directives {
                let name = directive.name.value
                let place = SchemaPlace(source: source, span: directive.span)
                guard let definition = directiveDefinitions[name]?.node else {
                    report(.unknownDirective(name), [place])
                    continue
                }
                guard definition.locations.contains(where: { $0.value == location.rawValue }) else {
                    report(.misplacedDirective(name, location: location), [place])
                    continue
                }
                if !definition.isRepeatable {
                    if let first = seen[name] {
                        report(.duplicateDirective(name), [first, place])
                        continue
                    }
                    seen[name] = place
                }
                checkArguments(directive, definition: definition, source: source)
                applied.append(AppliedDirective(name: name, arguments: directive.arguments))
            }
        }
        return applied
    }

    mutating func checkArguments(
        _ directive: SyntaxTree.Directive, definition: SyntaxTree.DirectiveDefinition, source: Int
    ) {
        let name = directive.name.value
        var given: [String: SchemaPlace] = [:]
        for argument in directive.arguments {
            let place = SchemaPlace(source: source, span: argument.name.span)
            guard let argumentDefinition = definition.arguments.first(where: { $0.name.value == argument.name.value })
            else {
                let suggestions = Suggestion.names(
                    similarTo: argument.name.value, among: definition.arguments.map(\.name.value))
                report(
                    .unknownDirectiveArgument(directive: name, argument: argument.name.value, suggestions: suggestions),
                    [place])
                continue
            }
            if let first = given[argument.name.value] {
                report(.duplicateArgument(argument.name.value), [first, place])
                continue
            }
            given[argument.name.value] = place
            let argumentName = argument.name.value
            addPending(
                PendingValue(
                    value: argument.value, type: resolveQuietly(argumentDefinition.type),
                    place: SchemaPlace(source: source, span: argument.value.span),
                    diagnostic: { reason in .invalidDirectiveArgument(directive: name, argument: argumentName, reason: reason) }
                ))
        }
        for argument in definition.arguments where given[argument.name.value] == nil {
            if case .nonNull = argument.type, argument.defaultValue == nil {
                report(
                    .missingDirectiveArgument(
                        directive: name, argument: argument.name.value, type: Printer.print(argument.type)),
                    [SchemaPlace(source: source, span: directive.span)])
            }
        }
    }

    /// Keeps a literal to check once the schema is built; its field names are checked now.
    mutating func addPending(_ pending: PendingValue) {
        checkUniqueFields(pending.value, source: pending.place.source)
        pendingValues.append(pending)
    }

    /// UniqueInputFieldNames: an object literal gives each field once, at any depth (read
    /// as a map, the first value would be silently lost).
    mutating func checkUniqueFields(_ value: SyntaxTree.Value, source: Int) {
        switch value {
        case .list(let items, _):
            for item in items { checkUniqueFields(item, source: source) }
        case .object(let fields, _):
            var seen: [String: SchemaPlace] = [:]
            for field in fields {
                let place = SchemaPlace(source: source, span: field.name.span)
                if let first = seen[field.name.value] {
                    report(.duplicateInputField(field.name.value), [first, place])
                } else {
                    seen[field.name.value] = place
                }
                checkUniqueFields(field.value, source: source)
            }
        default:
            break
        }
    }

    /// A type reference resolved without reporting: its definition reports it once.
    func resolveQuietly(_ reference: SyntaxTree.TypeReference) -> TypeRef {
        switch reference {
        case .named(let name): .named(ids[name.value] ?? ids["String"] ?? TypeID(0))
        case .list(let inner, _): .list(resolveQuietly(inner))
        case .nonNull(let inner, _): .nonNull(resolveQuietly(inner))
        }
    }

    // MARK: - Reading directives

    static func description(of definition: SyntaxTree.TypeDefinition) -> String? {
        switch definition {
        case .scalar(let node): node.description?.value
        case .object(let node), .interface(let node): node.description?.value
        case .union(let node): node.description?.value
        case .enumType(let node): node.description?.value
        case .inputObject(let node): node.description?.value
        }
    }

    /// `@deprecated(reason:)`, with the directive's default reason when none is given.
    static func deprecationReason(_ directives: [AppliedDirective]) -> String? {
        guard let deprecated = directives.first(where: { $0.name == "deprecated" }) else { return nil }
        return deprecated.argument(named: "reason").flatMap(string) ?? BuiltIns.defaultDeprecationReason
    }

    static func string(_ value: SyntaxTree.Value) -> String? {
        if case .string(let string) = value { string.value } else { nil }
    }
}

extension SyntaxTree.TypeDefinition {
    var isInterface: Bool {
        if case .interface = self { true } else { false }
    }
}
