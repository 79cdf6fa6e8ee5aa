import GraphQLEngine
import Testing

// Expected trees are built with the public initializers, locations left at `.none`, and
// compared with what `parseContent` (locations dropped) reads from the source text.

private func selectionSet(_ selections: Selection...) -> SelectionSet {
    SelectionSet(selections: selections)
}

private func field(
    _ name: String, alias: String? = nil, arguments: [Argument] = [], directives: [Directive] = [],
    selectionSet: SelectionSet? = nil
) -> Selection {
    .field(
        Field(
            alias: alias.map { Name($0) }, name: Name(name), arguments: arguments, directives: directives,
            selectionSet: selectionSet))
}

private func argument(_ name: String, _ value: Value) -> Argument {
    Argument(name: Name(name), value: value)
}

private func directive(_ name: String, _ arguments: Argument...) -> Directive {
    Directive(name: Name(name), arguments: arguments)
}

private func variable(_ name: String) -> Variable {
    Variable(name: Name(name))
}

private func variableValue(_ name: String) -> Value {
    .variable(variable(name))
}

private func named(_ name: String) -> TypeReference {
    .named(Name(name))
}

private func nonNull(_ type: TypeReference) -> TypeReference {
    .nonNull(type, span: .none)
}

private func listOf(_ type: TypeReference) -> TypeReference {
    .list(type, span: .none)
}

private func int(_ text: String) -> Value {
    .int(text, span: .none)
}

private func string(_ value: String, block: Bool = false) -> StringValue {
    StringValue(value, isBlock: block)
}

private struct NotAnOperation: Error {
    var definition: Definition
}

/// The one operation `text` defines.
private func onlyOperation(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> OperationDefinition
{
    let document = try parseContent(text)
    try #require(document.definitions.count == 1, sourceLocation: sourceLocation)
    guard case .operation(let operation) = document.definitions[0] else {
        throw NotAnOperation(definition: document.definitions[0])
    }
    return operation
}

/// The selections of the one operation `text` defines.
private func selections(of text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    -> [Selection]
{
    try onlyOperation(text, sourceLocation: sourceLocation).selectionSet.selections
}

@Suite("Parser: operations, selections and fragments")
struct ExecutableParsingTests {

    // MARK: Operations

    @Test func aSelectionSetAloneIsAnAnonymousQuery() throws {
        let document = try parseContent("{ hero }")
        #expect(
            document
                == Document(definitions: [
                    .operation(OperationDefinition(operation: .query, selectionSet: selectionSet(field("hero"))))
                ]))
        let operation = try onlyOperation("{ hero }")
        #expect(operation.isShorthand)
    }

    @Test(arguments: OperationType.allCases)
    func aNamedOperationKeepsItsTypeAndName(type: OperationType) throws {
        let document = try parseContent("\(type.rawValue) Feed { items }")
        #expect(
            document.definitions == [
                .operation(
                    OperationDefinition(
                        operation: type, name: Name("Feed"), selectionSet: selectionSet(field("items"))))
            ])
    }

    @Test(arguments: OperationType.allCases)
    func anOperationTypeWithoutANameIsAnonymous(type: OperationType) throws {
        let operation = try onlyOperation("\(type.rawValue) { items }")
        #expect(operation == OperationDefinition(operation: type, selectionSet: selectionSet(field("items"))))
        #expect(operation.name == nil)
    }

    @Test func operationDirectivesMayUseVariables() throws {
        let operation = try onlyOperation("query Feed($live: Boolean) @live(if: $live) @cached { items }")
        #expect(
            operation.directives == [
                directive("live", argument("if", variableValue("live"))),
                directive("cached"),
            ])
        #expect(operation.isShorthand == false)
    }

    @Test func definitionsKeepTheirOrderInTheDocument() throws {
        let document = try parseContent(
            """
            query A { ...F }
            fragment F on T { x }
            mutation B { y }
            { z }
            """)
        #expect(
            document.definitions == [
                .operation(
                    OperationDefinition(
                        operation: .query, name: Name("A"),
                        selectionSet: selectionSet(.fragmentSpread(FragmentSpread(name: Name("F")))))),
                .fragment(
                    FragmentDefinition(name: Name("F"), typeCondition: Name("T"), selectionSet: selectionSet(field("x")))),
                .operation(OperationDefinition(operation: .mutation, name: Name("B"), selectionSet: selectionSet(field("y")))),
                .operation(OperationDefinition(operation: .query, selectionSet: selectionSet(field("z")))),
            ])
        #expect(document.definitions.map(\.isExecutable) == [true, true, true, true])
    }

    // MARK: Variable definitions

    @Test func variablesDeclareNamedListAndNonNullTypes() throws {
        let operation = try onlyOperation(
            "query Q($id: ID!, $tags: [String!]!, $matrix: [[Int]], $limit: Int, $ids: [ID]!) { a }")
        #expect(
            operation.variableDefinitions == [
                VariableDefinition(variable: variable("id"), type: nonNull(named("ID"))),
                VariableDefinition(variable: variable("tags"), type: nonNull(listOf(nonNull(named("String"))))),
                VariableDefinition(variable: variable("matrix"), type: listOf(listOf(named("Int")))),
                VariableDefinition(variable: variable("limit"), type: named("Int")),
                VariableDefinition(variable: variable("ids"), type: nonNull(listOf(named("ID")))),
            ])
    }

    @Test func variablesTakeConstantDefaultValues() throws {
        let operation = try onlyOperation(
            """
            query Q(
              $limit: Int = 10
              $order: Order = DESC
              $filter: Filter = {tags: ["a", "b"], deleted: false}
              $cursor: String = null
              $ratio: Float = 0.5
              $sizes: [Int] = []
            ) { a }
            """)
        #expect(
            operation.variableDefinitions.map(\.defaultValue) == [
                int("10"),
                .enumValue("DESC", span: .none),
                .object(
                    [
                        ObjectField(
                            name: Name("tags"),
                            value: .list([.string(string("a")), .string(string("b"))], span: .none)),
                        ObjectField(name: Name("deleted"), value: .boolean(false, span: .none)),
                    ], span: .none),
                .null(span: .none),
                .float("0.5", span: .none),
                .list([], span: .none),
            ])
    }

    @Test func variablesTakeDirectivesAfterTheirDefault() throws {
        let operation = try onlyOperation(#"query Q($a: Int = 1 @deprecated @tag(name: "x"), $b: Int @internal) { a }"#)
        #expect(
            operation.variableDefinitions == [
                VariableDefinition(
                    variable: variable("a"), type: named("Int"), defaultValue: int("1"),
                    directives: [directive("deprecated"), directive("tag", argument("name", .string(string("x"))))]),
                VariableDefinition(variable: variable("b"), type: named("Int"), directives: [directive("internal")]),
            ])
    }

    @Test func variablesMayCarryQuotedAndBlockDescriptions() throws {
        let operation = try onlyOperation(
            #"""
            query Q(
              "The item's id."
              $id: ID!
              """
              Page size.
              """
              $first: Int = 10
              $after: String
            ) { a }
            """#)
        #expect(
            operation.variableDefinitions == [
                VariableDefinition(description: string("The item's id."), variable: variable("id"), type: nonNull(named("ID"))),
                VariableDefinition(
                    description: string("Page size.", block: true), variable: variable("first"), type: named("Int"),
                    defaultValue: int("10")),
                VariableDefinition(variable: variable("after"), type: named("String")),
            ])
    }

    // MARK: Descriptions on operations and fragments

    @Test func operationsMayCarryQuotedAndBlockDescriptions() throws {
        let document = try parseContent(
            #"""
            "Loads the feed."
            query Feed { a }

            """
            Posts a message.
              Twice indented.
            """
            mutation { b }

            "Streams events." subscription Events($topic: String) @live { c }
            """#)
        #expect(
            document.definitions == [
                .operation(
                    OperationDefinition(
                        description: string("Loads the feed."), operation: .query, name: Name("Feed"),
                        selectionSet: selectionSet(field("a")))),
                .operation(
                    OperationDefinition(
                        description: string("Posts a message.\n  Twice indented.", block: true), operation: .mutation,
                        selectionSet: selectionSet(field("b")))),
                .operation(
                    OperationDefinition(
                        description: string("Streams events."), operation: .subscription, name: Name("Events"),
                        variableDefinitions: [VariableDefinition(variable: variable("topic"), type: named("String"))],
                        directives: [directive("live")], selectionSet: selectionSet(field("c")))),
            ])
    }

    @Test func anAnonymousQueryWithADescriptionIsNotShorthand() throws {
        let operation = try onlyOperation(#""Everything." query { a }"#)
        #expect(operation.description == string("Everything."))
        #expect(operation.isShorthand == false)
    }

    @Test func fragmentsMayCarryQuotedAndBlockDescriptions() throws {
        let document = try parseContent(
            #"""
            "Fields every card shows."
            fragment Card on Item { id }
            """Fields of a user."""
            fragment UserFields on User { name }
            """#)
        #expect(
            document.definitions == [
                .fragment(
                    FragmentDefinition(
                        description: string("Fields every card shows."), name: Name("Card"), typeCondition: Name("Item"),
                        selectionSet: selectionSet(field("id")))),
                .fragment(
                    FragmentDefinition(
                        description: string("Fields of a user.", block: true), name: Name("UserFields"),
                        typeCondition: Name("User"), selectionSet: selectionSet(field("name")))),
            ])
    }

    // MARK: Fields

    @Test func aliasesNameTheResponseKey() throws {
        let selections = try selections(of: "{ small: picture(size: 64) large: picture(size: 1024) picture }")
        #expect(
            selections == [
                field("picture", alias: "small", arguments: [argument("size", int("64"))]),
                field("picture", alias: "large", arguments: [argument("size", int("1024"))]),
                field("picture"),
            ])
        let keys = selections.compactMap { selection -> String? in
            guard case .field(let field) = selection else { return nil }
            return field.responseKey
        }
        #expect(keys == ["small", "large", "picture"])
    }

    @Test func fieldArgumentsKeepTheirOrderAndValues() throws {
        let selections = try selections(
            of: #"{ search(text: "cats", first: 10, after: $cursor, filter: {kind: BOOK}, exact: true) }"#)
        #expect(
            selections == [
                field(
                    "search",
                    arguments: [
                        argument("text", .string(string("cats"))),
                        argument("first", int("10")),
                        argument("after", variableValue("cursor")),
                        argument(
                            "filter",
                            .object([ObjectField(name: Name("kind"), value: .enumValue("BOOK", span: .none))], span: .none)),
                        argument("exact", .boolean(true, span: .none)),
                    ])
            ])
    }

    @Test func fieldDirectivesFollowArguments() throws {
        let selections = try selections(of: "{ name(format: SHORT) @include(if: $withName) @upper }")
        #expect(
            selections == [
                field(
                    "name", arguments: [argument("format", .enumValue("SHORT", span: .none))],
                    directives: [directive("include", argument("if", variableValue("withName"))), directive("upper")])
            ])
    }

    @Test func fieldsNestSelectionSets() throws {
        let selections = try selections(of: "{ viewer { friends(first: 2) { edges { node { name } cursor } } } }")
        #expect(
            selections == [
                field(
                    "viewer",
                    selectionSet: selectionSet(
                        field(
                            "friends", arguments: [argument("first", int("2"))],
                            selectionSet: selectionSet(
                                field(
                                    "edges",
                                    selectionSet: selectionSet(
                                        field("node", selectionSet: selectionSet(field("name"))),
                                        field("cursor")))))))
            ])
    }

    @Test func aFieldCombinesAliasArgumentsDirectivesAndSelections() throws {
        let selections = try selections(of: "{ me: user(id: 4) @cached(ttl: 5) { id ...Names ... on Admin { level } } }")
        #expect(
            selections == [
                field(
                    "user", alias: "me", arguments: [argument("id", int("4"))],
                    directives: [directive("cached", argument("ttl", int("5")))],
                    selectionSet: selectionSet(
                        field("id"),
                        .fragmentSpread(FragmentSpread(name: Name("Names"))),
                        .inlineFragment(
                            InlineFragment(typeCondition: Name("Admin"), selectionSet: selectionSet(field("level"))))))
            ])
    }

    @Test func commasAndCommentsAreInsignificant() throws {
        let plain = try parseContent("query Q($a: Int $b: [Int]) { f(x: 1 y: [1 2]) g }")
        let decorated = try parseContent(
            """
            # The query.
            query Q($a: Int, $b: [Int],) { # opens
              f(x: 1, y: [1, 2,],), # the first field
              ,g,
            }
            """)
        #expect(decorated == plain)
    }

    @Test func keywordsAreOrdinaryNamesOutsideTheirPlaces() throws {
        let document = try parseContent(
            """
            query query { on fragment: query subscription type(extend: true) ... on on { on } }
            fragment fragment on on { mutation }
            """)
        #expect(
            document.definitions == [
                .operation(
                    OperationDefinition(
                        operation: .query, name: Name("query"),
                        selectionSet: selectionSet(
                            field("on"),
                            field("query", alias: "fragment"),
                            field("subscription"),
                            field("type", arguments: [argument("extend", .boolean(true, span: .none))]),
                            .inlineFragment(InlineFragment(typeCondition: Name("on"), selectionSet: selectionSet(field("on"))))
                        ))),
                .fragment(
                    FragmentDefinition(
                        name: Name("fragment"), typeCondition: Name("on"), selectionSet: selectionSet(field("mutation")))),
            ])
    }

    // MARK: Fragments

    @Test func fragmentSpreadsNameAFragmentAndMayTakeDirectives() throws {
        let selections = try selections(of: "{ ...UserFields ...Extra @include(if: $more) @defer }")
        #expect(
            selections == [
                .fragmentSpread(FragmentSpread(name: Name("UserFields"))),
                .fragmentSpread(
                    FragmentSpread(
                        name: Name("Extra"),
                        directives: [directive("include", argument("if", variableValue("more"))), directive("defer")])),
            ])
    }

    @Test func inlineFragmentsWithATypeCondition() throws {
        let selections = try selections(of: "{ ... on User { name } ... on Page @defer(label: \"p\") { title } }")
        #expect(
            selections == [
                .inlineFragment(InlineFragment(typeCondition: Name("User"), selectionSet: selectionSet(field("name")))),
                .inlineFragment(
                    InlineFragment(
                        typeCondition: Name("Page"), directives: [directive("defer", argument("label", .string(string("p"))))],
                        selectionSet: selectionSet(field("title")))),
            ])
    }

    @Test func inlineFragmentsWithoutATypeCondition() throws {
        let selections = try selections(of: "{ ... @skip(if: $x) { id } ... { age } }")
        #expect(
            selections == [
                .inlineFragment(
                    InlineFragment(
                        directives: [directive("skip", argument("if", variableValue("x")))], selectionSet: selectionSet(field("id")))),
                .inlineFragment(InlineFragment(selectionSet: selectionSet(field("age")))),
            ])
    }

    @Test func aSpreadOfANameStartingWithOnIsAFragmentSpread() throws {
        let selections = try selections(of: "{ ...onlineFields ...On }")
        #expect(
            selections == [
                .fragmentSpread(FragmentSpread(name: Name("onlineFields"))),
                .fragmentSpread(FragmentSpread(name: Name("On"))),
            ])
    }

    @Test func fragmentDefinitionsHaveATypeConditionDirectivesAndSelections() throws {
        let document = try parseContent("fragment UserFields on User @tag(name: $n) @other { id ...More friends { id } }")
        #expect(
            document.definitions == [
                .fragment(
                    FragmentDefinition(
                        name: Name("UserFields"), typeCondition: Name("User"),
                        directives: [directive("tag", argument("name", variableValue("n"))), directive("other")],
                        selectionSet: selectionSet(
                            field("id"), .fragmentSpread(FragmentSpread(name: Name("More"))),
                            field("friends", selectionSet: selectionSet(field("id"))))))
            ])
    }

    // MARK: Type references

    @Test(
        arguments: [
            ("Int", named("Int")),
            ("Int!", nonNull(named("Int"))),
            ("[Int]", listOf(named("Int"))),
            ("[Int!]", listOf(nonNull(named("Int")))),
            ("[Int]!", nonNull(listOf(named("Int")))),
            ("[Int!]!", nonNull(listOf(nonNull(named("Int"))))),
            ("[[Int]!]", listOf(nonNull(listOf(named("Int"))))),
            ("[ [ Int ] ] !", nonNull(listOf(listOf(named("Int"))))),
        ])
    func typeReferencesParseAlone(text: String, expected: TypeReference) throws {
        let type = try Parser.parseType(Source(text), keepingLocations: false)
        #expect(type == expected)
        #expect(type.namedType == Name("Int"))
    }
}
