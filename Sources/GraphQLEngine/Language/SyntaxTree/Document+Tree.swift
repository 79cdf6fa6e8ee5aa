extension Document {
    /// The document as a tree of nested values, names as strings.
    public var tree: SyntaxTree.Document { tree(keepingLocations: true) }

    /// The document as a tree; without locations every span is `.none`, so trees of
    /// the same content compare equal wherever their text was.
    public func tree(keepingLocations: Bool) -> SyntaxTree.Document {
        let builder = TreeBuilder(document: self, keepsLocations: keepingLocations)
        return SyntaxTree.Document(definitions: self[definitions].map(builder.definition), span: builder.span(span))
    }

    func tree(of value: Value, keepingLocations: Bool) -> SyntaxTree.Value {
        TreeBuilder(document: self, keepsLocations: keepingLocations).value(value)
    }

    func tree(of type: TypeReference, keepingLocations: Bool) -> SyntaxTree.TypeReference {
        TreeBuilder(document: self, keepsLocations: keepingLocations).type(type)
    }
}

/// Builds `SyntaxTree` nodes from a flat document, one function per kind of node.
private struct TreeBuilder {
    let document: Document
    let keepsLocations: Bool

    func span(_ span: SourceSpan) -> SourceSpan { keepsLocations ? span : .none }

    func name(_ name: Name) -> SyntaxTree.Name { SyntaxTree.Name(document.text(name), span: span(name.span)) }

    func names(_ list: NodeList<Name>) -> [SyntaxTree.Name] { document[list].map(name) }

    func string(_ literal: StringLiteral) -> SyntaxTree.StringValue {
        SyntaxTree.StringValue(document.value(literal), isBlock: literal.isBlock, span: span(literal.span))
    }

    func definition(_ definition: Definition) -> SyntaxTree.Definition {
        switch definition {
        case .operation(let node): .operation(operation(node))
        case .fragment(let node): .fragment(fragment(node))
        case .schema(let node): .schema(schema(node))
        case .type(let node): .type(type(node))
        case .directive(let node): .directive(directive(node))
        case .schemaExtension(let node): .schemaExtension(schema(node))
        case .typeExtension(let node): .typeExtension(type(node))
        }
    }

    func operation(_ node: OperationDefinition) -> SyntaxTree.OperationDefinition {
        SyntaxTree.OperationDefinition(
            description: node.description.map(string), operation: node.operation, name: node.name.map(name),
            variableDefinitions: document[node.variableDefinitions].map(variableDefinition),
            directives: directives(node.directives), selectionSet: selectionSet(node.selectionSet),
            span: span(node.span))
    }

    func variableDefinition(_ node: VariableDefinition) -> SyntaxTree.VariableDefinition {
        SyntaxTree.VariableDefinition(
            description: node.description.map(string), variable: variable(node.variable), type: type(node.type),
            defaultValue: node.defaultValue.map { value(document[$0]) },
            directives: directives(node.directives), span: span(node.span))
    }

    func variable(_ node: Variable) -> SyntaxTree.Variable {
        SyntaxTree.Variable(name: name(node.name), span: span(node.span))
    }

    func selectionSet(_ node: SelectionSet) -> SyntaxTree.SelectionSet {
        SyntaxTree.SelectionSet(selections: document[node.selections].map(selection), span: span(node.span))
    }

    func selection(_ node: Selection) -> SyntaxTree.Selection {
        switch node {
        case .field(let field):
            .field(
                SyntaxTree.Field(
                    alias: field.alias.map(name), name: name(field.name), arguments: arguments(field.arguments),
                    directives: directives(field.directives), selectionSet: field.selectionSet.map(selectionSet),
                    span: span(field.span)))
        case .fragmentSpread(let spread):
            .fragmentSpread(
                SyntaxTree.FragmentSpread(
                    name: name(spread.name), directives: directives(spread.directives), span: span(spread.span)))
        case .inlineFragment(let fragment):
            .inlineFragment(
                SyntaxTree.InlineFragment(
                    typeCondition: fragment.typeCondition.map(name), directives: directives(fragment.directives),
                    selectionSet: selectionSet(fragment.selectionSet), span: span(fragment.span)))
        }
    }

    func fragment(_ node: FragmentDefinition) -> SyntaxTree.FragmentDefinition {
        SyntaxTree.FragmentDefinition(
            description: node.description.map(string), name: name(node.name),
            typeCondition: name(node.typeCondition), directives: directives(node.directives),
            selectionSet: selectionSet(node.selectionSet), span: span(node.span))
    }

    func arguments(_ list: NodeList<Argument>) -> [SyntaxTree.Argument] {
        document[list].map { argument in
            SyntaxTree.Argument(
                name: name(argument.name), value: value(document[argument.value]),
                span: span(argument.span))
        }
    }

    func directives(_ list: NodeList<Directive>) -> [SyntaxTree.Directive] {
        document[list].map { directive in
            SyntaxTree.Directive(
                name: name(directive.name), arguments: arguments(directive.arguments), span: span(directive.span))
        }
    }

    func type(_ node: TypeReference) -> SyntaxTree.TypeReference {
        switch node {
        case .named(let named): .named(name(named))
        case .list(let inner, let listSpan): .list(type(document[inner]), span: span(listSpan))
        case .nonNull(let inner, let nonNullSpan): .nonNull(type(document[inner]), span: span(nonNullSpan))
        }
    }

    func value(_ node: Value) -> SyntaxTree.Value {
        switch node {
        case .variable(let node): .variable(variable(node))
        case .int(let text): .int(document.text(text), span: span(text))
        case .float(let text): .float(document.text(text), span: span(text))
        case .string(let literal): .string(string(literal))
        case .boolean(let flag, let flagSpan): .boolean(flag, span: span(flagSpan))
        case .null(let nullSpan): .null(span: span(nullSpan))
        case .enumValue(let enumName): .enumValue(document.text(enumName), span: span(enumName.span))
        case .list(let values, let listSpan): .list(document[values].map(value), span: span(listSpan))
        case .object(let fields, let objectSpan):
            .object(
                document[fields].map { field in
                    SyntaxTree.ObjectField(
                        name: name(field.name), value: value(document[field.value]),
                        span: span(field.span))
                }, span: span(objectSpan))
        }
    }

    func schema(_ node: SchemaDefinition) -> SyntaxTree.SchemaDefinition {
        SyntaxTree.SchemaDefinition(
            description: node.description.map(string), directives: directives(node.directives),
            operationTypes: document[node.operationTypes].map { operationType in
                SyntaxTree.RootOperationTypeDefinition(
                    operation: operationType.operation, type: name(operationType.type), span: span(operationType.span))
            }, span: span(node.span))
    }

    func type(_ node: TypeDefinition) -> SyntaxTree.TypeDefinition {
        switch node {
        case .scalar(let scalar):
            .scalar(
                SyntaxTree.ScalarTypeDefinition(
                    description: scalar.description.map(string), name: name(scalar.name),
                    directives: directives(scalar.directives), span: span(scalar.span)))
        case .object(let object):
            .object(
                SyntaxTree.ObjectTypeDefinition(
                    description: object.description.map(string), name: name(object.name),
                    interfaces: names(object.interfaces), directives: directives(object.directives),
                    fields: document[object.fields].map(fieldDefinition), span: span(object.span)))
        case .interface(let interface):
            .interface(
                SyntaxTree.InterfaceTypeDefinition(
                    description: interface.description.map(string), name: name(interface.name),
                    interfaces: names(interface.interfaces), directives: directives(interface.directives),
                    fields: document[interface.fields].map(fieldDefinition), span: span(interface.span)))
        case .union(let union):
            .union(
                SyntaxTree.UnionTypeDefinition(
                    description: union.description.map(string), name: name(union.name),
                    directives: directives(union.directives), types: names(union.types), span: span(union.span)))
        case .enumType(let enumType):
            .enumType(
                SyntaxTree.EnumTypeDefinition(
                    description: enumType.description.map(string), name: name(enumType.name),
                    directives: directives(enumType.directives),
                    values: document[enumType.values].map { value in
                        SyntaxTree.EnumValueDefinition(
                            description: value.description.map(string), name: name(value.name),
                            directives: directives(value.directives), span: span(value.span))
                    }, span: span(enumType.span)))
        case .inputObject(let input):
            .inputObject(
                SyntaxTree.InputObjectTypeDefinition(
                    description: input.description.map(string), name: name(input.name),
                    directives: directives(input.directives),
                    fields: document[input.fields].map(inputValueDefinition), span: span(input.span)))
        }
    }

    func fieldDefinition(_ node: FieldDefinition) -> SyntaxTree.FieldDefinition {
        SyntaxTree.FieldDefinition(
            description: node.description.map(string), name: name(node.name),
            arguments: document[node.arguments].map(inputValueDefinition), type: type(node.type),
            directives: directives(node.directives), span: span(node.span))
    }

    func inputValueDefinition(_ node: InputValueDefinition) -> SyntaxTree.InputValueDefinition {
        SyntaxTree.InputValueDefinition(
            description: node.description.map(string), name: name(node.name), type: type(node.type),
            defaultValue: node.defaultValue.map { value(document[$0]) },
            directives: directives(node.directives), span: span(node.span))
    }

    func directive(_ node: DirectiveDefinition) -> SyntaxTree.DirectiveDefinition {
        SyntaxTree.DirectiveDefinition(
            description: node.description.map(string), name: name(node.name),
            arguments: document[node.arguments].map(inputValueDefinition), isRepeatable: node.isRepeatable,
            locations: names(node.locations), span: span(node.span))
    }
}
