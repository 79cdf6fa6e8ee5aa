extension Parser {
    /// Document : Definition+
    mutating func parseDocument() throws(SyntaxError) -> NodeList<Definition> {
        // Definitions never nest, so they go straight into their array.
        let start = storage.definitions.count
        repeat {
            let definition = try parseDefinition()
            storage.definitions.append(definition)
        } while !at(.endOfFile)
        return Parser.list(storage.definitions, from: start)
    }

    /// Definition : ExecutableDefinition | TypeSystemDefinitionOrExtension
    ///
    /// A leading description is read past (peeking one token) to find the keyword.
    mutating func parseDefinition() throws(SyntaxError) -> Definition {
        if at(.braceLeft) { return .operation(try parseOperationDefinition()) }
        let hasDescription = at(.string) || at(.blockString)
        let keyword = hasDescription ? try lexer.peek() : token
        if keyword.kind == .braceLeft {
            throw SyntaxError(.descriptionOnShorthandQuery, at: token.start)
        }
        guard keyword.kind == .name else { throw unexpected(keyword) }
        if isKeyword(keyword, "query") || isKeyword(keyword, "mutation") || isKeyword(keyword, "subscription") {
            return .operation(try parseOperationDefinition())
        }
        if isKeyword(keyword, "fragment") { return .fragment(try parseFragmentDefinition()) }
        if isKeyword(keyword, "extend") {
            if hasDescription { throw SyntaxError(.descriptionOnExtension, at: token.start) }
            return try parseTypeSystemExtension()
        }
        if let definition = try parseTypeSystemDefinition(keyword: keyword) { return definition }
        throw unexpected(keyword)
    }

    /// OperationDefinition :
    ///   - Description? OperationType Name? VariablesDefinition? Directives? SelectionSet
    ///   - SelectionSet
    mutating func parseOperationDefinition() throws(SyntaxError) -> OperationDefinition {
        let start = token.start
        if at(.braceLeft) {
            let selectionSet = try parseSelectionSet()
            return OperationDefinition(
                description: nil, operation: .query, name: nil, variableDefinitions: .empty, directives: .empty,
                selectionSet: selectionSet, span: span(from: start))
        }
        let description = try parseDescription()
        let operation = try parseOperationType()
        let name = at(.name) ? try parseName() : nil
        let variables = try parseVariableDefinitions()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return OperationDefinition(
            description: description, operation: operation, name: name, variableDefinitions: variables,
            directives: directives, selectionSet: selectionSet, span: span(from: start))
    }

    /// OperationType : one of `query` `mutation` `subscription`
    mutating func parseOperationType() throws(SyntaxError) -> OperationType {
        guard at(.name) else { throw expected(.name) }
        if try skipKeyword("query") { return .query }
        if try skipKeyword("mutation") { return .mutation }
        if try skipKeyword("subscription") { return .subscription }
        throw unexpected()
    }

    /// VariablesDefinition : ( VariableDefinition+ )
    mutating func parseVariableDefinitions() throws(SyntaxError) -> NodeList<VariableDefinition> {
        guard try skip(.parenLeft) else { return .empty }
        let start = storage.variableDefinitions.count
        repeat {
            let definition = try parseVariableDefinition()
            storage.variableDefinitions.append(definition)
        } while try !skip(.parenRight)
        return Parser.list(storage.variableDefinitions, from: start)
    }

    /// VariableDefinition : Description? Variable : Type DefaultValue? Directives[Const]?
    ///
    /// DefaultValue : = Value[Const]
    mutating func parseVariableDefinition() throws(SyntaxError) -> VariableDefinition {
        let start = token.start
        let description = try parseDescription()
        let variable = try parseVariable()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try skip(.equals) ? store(try parseValue(const: true)) : nil
        let directives = try parseDirectives(const: true)
        return VariableDefinition(
            description: description, variable: variable, type: type, defaultValue: defaultValue,
            directives: directives, span: span(from: start))
    }

    /// Variable : $ Name
    mutating func parseVariable() throws(SyntaxError) -> Variable {
        let start = token.start
        try expect(.dollar)
        let name = try parseName()
        return Variable(name: name, span: span(from: start))
    }

    /// SelectionSet : { Selection+ }
    mutating func parseSelectionSet() throws(SyntaxError) -> SelectionSet {
        let start = token.start
        try expect(.braceLeft)
        try descend(at: start)
        let mark = selectionStack.count
        repeat {
            let selection = try parseSelection()
            selectionStack.push(selection)
        } while try !skip(.braceRight)
        depth -= 1
        let selections = selectionStack.pop(from: mark, into: &storage.selections)
        return SelectionSet(selections: selections, span: span(from: start))
    }

    /// Selection : Field | FragmentSpread | InlineFragment
    mutating func parseSelection() throws(SyntaxError) -> Selection {
        at(.spread) ? try parseFragment() : .field(try parseField())
    }

    /// Field : Alias? Name Arguments? Directives? SelectionSet?
    ///
    /// Alias : Name :
    mutating func parseField() throws(SyntaxError) -> Field {
        let start = token.start
        let nameOrAlias = try parseName()
        let alias: Name?
        let name: Name
        if try skip(.colon) {
            alias = nameOrAlias
            name = try parseName()
        } else {
            alias = nil
            name = nameOrAlias
        }
        let arguments = try parseArguments(const: false)
        let directives = try parseDirectives(const: false)
        let selectionSet = at(.braceLeft) ? try parseSelectionSet() : nil
        return Field(
            alias: alias, name: name, arguments: arguments, directives: directives, selectionSet: selectionSet,
            span: span(from: start))
    }

    /// Arguments[Const] : ( Argument[?Const]+ )
    ///
    /// Arguments never contain arguments, so they go straight into their array.
    mutating func parseArguments(const: Bool) throws(SyntaxError) -> NodeList<Argument> {
        guard try skip(.parenLeft) else { return .empty }
        let start = storage.arguments.count
        repeat {
            let argument = try parseArgument(const: const)
            storage.arguments.append(argument)
        } while try !skip(.parenRight)
        return Parser.list(storage.arguments, from: start)
    }

    /// Argument[Const] : Name : Value[?Const]
    mutating func parseArgument(const: Bool) throws(SyntaxError) -> Argument {
        let start = token.start
        let name = try parseName()
        try expect(.colon)
        let value = store(try parseValue(const: const))
        return Argument(name: name, value: value, span: span(from: start))
    }

    /// FragmentSpread : ... FragmentName Directives?
    ///
    /// InlineFragment : ... TypeCondition? Directives? SelectionSet
    mutating func parseFragment() throws(SyntaxError) -> Selection {
        let start = token.start
        try expect(.spread)
        let hasTypeCondition = atKeyword("on")
        if !hasTypeCondition && at(.name) {
            let name = try parseFragmentName()
            let directives = try parseDirectives(const: false)
            return .fragmentSpread(FragmentSpread(name: name, directives: directives, span: span(from: start)))
        }
        let typeCondition: Name?
        if hasTypeCondition {
            try advance()
            typeCondition = try parseName()
        } else {
            typeCondition = nil
        }
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return .inlineFragment(
            InlineFragment(
                typeCondition: typeCondition, directives: directives, selectionSet: selectionSet,
                span: span(from: start)))
    }

    /// FragmentDefinition : Description? fragment FragmentName TypeCondition Directives? SelectionSet
    ///
    /// TypeCondition : on NamedType
    mutating func parseFragmentDefinition() throws(SyntaxError) -> FragmentDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("fragment")
        let name = try parseFragmentName()
        try expectKeyword("on")
        let typeCondition = try parseName()
        let directives = try parseDirectives(const: false)
        let selectionSet = try parseSelectionSet()
        return FragmentDefinition(
            description: description, name: name, typeCondition: typeCondition, directives: directives,
            selectionSet: selectionSet, span: span(from: start))
    }

    /// FragmentName : Name but not `on`
    mutating func parseFragmentName() throws(SyntaxError) -> Name {
        if atKeyword("on") { throw unexpected() }
        return try parseName()
    }

    /// Directives[Const] : Directive[?Const]+
    mutating func parseDirectives(const: Bool) throws(SyntaxError) -> NodeList<Directive> {
        guard at(.at) else { return .empty }
        let start = storage.directives.count
        repeat {
            let directive = try parseDirective(const: const)
            storage.directives.append(directive)
        } while at(.at)
        return Parser.list(storage.directives, from: start)
    }

    /// Directive[Const] : @ Name Arguments[?Const]?
    mutating func parseDirective(const: Bool) throws(SyntaxError) -> Directive {
        let start = token.start
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArguments(const: const)
        return Directive(name: name, arguments: arguments, span: span(from: start))
    }

    /// Type : NamedType | ListType | NonNullType
    ///
    /// ListType : [ Type ]
    ///
    /// NonNullType : NamedType ! | ListType !
    mutating func parseTypeReference() throws(SyntaxError) -> TypeReference {
        let start = token.start
        var type: TypeReference
        if try skip(.bracketLeft) {
            try descend(at: start)
            let inner = store(try parseTypeReference())
            try expect(.bracketRight)
            depth -= 1
            type = .list(inner, span: span(from: start))
        } else {
            type = .named(try parseName())
        }
        if try skip(.bang) {
            type = .nonNull(store(type), span: span(from: start))
        }
        return type
    }
}
