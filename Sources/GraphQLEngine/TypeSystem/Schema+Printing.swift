extension Schema {
    /// The schema as canonical SDL: the schema definition when it is needed, the
    /// user's directives, then the user's types in schema order, extensions merged into
    /// the types they extend. The spec's own scalars, directives and introspection types
    /// are left out, since every schema has them.
    ///
    /// Building a schema from this text gives one that prints the same.
    public func printed() -> String {
        Printer.print(syntaxTree())
    }

    /// The definitions `printed()` prints, as tree nodes for the one `Printer`.
    func syntaxTree() -> SyntaxTree.Document {
        var definitions: [SyntaxTree.Definition] = []
        if let schemaDefinition = schemaDefinition() { definitions.append(.schema(schemaDefinition)) }
        for directive in directives where !BuiltIns.directiveNames.contains(directive.name) {
            definitions.append(.directive(definition(of: directive)))
        }
        for type in types where !type.isBuiltIn {
            definitions.append(.type(definition(of: type)))
        }
        return SyntaxTree.Document(definitions: definitions)
    }

    /// `schema { ... }`, unless SDL without it would mean the same schema: no
    /// description, no directives, and each root type named after its operation with no
    /// other type of that name (spec 3.3.1, "Default Root Operation Type Names").
    private func schemaDefinition() -> SyntaxTree.SchemaDefinition? {
        let roots = OperationType.allCases.compactMap { operation in
            rootType(for: operation).map { (operation, $0) }
        }
        let usesDefaultNames = OperationType.allCases.allSatisfy { operation in
            rootType(for: operation)?.id == type(named: operation.typeName)?.id
        }
        guard !usesDefaultNames || description != nil || !appliedDirectives.isEmpty else { return nil }
        return SyntaxTree.SchemaDefinition(
            description: Self.description(description), directives: appliedDirectives.map(Self.directive),
            operationTypes: roots.map { operation, type in
                SyntaxTree.RootOperationTypeDefinition(operation: operation, type: SyntaxTree.Name(type.name))
            })
    }

    private func definition(of type: NamedType) -> SyntaxTree.TypeDefinition {
        let name = SyntaxTree.Name(type.name)
        let description = Self.description(type.description)
        let directives = type.directives.map(Self.directive)
        switch type.kind {
        case .scalar:
            return .scalar(.init(description: description, name: name, directives: directives))
        case .object, .interface:
            let interfaces = type.interfaces.map { SyntaxTree.Name(self[$0].name) }
            let node = SyntaxTree.ObjectTypeDefinition(
                description: description, name: name, interfaces: interfaces, directives: directives,
                fields: type.fields.map(definition(of:)))
            return type.kind == .object ? .object(node) : .interface(node)
        case .union:
            return .union(
                .init(
                    description: description, name: name, directives: directives,
                    types: type.possibleTypeMembers.map { SyntaxTree.Name(self[$0].name) }))
        case .enumType:
            let values = type.enumValues.map { value in
                SyntaxTree.EnumValueDefinition(
                    description: Self.description(value.description), name: SyntaxTree.Name(value.name),
                    directives: value.directives.map(Self.directive))
            }
            return .enumType(.init(description: description, name: name, directives: directives, values: values))
        case .inputObject:
            return .inputObject(
                .init(
                    description: description, name: name, directives: directives,
                    fields: type.inputFields.map(definition(of:))))
        }
    }

    private func definition(of field: SchemaField) -> SyntaxTree.FieldDefinition {
        SyntaxTree.FieldDefinition(
            description: Self.description(field.description), name: SyntaxTree.Name(field.name),
            arguments: field.arguments.map(definition(of:)), type: reference(to: field.type),
            directives: field.directives.map(Self.directive))
    }

    private func definition(of value: SchemaInputValue) -> SyntaxTree.InputValueDefinition {
        SyntaxTree.InputValueDefinition(
            description: Self.description(value.description), name: SyntaxTree.Name(value.name),
            type: reference(to: value.type), defaultValue: value.defaultValue,
            directives: value.directives.map(Self.directive))
    }

    private func definition(of directive: SchemaDirective) -> SyntaxTree.DirectiveDefinition {
        SyntaxTree.DirectiveDefinition(
            description: Self.description(directive.description), name: SyntaxTree.Name(directive.name),
            arguments: directive.arguments.map(definition(of:)), isRepeatable: directive.isRepeatable,
            locations: directive.locations.map { SyntaxTree.Name($0.rawValue) })
    }

    private func reference(to type: TypeRef) -> SyntaxTree.TypeReference {
        switch type {
        case .named(let id): .named(SyntaxTree.Name(self[id].name))
        case .list(let item): .list(reference(to: item), span: .none)
        case .nonNull(let inner): .nonNull(reference(to: inner), span: .none)
        }
    }

    /// An applied directive as the source gave it; `@deprecated` and `@specifiedBy` in a
    /// canonical form instead (a bare `@deprecated` for the default reason, quoted
    /// strings), so that two schemas introspection cannot tell apart print the same.
    private static func directive(_ applied: AppliedDirective) -> SyntaxTree.Directive {
        let name = SyntaxTree.Name(applied.name)
        func quoted(_ argument: String) -> [SyntaxTree.Argument] {
            guard case .string(let text)? = applied.argument(named: argument) else { return applied.arguments }
            return [
                SyntaxTree.Argument(name: SyntaxTree.Name(argument), value: .string(SyntaxTree.StringValue(text.value)))
            ]
        }
        switch applied.name {
        case "deprecated":
            if case .string(let reason)? = applied.argument(named: "reason"),
                reason.value != BuiltIns.defaultDeprecationReason
            {
                return SyntaxTree.Directive(name: name, arguments: quoted("reason"))
            }
            return SyntaxTree.Directive(name: name)
        case "specifiedBy":
            return SyntaxTree.Directive(name: name, arguments: quoted("url"))
        default:
            return SyntaxTree.Directive(name: name, arguments: applied.arguments)
        }
    }

    /// A description of several lines as a block string, which reads as it was written;
    /// the printer falls back to a quoted string where no block string can hold it.
    private static func description(_ text: String?) -> SyntaxTree.StringValue? {
        text.map { SyntaxTree.StringValue($0, isBlock: $0.contains("\n")) }
    }
}
