import GraphQLEngine
import Testing

private func named(_ name: String) -> TypeReference { .named(Name(name)) }
private func nonNull(_ type: TypeReference) -> TypeReference { .nonNull(type, span: .none) }
private func listOf(_ type: TypeReference) -> TypeReference { .list(type, span: .none) }
private func names(_ values: String...) -> [Name] { values.map { Name($0) } }
private func quoted(_ value: String) -> StringValue { StringValue(value) }
private func block(_ value: String) -> StringValue { StringValue(value, isBlock: true) }

private func directive(_ name: String, _ arguments: (String, Value)...) -> Directive {
    Directive(name: Name(name), arguments: arguments.map { Argument(name: Name($0.0), value: $0.1) })
}

private func root(_ operation: OperationType, _ type: String) -> RootOperationTypeDefinition {
    RootOperationTypeDefinition(operation: operation, type: Name(type))
}

private func fieldDefinition(
    _ name: String, _ type: TypeReference, description: StringValue? = nil, arguments: [InputValueDefinition] = [],
    directives: [Directive] = []
) -> FieldDefinition {
    FieldDefinition(description: description, name: Name(name), arguments: arguments, type: type, directives: directives)
}

private func inputValue(
    _ name: String, _ type: TypeReference, description: StringValue? = nil, defaultValue: Value? = nil,
    directives: [Directive] = []
) -> InputValueDefinition {
    InputValueDefinition(
        description: description, name: Name(name), type: type, defaultValue: defaultValue, directives: directives)
}

private func enumValue(_ name: String, description: StringValue? = nil, directives: [Directive] = [])
    -> EnumValueDefinition
{
    EnumValueDefinition(description: description, name: Name(name), directives: directives)
}

/// The one definition `text` holds.
private func onlyDefinition(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> Definition
{
    let document = try parseContent(text)
    try #require(document.definitions.count == 1, sourceLocation: sourceLocation)
    return document.definitions[0]
}

/// The description a type system definition carries.
private func description(of definition: Definition) -> StringValue? {
    switch definition {
    case .schema(let node), .schemaExtension(let node): node.description
    case .type(let type), .typeExtension(let type):
        switch type {
        case .scalar(let node): node.description
        case .object(let node): node.description
        case .interface(let node): node.description
        case .union(let node): node.description
        case .enumType(let node): node.description
        case .inputObject(let node): node.description
        }
    case .directive(let node): node.description
    case .operation(let node): node.description
    case .fragment(let node): node.description
    }
}

/// A type system definition or extension and the node it reads as.
struct TypeSystemExample: Sendable, CustomTestStringConvertible {
    var text: String
    var definition: Definition
    init(_ text: String, _ definition: Definition) {
        self.text = text
        self.definition = definition
    }
    var testDescription: String { text }
}

private let withoutDescriptions = [
    "schema { query: Q }",
    "scalar Date",
    "type Photo { id: ID }",
    "interface Node { id: ID }",
    "union Media = Photo | Video",
    "enum Color { RED }",
    "input Filter { text: String }",
    "directive @cached on FIELD",
]

private let descriptionForms: [(text: String, value: StringValue)] = [
    (#""A quoted description.""#, quoted("A quoted description.")),
    ("\"\"\"\n  A block\n    description.\n\"\"\"", block("A block\n  description.")),
]

private let extensions: [TypeSystemExample] = [
    .init("extend schema @live", .schemaExtension(SchemaDefinition(directives: [directive("live")], operationTypes: []))),
    .init("extend schema { mutation: Mutation }", .schemaExtension(SchemaDefinition(operationTypes: [root(.mutation, "Mutation")]))),
    .init(
        "extend schema @a @b { subscription: S query: Q }",
        .schemaExtension(
            SchemaDefinition(
                directives: [directive("a"), directive("b")], operationTypes: [root(.subscription, "S"), root(.query, "Q")]))),
    .init(
        #"extend scalar Date @specifiedBy(url: "https://example.com/date")"#,
        .typeExtension(
            .scalar(
                ScalarTypeDefinition(
                    name: Name("Date"),
                    directives: [directive("specifiedBy", ("url", .string(quoted("https://example.com/date"))))])))),
    .init("extend type User implements Node", .typeExtension(.object(ObjectTypeDefinition(name: Name("User"), interfaces: names("Node"))))),
    .init(
        "extend type User implements & Node & Actor",
        .typeExtension(.object(ObjectTypeDefinition(name: Name("User"), interfaces: names("Node", "Actor"))))),
    .init(
        #"extend type User @key(fields: "id")"#,
        .typeExtension(
            .object(ObjectTypeDefinition(name: Name("User"), directives: [directive("key", ("fields", .string(quoted("id"))))])))),
    .init(
        "extend type User { age: Int }",
        .typeExtension(.object(ObjectTypeDefinition(name: Name("User"), fields: [fieldDefinition("age", named("Int"))])))),
    .init(
        "extend type User implements Node @d { age: Int }",
        .typeExtension(
            .object(
                ObjectTypeDefinition(
                    name: Name("User"), interfaces: names("Node"), directives: [directive("d")],
                    fields: [fieldDefinition("age", named("Int"))])))),
    .init(
        "extend interface Node implements Entity",
        .typeExtension(.interface(InterfaceTypeDefinition(name: Name("Node"), interfaces: names("Entity"))))),
    .init("extend interface Node @d", .typeExtension(.interface(InterfaceTypeDefinition(name: Name("Node"), directives: [directive("d")])))),
    .init(
        "extend interface Node { createdAt: String! }",
        .typeExtension(
            .interface(InterfaceTypeDefinition(name: Name("Node"), fields: [fieldDefinition("createdAt", nonNull(named("String")))])))),
    .init("extend union Result @d", .typeExtension(.union(UnionTypeDefinition(name: Name("Result"), directives: [directive("d")])))),
    .init(
        "extend union Result = Photo | Video",
        .typeExtension(.union(UnionTypeDefinition(name: Name("Result"), types: names("Photo", "Video"))))),
    .init(
        "extend union Result @d = | Photo",
        .typeExtension(.union(UnionTypeDefinition(name: Name("Result"), directives: [directive("d")], types: names("Photo"))))),
    .init("extend enum Color @d", .typeExtension(.enumType(EnumTypeDefinition(name: Name("Color"), directives: [directive("d")])))),
    .init(
        "extend enum Color { MAUVE TEAL }",
        .typeExtension(.enumType(EnumTypeDefinition(name: Name("Color"), values: [enumValue("MAUVE"), enumValue("TEAL")])))),
    .init("extend input Filter @d", .typeExtension(.inputObject(InputObjectTypeDefinition(name: Name("Filter"), directives: [directive("d")])))),
    .init(
        "extend input Filter { after: String = null }",
        .typeExtension(
            .inputObject(
                InputObjectTypeDefinition(
                    name: Name("Filter"), fields: [inputValue("after", named("String"), defaultValue: .null(span: .none))])))),
]

@Suite("Parser: type system definitions and extensions")
struct TypeSystemParsingTests {

    // MARK: Schema

    @Test func schemaDefinitionNamesTheRootOperationTypes() throws {
        let definition = try onlyDefinition("schema { query: Query mutation: Mutation subscription: Subscription }")
        #expect(
            definition
                == .schema(
                    SchemaDefinition(
                        operationTypes: [
                            root(.query, "Query"), root(.mutation, "Mutation"), root(.subscription, "Subscription"),
                        ])))
    }

    @Test func schemaDefinitionTakesADescriptionAndDirectives() throws {
        let definition = try onlyDefinition(#""The root." schema @link(url: "https://x.dev") @a { query: Q }"#)
        #expect(
            definition
                == .schema(
                    SchemaDefinition(
                        description: quoted("The root."),
                        directives: [directive("link", ("url", .string(quoted("https://x.dev")))), directive("a")],
                        operationTypes: [root(.query, "Q")])))
    }

    // MARK: Scalars and objects

    @Test func scalarDefinitionsTakeDirectives() throws {
        let document = try parseContent(
            #"""
            scalar Date
            scalar URL @specifiedBy(url: "https://url.spec.whatwg.org/")
            """#)
        #expect(
            document.definitions == [
                .type(.scalar(ScalarTypeDefinition(name: Name("Date")))),
                .type(
                    .scalar(
                        ScalarTypeDefinition(
                            name: Name("URL"),
                            directives: [directive("specifiedBy", ("url", .string(quoted("https://url.spec.whatwg.org/"))))]))),
            ])
    }

    @Test func objectTypesImplementInterfacesAndDefineFieldsWithArguments() throws {
        let definition = try onlyDefinition(
            #"""
            type Photo implements Node & Media @key(fields: "id") {
              id: ID!
              url(size: Int = 64, format: Format = JPEG @deprecated, crop: [Int!] = [0, 0]): String @cached
              tags: [[String!]!]!
            }
            """#)
        #expect(
            definition
                == .type(
                    .object(
                        ObjectTypeDefinition(
                            name: Name("Photo"), interfaces: names("Node", "Media"),
                            directives: [directive("key", ("fields", .string(quoted("id"))))],
                            fields: [
                                fieldDefinition("id", nonNull(named("ID"))),
                                fieldDefinition(
                                    "url", named("String"),
                                    arguments: [
                                        inputValue("size", named("Int"), defaultValue: .int("64", span: .none)),
                                        inputValue(
                                            "format", named("Format"), defaultValue: .enumValue("JPEG", span: .none),
                                            directives: [directive("deprecated")]),
                                        inputValue(
                                            "crop", listOf(nonNull(named("Int"))),
                                            defaultValue: .list([.int("0", span: .none), .int("0", span: .none)], span: .none)),
                                    ],
                                    directives: [directive("cached")]),
                                fieldDefinition("tags", nonNull(listOf(nonNull(listOf(nonNull(named("String"))))))),
                            ]))))
    }

    @Test func aLeadingAmpersandBeforeTheFirstInterfaceIsAllowed() throws {
        let leading = try onlyDefinition("type T implements & A & B { f: Int }")
        let plain = try onlyDefinition("type T implements A & B { f: Int }")
        #expect(leading == plain)
        #expect(
            leading
                == .type(.object(ObjectTypeDefinition(name: Name("T"), interfaces: names("A", "B"), fields: [fieldDefinition("f", named("Int"))]))))
        #expect(try onlyDefinition("type T implements & A") == .type(.object(ObjectTypeDefinition(name: Name("T"), interfaces: names("A")))))
    }

    @Test func objectTypesMayOmitTheirFields() throws {
        let document = try parseContent("type Empty\ntype Marker @tag\ntype Impl implements I")
        #expect(
            document.definitions == [
                .type(.object(ObjectTypeDefinition(name: Name("Empty")))),
                .type(.object(ObjectTypeDefinition(name: Name("Marker"), directives: [directive("tag")]))),
                .type(.object(ObjectTypeDefinition(name: Name("Impl"), interfaces: names("I")))),
            ])
    }

    // MARK: Interfaces, unions, enums, input objects

    @Test func interfacesMayImplementInterfaces() throws {
        let definition = try onlyDefinition("interface Image implements & Node & Resource @d { id: ID! width(unit: Unit): Int }")
        #expect(
            definition
                == .type(
                    .interface(
                        InterfaceTypeDefinition(
                            name: Name("Image"), interfaces: names("Node", "Resource"), directives: [directive("d")],
                            fields: [
                                fieldDefinition("id", nonNull(named("ID"))),
                                fieldDefinition("width", named("Int"), arguments: [inputValue("unit", named("Unit"))]),
                            ]))))
        #expect(try onlyDefinition("interface Node") == .type(.interface(InterfaceTypeDefinition(name: Name("Node")))))
    }

    @Test(
        arguments: [
            ("union U = A", names("A")),
            ("union U = A | B | C", names("A", "B", "C")),
            ("union U = | A | B", names("A", "B")),
            ("union U =\n  | A\n  | B", names("A", "B")),
            ("union U", []),
        ])
    func unionMembersMayStartWithAPipe(text: String, members: [Name]) throws {
        #expect(try onlyDefinition(text) == .type(.union(UnionTypeDefinition(name: Name("U"), types: members))))
    }

    @Test func unionDirectivesComeBeforeTheMembers() throws {
        #expect(
            try onlyDefinition("union SearchResult @cost(weight: 2) = User | Page")
                == .type(
                    .union(
                        UnionTypeDefinition(
                            name: Name("SearchResult"), directives: [directive("cost", ("weight", .int("2", span: .none)))],
                            types: names("User", "Page")))))
    }

    @Test func enumValuesTakeDescriptionsAndDirectives() throws {
        let definition = try onlyDefinition(
            #"""
            enum Color @flags {
              RED
              "Greenish." GREEN @deprecated(reason: "Use TEAL.")
              """
              Bluish.
              """
              BLUE
              on
            }
            """#)
        #expect(
            definition
                == .type(
                    .enumType(
                        EnumTypeDefinition(
                            name: Name("Color"), directives: [directive("flags")],
                            values: [
                                enumValue("RED"),
                                enumValue(
                                    "GREEN", description: quoted("Greenish."),
                                    directives: [directive("deprecated", ("reason", .string(quoted("Use TEAL."))))]),
                                enumValue("BLUE", description: block("Bluish.")),
                                enumValue("on"),
                            ]))))
        #expect(try onlyDefinition("enum Empty @d") == .type(.enumType(EnumTypeDefinition(name: Name("Empty"), directives: [directive("d")]))))
    }

    @Test func inputObjectFieldsTakeDefaultsAndDirectives() throws {
        let definition = try onlyDefinition(
            #"""
            input Filter @oneOf {
              text: String = "x" @trim
              limit: Int! = 10
              tags: [String!] = ["a"]
              range: Range = {from: 1, to: 2}
              nested: Filter
            }
            """#)
        #expect(
            definition
                == .type(
                    .inputObject(
                        InputObjectTypeDefinition(
                            name: Name("Filter"), directives: [directive("oneOf")],
                            fields: [
                                inputValue(
                                    "text", named("String"), defaultValue: .string(quoted("x")), directives: [directive("trim")]),
                                inputValue("limit", nonNull(named("Int")), defaultValue: .int("10", span: .none)),
                                inputValue(
                                    "tags", listOf(nonNull(named("String"))), defaultValue: .list([.string(quoted("a"))], span: .none)),
                                inputValue(
                                    "range", named("Range"),
                                    defaultValue: .object(
                                        [
                                            ObjectField(name: Name("from"), value: .int("1", span: .none)),
                                            ObjectField(name: Name("to"), value: .int("2", span: .none)),
                                        ], span: .none)),
                                inputValue("nested", named("Filter")),
                            ]))))
        #expect(try onlyDefinition("input Empty") == .type(.inputObject(InputObjectTypeDefinition(name: Name("Empty")))))
    }

    // MARK: Directive definitions

    @Test func directiveDefinitionsMayBeRepeatableAndTakeArguments() throws {
        let definition = try onlyDefinition(
            "directive @cache(ttl: Int = 60 @unit(name: SECONDS), scope: Scope) repeatable on FIELD_DEFINITION | OBJECT")
        #expect(
            definition
                == .directive(
                    DirectiveDefinition(
                        name: Name("cache"),
                        arguments: [
                            inputValue(
                                "ttl", named("Int"), defaultValue: .int("60", span: .none),
                                directives: [directive("unit", ("name", .enumValue("SECONDS", span: .none)))]),
                            inputValue("scope", named("Scope")),
                        ],
                        isRepeatable: true, locations: names("FIELD_DEFINITION", "OBJECT"))))
    }

    @Test func directiveLocationsMayStartWithAPipe() throws {
        let definition = try onlyDefinition("directive @d on\n  | FIELD\n  | FRAGMENT_SPREAD\n  | INLINE_FRAGMENT")
        #expect(
            definition
                == .directive(
                    DirectiveDefinition(name: Name("d"), locations: names("FIELD", "FRAGMENT_SPREAD", "INLINE_FRAGMENT"))))
        #expect(try onlyDefinition("directive @e on QUERY") == .directive(DirectiveDefinition(name: Name("e"), locations: names("QUERY"))))
    }

    @Test(arguments: DirectiveLocation.allCases)
    func everyDirectiveLocationIsAccepted(location: DirectiveLocation) throws {
        let definition = try onlyDefinition("directive @d repeatable on \(location.rawValue)")
        #expect(
            definition
                == .directive(DirectiveDefinition(name: Name("d"), isRepeatable: true, locations: names(location.rawValue))))
    }

    // MARK: Descriptions

    @Test(arguments: withoutDescriptions, descriptionForms)
    func everyTypeSystemDefinitionTakesADescription(definition: String, form: (text: String, value: StringValue)) throws {
        let described = try onlyDefinition("\(form.text)\n\(definition)")
        #expect(description(of: described) == form.value)
        var stripped = described
        let bare = try onlyDefinition(definition)
        #expect(description(of: bare) == nil)
        // Apart from the description, the definition reads the same.
        switch stripped {
        case .schema(var node):
            node.description = nil
            stripped = .schema(node)
        case .type(.scalar(var node)):
            node.description = nil
            stripped = .type(.scalar(node))
        case .type(.object(var node)):
            node.description = nil
            stripped = .type(.object(node))
        case .type(.interface(var node)):
            node.description = nil
            stripped = .type(.interface(node))
        case .type(.union(var node)):
            node.description = nil
            stripped = .type(.union(node))
        case .type(.enumType(var node)):
            node.description = nil
            stripped = .type(.enumType(node))
        case .type(.inputObject(var node)):
            node.description = nil
            stripped = .type(.inputObject(node))
        case .directive(var node):
            node.description = nil
            stripped = .directive(node)
        default:
            Issue.record("not a type system definition: \(described)")
        }
        #expect(stripped == bare)
    }

    @Test func fieldsArgumentsEnumValuesAndInputFieldsTakeDescriptions() throws {
        let document = try parseContent(
            #"""
            type Photo {
              "The id." id: ID!
              """
              A sized URL.
              """
              url("Width in pixels." width: Int, """Image format.""" format: Format = PNG): String
            }
            enum Format { "Lossless." PNG """Lossy.""" JPEG }
            input Crop { "Left edge." left: Int """Top edge.""" top: Int = 0 }
            directive @resize("Target size." size: Int) on FIELD
            """#)
        #expect(
            document.definitions == [
                .type(
                    .object(
                        ObjectTypeDefinition(
                            name: Name("Photo"),
                            fields: [
                                fieldDefinition("id", nonNull(named("ID")), description: quoted("The id.")),
                                fieldDefinition(
                                    "url", named("String"), description: block("A sized URL."),
                                    arguments: [
                                        inputValue("width", named("Int"), description: quoted("Width in pixels.")),
                                        inputValue(
                                            "format", named("Format"), description: block("Image format."),
                                            defaultValue: .enumValue("PNG", span: .none)),
                                    ]),
                            ]))),
                .type(
                    .enumType(
                        EnumTypeDefinition(
                            name: Name("Format"),
                            values: [
                                enumValue("PNG", description: quoted("Lossless.")),
                                enumValue("JPEG", description: block("Lossy.")),
                            ]))),
                .type(
                    .inputObject(
                        InputObjectTypeDefinition(
                            name: Name("Crop"),
                            fields: [
                                inputValue("left", named("Int"), description: quoted("Left edge.")),
                                inputValue(
                                    "top", named("Int"), description: block("Top edge."), defaultValue: .int("0", span: .none)),
                            ]))),
                .directive(
                    DirectiveDefinition(
                        name: Name("resize"), arguments: [inputValue("size", named("Int"), description: quoted("Target size."))],
                        locations: names("FIELD"))),
            ])
    }

    // MARK: Extensions

    @Test(arguments: extensions)
    func everyExtensionFormAddsSomething(example: TypeSystemExample) throws {
        #expect(try onlyDefinition(example.text) == example.definition)
    }

    @Test func typeSystemAndExecutableDefinitionsMayShareADocument() throws {
        let document = try parseContent(
            """
            type Query { me: User }
            extend type Query { now: String }
            query { me { id } }
            scalar User
            """)
        #expect(document.definitions.map(\.isExecutable) == [false, false, true, false])
        guard case .typeExtension(.object(let extended)) = document.definitions[1] else {
            Issue.record("expected an object type extension, got \(document.definitions[1])")
            return
        }
        #expect(extended.name == Name("Query"))
        #expect(extended.fields == [fieldDefinition("now", named("String"))])
    }
}
