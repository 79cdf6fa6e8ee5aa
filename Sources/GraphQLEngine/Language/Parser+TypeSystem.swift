extension Parser {
    /// TypeSystemDefinition : SchemaDefinition | TypeDefinition | DirectiveDefinition
    ///
    /// `keyword` is the token after any description; nil when it names no definition.
    mutating func parseTypeSystemDefinition(keyword: Token) throws(SyntaxError) -> Definition? {
        if isKeyword(keyword, "schema") { return .schema(try parseSchemaDefinition()) }
        if isKeyword(keyword, "scalar") { return .type(.scalar(try parseScalarTypeDefinition())) }
        if isKeyword(keyword, "type") { return .type(.object(try parseObjectTypeDefinition(keyword: "type"))) }
        if isKeyword(keyword, "interface") { return .type(.interface(try parseObjectTypeDefinition(keyword: "interface"))) }
        if isKeyword(keyword, "union") { return .type(.union(try parseUnionTypeDefinition())) }
        if isKeyword(keyword, "enum") { return .type(.enumType(try parseEnumTypeDefinition())) }
        if isKeyword(keyword, "input") { return .type(.inputObject(try parseInputObjectTypeDefinition())) }
        if isKeyword(keyword, "directive") { return .directive(try parseDirectiveDefinition()) }
        return nil
    }

    /// SchemaDefinition : Description? schema Directives[Const]? { RootOperationTypeDefinition+ }
    mutating func parseSchemaDefinition() throws(SyntaxError) -> SchemaDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("schema")
        let directives = try parseDirectives(const: true)
        guard at(.braceLeft) else { throw expected(.braceLeft) }
        let operationTypes = try parseRootOperationTypes()
        return SchemaDefinition(
            description: description, directives: directives, operationTypes: operationTypes, span: span(from: start))
    }

    /// { RootOperationTypeDefinition+ }, or nothing when no `{` follows.
    mutating func parseRootOperationTypes() throws(SyntaxError) -> NodeList<RootOperationTypeDefinition> {
        guard try skip(.braceLeft) else { return .empty }
        let start = storage.rootOperationTypes.count
        repeat {
            let operationType = try parseRootOperationTypeDefinition()
            storage.rootOperationTypes.append(operationType)
        } while try !skip(.braceRight)
        return Parser.list(storage.rootOperationTypes, from: start)
    }

    /// RootOperationTypeDefinition : OperationType : NamedType
    mutating func parseRootOperationTypeDefinition() throws(SyntaxError) -> RootOperationTypeDefinition {
        let start = token.start
        let operation = try parseOperationType()
        try expect(.colon)
        let type = try parseName()
        return RootOperationTypeDefinition(operation: operation, type: type, span: span(from: start))
    }

    /// ScalarTypeDefinition : Description? scalar Name Directives[Const]?
    mutating func parseScalarTypeDefinition() throws(SyntaxError) -> ScalarTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("scalar")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        return ScalarTypeDefinition(description: description, name: name, directives: directives, span: span(from: start))
    }

    /// ObjectTypeDefinition : Description? type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    ///
    /// InterfaceTypeDefinition : Description? interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
    ///
    /// The two differ only in their keyword, given as `keyword`.
    mutating func parseObjectTypeDefinition(keyword: StaticString) throws(SyntaxError) -> ObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword(keyword)
        let name = try parseName()
        let interfaces = try parseImplementsInterfaces()
        let directives = try parseDirectives(const: true)
        let fields = try parseFieldsDefinition()
        return ObjectTypeDefinition(
            description: description, name: name, interfaces: interfaces, directives: directives, fields: fields,
            span: span(from: start))
    }

    /// ImplementsInterfaces : implements `&`? NamedType | ImplementsInterfaces & NamedType
    mutating func parseImplementsInterfaces() throws(SyntaxError) -> NodeList<Name> {
        guard try skipKeyword("implements") else { return .empty }
        return try parseDelimited(by: .ampersand)
    }

    /// A list of NamedType separated by `&` or `|`, with an optional leading separator.
    mutating func parseDelimited(by separator: TokenKind) throws(SyntaxError) -> NodeList<Name> {
        _ = try skip(separator)
        let start = storage.names.count
        repeat {
            let name = try parseName()
            storage.names.append(name)
        } while try skip(separator)
        return Parser.list(storage.names, from: start)
    }

    /// FieldsDefinition : { FieldDefinition+ }
    mutating func parseFieldsDefinition() throws(SyntaxError) -> NodeList<FieldDefinition> {
        guard try skip(.braceLeft) else { return .empty }
        let start = storage.fieldDefinitions.count
        repeat {
            let field = try parseFieldDefinition()
            storage.fieldDefinitions.append(field)
        } while try !skip(.braceRight)
        return Parser.list(storage.fieldDefinitions, from: start)
    }

    /// FieldDefinition : Description? Name ArgumentsDefinition? : Type Directives[Const]?
    mutating func parseFieldDefinition() throws(SyntaxError) -> FieldDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        let arguments = try parseArgumentsDefinition()
        try expect(.colon)
        let type = try parseTypeReference()
        let directives = try parseDirectives(const: true)
        return FieldDefinition(
            description: description, name: name, arguments: arguments, type: type, directives: directives,
            span: span(from: start))
    }

    /// ArgumentsDefinition : ( InputValueDefinition+ )
    mutating func parseArgumentsDefinition() throws(SyntaxError) -> NodeList<InputValueDefinition> {
        try parseInputValueDefinitions(open: .parenLeft, close: .parenRight)
    }

    /// InputFieldsDefinition : { InputValueDefinition+ }
    mutating func parseInputFieldsDefinition() throws(SyntaxError) -> NodeList<InputValueDefinition> {
        try parseInputValueDefinitions(open: .braceLeft, close: .braceRight)
    }

    private mutating func parseInputValueDefinitions(
        open: TokenKind, close: TokenKind
    ) throws(SyntaxError) -> NodeList<InputValueDefinition> {
        guard try skip(open) else { return .empty }
        let start = storage.inputValueDefinitions.count
        repeat {
            let value = try parseInputValueDefinition()
            storage.inputValueDefinitions.append(value)
        } while try !skip(close)
        return Parser.list(storage.inputValueDefinitions, from: start)
    }

    /// InputValueDefinition : Description? Name : Type DefaultValue? Directives[Const]?
    mutating func parseInputValueDefinition() throws(SyntaxError) -> InputValueDefinition {
        let start = token.start
        let description = try parseDescription()
        let name = try parseName()
        try expect(.colon)
        let type = try parseTypeReference()
        let defaultValue = try skip(.equals) ? store(try parseValue(const: true)) : nil
        let directives = try parseDirectives(const: true)
        return InputValueDefinition(
            description: description, name: name, type: type, defaultValue: defaultValue, directives: directives,
            span: span(from: start))
    }

    /// UnionTypeDefinition : Description? union Name Directives[Const]? UnionMemberTypes?
    ///
    /// UnionMemberTypes : = `|`? NamedType | UnionMemberTypes | NamedType
    mutating func parseUnionTypeDefinition() throws(SyntaxError) -> UnionTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("union")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let types = try skip(.equals) ? try parseDelimited(by: .pipe) : .empty
        return UnionTypeDefinition(
            description: description, name: name, directives: directives, types: types, span: span(from: start))
    }

    /// EnumTypeDefinition : Description? enum Name Directives[Const]? EnumValuesDefinition?
    mutating func parseEnumTypeDefinition() throws(SyntaxError) -> EnumTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("enum")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let values = try parseEnumValuesDefinition()
        return EnumTypeDefinition(
            description: description, name: name, directives: directives, values: values, span: span(from: start))
    }

    /// EnumValuesDefinition : { EnumValueDefinition+ }
    mutating func parseEnumValuesDefinition() throws(SyntaxError) -> NodeList<EnumValueDefinition> {
        guard try skip(.braceLeft) else { return .empty }
        let start = storage.enumValueDefinitions.count
        repeat {
            let value = try parseEnumValueDefinition()
            storage.enumValueDefinitions.append(value)
        } while try !skip(.braceRight)
        return Parser.list(storage.enumValueDefinitions, from: start)
    }

    /// EnumValueDefinition : Description? EnumValue Directives[Const]?
    ///
    /// EnumValue : Name but not `true`, `false` or `null`
    mutating func parseEnumValueDefinition() throws(SyntaxError) -> EnumValueDefinition {
        let start = token.start
        let description = try parseDescription()
        if atKeyword("true") || atKeyword("false") || atKeyword("null") {
            throw SyntaxError(.reservedEnumValue(describe(token)), at: token.start)
        }
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        return EnumValueDefinition(description: description, name: name, directives: directives, span: span(from: start))
    }

    /// InputObjectTypeDefinition : Description? input Name Directives[Const]? InputFieldsDefinition?
    mutating func parseInputObjectTypeDefinition() throws(SyntaxError) -> InputObjectTypeDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("input")
        let name = try parseName()
        let directives = try parseDirectives(const: true)
        let fields = try parseInputFieldsDefinition()
        return InputObjectTypeDefinition(
            description: description, name: name, directives: directives, fields: fields, span: span(from: start))
    }

    /// DirectiveDefinition : Description? directive @ Name ArgumentsDefinition? `repeatable`? on DirectiveLocations
    ///
    /// DirectiveLocations : `|`? DirectiveLocation | DirectiveLocations | DirectiveLocation
    mutating func parseDirectiveDefinition() throws(SyntaxError) -> DirectiveDefinition {
        let start = token.start
        let description = try parseDescription()
        try expectKeyword("directive")
        try expect(.at)
        let name = try parseName()
        let arguments = try parseArgumentsDefinition()
        let isRepeatable = try skipKeyword("repeatable")
        try expectKeyword("on")
        _ = try skip(.pipe)
        let firstLocation = storage.names.count
        repeat {
            let location = try parseDirectiveLocation()
            storage.names.append(location)
        } while try skip(.pipe)
        let locations = Parser.list(storage.names, from: firstLocation)
        return DirectiveDefinition(
            description: description, name: name, arguments: arguments, isRepeatable: isRepeatable,
            locations: locations, span: span(from: start))
    }

    /// DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation
    mutating func parseDirectiveLocation() throws(SyntaxError) -> Name {
        let current = token
        let name = try parseName()
        guard DirectiveLocation(rawValue: lexer.text(of: current)) != nil else { throw unexpected(current) }
        return name
    }

    /// TypeSystemExtension : SchemaExtension | TypeExtension
    ///
    /// Every extension must add something: `extend type T` alone is an error.
    mutating func parseTypeSystemExtension() throws(SyntaxError) -> Definition {
        let keyword = try lexer.peek()
        guard keyword.kind == .name else { throw unexpected(keyword) }
        let start = token.start
        try expectKeyword("extend")
        let definition: Definition
        if isKeyword(keyword, "schema") {
            // SchemaExtension : extend schema Directives[Const]? { RootOperationTypeDefinition+ }
            //                 | extend schema Directives[Const] [lookahead != `{`]
            try advance()
            let directives = try parseDirectives(const: true)
            let operationTypes = try parseRootOperationTypes()
            if directives.isEmpty && operationTypes.isEmpty { throw unexpected() }
            return .schemaExtension(
                SchemaDefinition(
                    description: nil, directives: directives, operationTypes: operationTypes, span: span(from: start)))
        } else if isKeyword(keyword, "scalar") {
            // ScalarTypeExtension : extend scalar Name Directives[Const]
            var node = try parseScalarTypeDefinition()
            if node.directives.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.scalar(node))
        } else if isKeyword(keyword, "type") {
            // ObjectTypeExtension : extend type Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
            var node = try parseObjectTypeDefinition(keyword: "type")
            if node.interfaces.isEmpty && node.directives.isEmpty && node.fields.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.object(node))
        } else if isKeyword(keyword, "interface") {
            // InterfaceTypeExtension : extend interface Name ImplementsInterfaces? Directives[Const]? FieldsDefinition?
            var node = try parseObjectTypeDefinition(keyword: "interface")
            if node.interfaces.isEmpty && node.directives.isEmpty && node.fields.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.interface(node))
        } else if isKeyword(keyword, "union") {
            // UnionTypeExtension : extend union Name Directives[Const]? UnionMemberTypes?
            var node = try parseUnionTypeDefinition()
            if node.directives.isEmpty && node.types.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.union(node))
        } else if isKeyword(keyword, "enum") {
            // EnumTypeExtension : extend enum Name Directives[Const]? EnumValuesDefinition?
            var node = try parseEnumTypeDefinition()
            if node.directives.isEmpty && node.values.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.enumType(node))
        } else if isKeyword(keyword, "input") {
            // InputObjectTypeExtension : extend input Name Directives[Const]? InputFieldsDefinition?
            var node = try parseInputObjectTypeDefinition()
            if node.directives.isEmpty && node.fields.isEmpty { throw unexpected() }
            node.span = span(from: start)
            definition = .typeExtension(.inputObject(node))
        } else {
            throw unexpected(keyword)
        }
        return definition
    }
}
