import GraphQLEngine
import Testing

/// Parses `text` and prints it back in canonical form.
private func reprinted(_ text: String) throws -> String {
    Printer.print(try parseContent(text))
}

/// Prints a lone value literal as the printer writes it inside a document.
private func reprintedValue(_ text: String) throws -> String {
    Printer.print(try parseValueContent(text))
}

private let tripleQuote = "\"\"\""

private func string(_ value: String, block: Bool = false) -> String {
    Printer.print(Value.string(StringValue(value, isBlock: block)))
}

@Suite("Printer: operations and selections")
struct PrinterOperationTests {
    @Test func shorthandQueryStaysAnOpeningBrace() throws {
        #expect(try reprinted("{a}") == "{\n  a\n}")
    }

    @Test func anonymousQueryWithoutAnythingElseIsPrintedAsShorthand() throws {
        #expect(try reprinted("query { a }") == "{\n  a\n}")
    }

    @Test func namedOperationsKeepTheirKeywordAndName() throws {
        #expect(try reprinted("query Q { a }") == "query Q {\n  a\n}")
        #expect(try reprinted("mutation M { a }") == "mutation M {\n  a\n}")
        #expect(try reprinted("subscription S { a }") == "subscription S {\n  a\n}")
    }

    @Test func anonymousMutationAndSubscriptionKeepTheirKeyword() throws {
        #expect(try reprinted("mutation { a }") == "mutation {\n  a\n}")
        #expect(try reprinted("subscription { a }") == "subscription {\n  a\n}")
    }

    @Test func anonymousQueryWithVariablesPutsASpaceBeforeTheParenthesis() throws {
        #expect(try reprinted("query($id: ID!) { a }") == "query ($id: ID!) {\n  a\n}")
    }

    @Test func anonymousQueryWithDirectivesIsNotShorthand() throws {
        #expect(try reprinted("query @live { a }") == "query @live {\n  a\n}")
    }

    @Test func variablesAreCommaSeparatedWithTypesDefaultsAndDirectives() throws {
        let text = """
            query Q($a: Int = 1 $b: [String!]! @tag(name: "x") @other, $c: [[In]] = [{x: 1}, {}] $d: E = RED) { a }
            """
        #expect(
            try reprinted(text)
                == #"query Q($a: Int = 1, $b: [String!]! @tag(name: "x") @other, $c: [[In]] = [{x: 1}, {}], $d: E = RED) {"#
                + "\n  a\n}")
    }

    @Test func variableDescriptionsComeBeforeTheVariable() throws {
        #expect(try reprinted(#"query Q("The id." $id: ID) { a }"#) == "query Q(\"The id.\" $id: ID) {\n  a\n}")
    }

    @Test func operationDescriptionIsOnTheLineAbove() throws {
        #expect(try reprinted(#""Loads things." query Q { a }"#) == "\"Loads things.\"\nquery Q {\n  a\n}")
        #expect(try reprinted(#""Anonymous." query { a }"#) == "\"Anonymous.\"\nquery {\n  a\n}")
    }

    @Test func operationDirectivesFollowTheNameAndVariables() throws {
        #expect(try reprinted("query Q($a: Int) @live @cost(max: 10) { a }") == "query Q($a: Int) @live @cost(max: 10) {\n  a\n}")
    }

    @Test func nestedSelectionsAreIndentedTwoSpacesPerLevel() throws {
        let expected = #"""
            {
              a {
                b {
                  c
                  d
                }
                e
              }
              f
            }
            """#
        #expect(try reprinted("{ a { b { c, d } e } f }") == expected)
    }

    @Test func fieldsKeepAliasesArgumentsAndDirectivesInOrder() throws {
        let expected = #"""
            {
              me: user(id: 4, size: $size) @include(if: $on) @skip(if: false) {
                id
              }
              plain
            }
            """#
        #expect(try reprinted("{me:user(id:4 size:$size)@include(if:$on)@skip(if:false){id} plain}") == expected)
    }

    @Test func fragmentSpreadsKeepTheirDirectives() throws {
        #expect(try reprinted("{ ...Card ...Other @include(if: $x) }") == "{\n  ...Card\n  ...Other @include(if: $x)\n}")
    }

    @Test func inlineFragmentsPrintWithAndWithoutTypeCondition() throws {
        let expected = #"""
            {
              ... on User {
                name
              }
              ... on Bot @defer {
                owner
              }
              ... @include(if: $all) {
                id
              }
              ... {
                createdAt
              }
            }
            """#
        #expect(
            try reprinted("{ ... on User { name } ... on Bot @defer { owner } ... @include(if: $all) { id } ... { createdAt } }")
                == expected)
    }

    @Test func fragmentDefinitionsPrintDescriptionTypeConditionAndDirectives() throws {
        let expected = #"""
            "A card."
            fragment Card on User @cached(ttl: 5) {
              id
            }
            """#
        #expect(try reprinted(#""A card." fragment Card on User @cached(ttl: 5) { id }"#) == expected)
    }

    @Test func definitionsAreSeparatedByOneBlankLine() throws {
        let expected = #"""
            {
              a
            }

            query B {
              b
            }

            fragment F on T {
              c
            }
            """#
        #expect(try reprinted("{a} query B {b}\n\n\n fragment F on T {c}") == expected)
    }

    @Test func shorthandQueryAfterATypeSystemDefinitionIsWrittenWithItsKeyword() {
        // `type T` followed by `{` would read the brace as the type's fields.
        let shorthand = OperationDefinition(
            operation: .query, selectionSet: SelectionSet(selections: [.field(Field(name: Name("a")))]))
        let document = Document(definitions: [.type(.object(ObjectTypeDefinition(name: Name("T")))), .operation(shorthand)])
        #expect(Printer.print(document) == "type T\n\nquery {\n  a\n}")
    }

    @Test func shorthandQueryAfterAnExecutableDefinitionStaysShorthand() throws {
        #expect(try reprinted("fragment F on T { a } { b }") == "fragment F on T {\n  a\n}\n\n{\n  b\n}")
        #expect(try reprinted("query Q { a } { b }") == "query Q {\n  a\n}\n\n{\n  b\n}")
    }

    @Test func commentsAndCommasAreNotPrinted() throws {
        #expect(try reprinted("# leading\n{ a, # after a\n b,,, }\n# trailing") == "{\n  a\n  b\n}")
    }

    @Test func blockStringArgumentIsIndentedWithItsField() throws {
        let text = #"""
            { a { b(text: """
            first
              second
            """) } }
            """#
        let expected = #"""
            {
              a {
                b(text: """
                first
                  second
                """)
              }
            }
            """#
        #expect(try reprinted(text) == expected)
    }
}

@Suite("Printer: values and types")
struct PrinterValueTests {
    @Test func numbersKeepTheirSourceText() throws {
        #expect(try reprintedValue("-12") == "-12")
        #expect(try reprintedValue("0") == "0")
        #expect(try reprintedValue("-0") == "-0")
        #expect(try reprintedValue("1.5e-3") == "1.5e-3")
        #expect(try reprintedValue("6.02E+23") == "6.02E+23")
        #expect(try reprintedValue("-0.0") == "-0.0")
        #expect(Printer.print(Value.float("2e10", span: .none)) == "2e10")
    }

    @Test func booleansNullEnumsAndVariables() throws {
        #expect(try reprintedValue("true") == "true")
        #expect(try reprintedValue("false") == "false")
        #expect(try reprintedValue("null") == "null")
        #expect(try reprintedValue("RED") == "RED")
        #expect(try reprintedValue("$first") == "$first")
    }

    @Test func plainStringsAreQuoted() {
        #expect(string("hello") == #""hello""#)
        #expect(string("") == "\"\"")
    }

    @Test func quoteAndBackslashAreEscaped() {
        #expect(string(#"say "hi" \ bye"#) == #""say \"hi\" \\ bye""#)
    }

    @Test func shortEscapesAreUsedForTheirControlCharacters() {
        #expect(string("a\nb") == #""a\nb""#)
        #expect(string("a\rb") == #""a\rb""#)
        #expect(string("a\tb") == #""a\tb""#)
        #expect(string("a\u{08}b") == #""a\bb""#)
        #expect(string("a\u{0C}b") == #""a\fb""#)
    }

    @Test func otherControlCharactersAreUnicodeEscapes() {
        #expect(string("\u{07}") == #""\u0007""#)
        #expect(string("\u{00}") == #""\u0000""#)
        #expect(string("\u{1B}[0m") == #""\u001B[0m""#)
        #expect(string("\u{1F}") == #""\u001F""#)
        #expect(string("\u{7F}") == #""\u007F""#)
        #expect(string("\u{85}") == #""\u0085""#)
        #expect(string("\u{9F}") == #""\u009F""#)
    }

    @Test func nonAsciiTextIsWrittenAsIs() {
        #expect(string("café ☎ 😀 \u{A0}") == "\"café ☎ 😀 \u{A0}\"")
        #expect(string("/") == #""/""#)
    }

    @Test func escapedInputIsPrintedWithCanonicalEscapes() throws {
        #expect(try reprintedValue(#""\u00e9\u{1F600}\/\uD83D\uDE00\u0041""#) == #""é😀/😀A""#)
    }

    @Test func blockStringsStayBlockStrings() {
        #expect(string("one line", block: true) == tripleQuote + "one line" + tripleQuote)
        #expect(string("first\nsecond", block: true) == "\"\"\"\nfirst\nsecond\n\"\"\"")
    }

    @Test func blockStringThatCannotBeOneIsQuoted() {
        #expect(string("\nstarts blank", block: true) == #""\nstarts blank""#)
        #expect(string("ends with a blank line\n  ", block: true) == #""ends with a blank line\n  ""#)
        #expect(string("carriage\rreturn", block: true) == #""carriage\rreturn""#)
    }

    @Test func listsAreCommaSeparatedInBrackets() throws {
        #expect(try reprintedValue("[1 2, 3]") == "[1, 2, 3]")
        #expect(try reprintedValue("[]") == "[]")
        #expect(try reprintedValue(#"[[1, [2]], [], ["a", null]]"#) == #"[[1, [2]], [], ["a", null]]"#)
    }

    @Test func objectsAreCommaSeparatedFieldsInBraces() throws {
        #expect(try reprintedValue("{a: 1 b: {c: RED d: [$v]}}") == "{a: 1, b: {c: RED, d: [$v]}}")
        #expect(try reprintedValue("{}") == "{}")
    }

    @Test func typeReferencesPrintWrappersInPlace() {
        let name = TypeReference.named(Name("Int"))
        #expect(Printer.print(name) == "Int")
        #expect(Printer.print(TypeReference.nonNull(name, span: .none)) == "Int!")
        #expect(Printer.print(TypeReference.list(name, span: .none)) == "[Int]")
        let deep = TypeReference.nonNull(
            .list(.list(.nonNull(name, span: .none), span: .none), span: .none), span: .none)
        #expect(Printer.print(deep) == "[[Int!]]!")
    }
}

@Suite("Printer: type system")
struct PrinterTypeSystemTests {
    @Test func schemaDefinitionListsRootTypesOnePerLine() throws {
        let expected = #"""
            "The schema."
            schema @link(url: "x") {
              query: Q
              mutation: M
              subscription: S
            }
            """#
        #expect(try reprinted(#""The schema." schema @link(url: "x") { query: Q mutation: M subscription: S }"#) == expected)
    }

    @Test func scalarWithDescriptionOnItsOwnLine() throws {
        #expect(try reprinted(#""A date." scalar Date @specifiedBy(url: "u")"#) == "\"A date.\"\nscalar Date @specifiedBy(url: \"u\")")
        #expect(try reprinted("scalar JSON") == "scalar JSON")
    }

    @Test func objectTypesListInterfacesWithAmpersands() throws {
        let expected = #"""
            type User implements Node & Named @key(fields: "id") {
              id: ID!
              name: String
            }
            """#
        #expect(try reprinted(#"type User implements & Node & Named @key(fields: "id") { id: ID! name: String }"#) == expected)
    }

    @Test func typeWithoutFieldsHasNoBraces() throws {
        #expect(try reprinted("type Empty") == "type Empty")
        #expect(try reprinted("interface Marker @tag") == "interface Marker @tag")
    }

    @Test func interfacesCanImplementInterfaces() throws {
        #expect(try reprinted("interface B implements A { id: ID }") == "interface B implements A {\n  id: ID\n}")
    }

    @Test func fieldDescriptionsAreIndentedWithTheField() throws {
        let text = #"""
            """
            A user.
            """
            type User {
              "The id."
              id: ID!
              """
              The name,
                as given.
              """
              name: String @deprecated(reason: "no")
            }
            """#
        let expected = #"""
            """A user."""
            type User {
              "The id."
              id: ID!
              """
              The name,
                as given.
              """
              name: String @deprecated(reason: "no")
            }
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func argumentsWithoutDescriptionsStayOnOneLine() throws {
        #expect(
            try reprinted("type Q { search(text: String!, limit: Int = 10 @tag, kinds: [Kind!] = [A, B]): [R] }")
                == "type Q {\n  search(text: String!, limit: Int = 10 @tag, kinds: [Kind!] = [A, B]): [R]\n}")
    }

    @Test func argumentsWithADescriptionArePrintedOnePerLine() throws {
        let text = #"""
            type Q { search("The text." text: String!, """
            At most this many.
            """ limit: Int = 10, other: Boolean): [R] @cost(weight: 2) }
            """#
        let expected = #"""
            type Q {
              search(
                "The text."
                text: String!
                """At most this many."""
                limit: Int = 10
                other: Boolean
              ): [R] @cost(weight: 2)
            }
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func multiLineArgumentDescriptionIsIndentedToTheArgument() throws {
        let text = #"""
            type Q { f(
              """
              Line one.
              Line two.
              """
              a: Int): Int }
            """#
        let expected = #"""
            type Q {
              f(
                """
                Line one.
                Line two.
                """
                a: Int
              ): Int
            }
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func unionsJoinMembersWithPipes() throws {
        #expect(try reprinted("union U @tag = | A | B | C") == "union U @tag = A | B | C")
        #expect(try reprinted("union Nothing") == "union Nothing")
    }

    @Test func enumValuesAreOnePerLineWithDescriptionsAndDirectives() throws {
        let text = #"enum Color { "Warm." RED GREEN @deprecated(reason: "gone") BLUE }"#
        let expected = #"""
            enum Color {
              "Warm."
              RED
              GREEN @deprecated(reason: "gone")
              BLUE
            }
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func inputFieldsKeepDefaultsAndDirectives() throws {
        let text = #"input Filter @oneOf { "Only unread." unread: Boolean = false, tags: [String!]! = ["a"] @tag, at: In = {x: 1} }"#
        let expected = #"""
            input Filter @oneOf {
              "Only unread."
              unread: Boolean = false
              tags: [String!]! = ["a"] @tag
              at: In = {x: 1}
            }
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func directiveDefinitionsPrintRepeatableAndLocations() throws {
        #expect(
            try reprinted(#""Tags." directive @tag(name: String = "x") repeatable on | FIELD_DEFINITION | OBJECT"#)
                == "\"Tags.\"\ndirective @tag(name: String = \"x\") repeatable on FIELD_DEFINITION | OBJECT")
        #expect(try reprinted("directive @live on QUERY") == "directive @live on QUERY")
    }

    @Test func directiveDefinitionWithDescribedArgumentsPrintsThemOnePerLine() throws {
        let expected = #"""
            directive @cost(
              "Weight."
              weight: Int!
            ) on FIELD_DEFINITION
            """#
        #expect(try reprinted(#"directive @cost("Weight." weight: Int!) on FIELD_DEFINITION"#) == expected)
    }

    @Test func schemaExtensionsWithAndWithoutRootTypes() throws {
        #expect(try reprinted("extend schema @tag") == "extend schema @tag")
        #expect(try reprinted("extend schema @tag { query: Q }") == "extend schema @tag {\n  query: Q\n}")
        #expect(try reprinted("extend schema { mutation: M }") == "extend schema {\n  mutation: M\n}")
    }

    @Test func everyTypeExtensionKeepsItsKeywordAndAdditions() throws {
        let text = #"""
            extend scalar Date @tag
            extend type User implements Node @key(fields: "id") { age: Int }
            extend type User implements Named
            extend interface Node @tag
            extend interface Named implements Node { name: String }
            extend union U = C | D
            extend union U @tag
            extend enum Color { "New." PURPLE }
            extend enum Color @tag
            extend input Filter { limit: Int = 1 }
            extend input Filter @tag
            """#
        let expected = #"""
            extend scalar Date @tag

            extend type User implements Node @key(fields: "id") {
              age: Int
            }

            extend type User implements Named

            extend interface Node @tag

            extend interface Named implements Node {
              name: String
            }

            extend union U = C | D

            extend union U @tag

            extend enum Color {
              "New."
              PURPLE
            }

            extend enum Color @tag

            extend input Filter {
              limit: Int = 1
            }

            extend input Filter @tag
            """#
        #expect(try reprinted(text) == expected)
    }

    @Test func blockDescriptionEscapesTripleQuotes() throws {
        let text = #"""
            """
            Say \""" twice \"""
            """
            scalar S
            """#
        #expect(try reprinted(text) == tripleQuote + #"Say \"# + tripleQuote + #" twice \"# + tripleQuote + tripleQuote + "\nscalar S")
    }

    @Test func quotedDescriptionWithNewlineStaysQuoted() throws {
        #expect(try reprinted(#""One\nTwo" scalar S"#) == #""One\nTwo""# + "\nscalar S")
    }

    @Test func constructedDescriptionsUseTheirKindAndIndentation() {
        let field = FieldDefinition(
            description: StringValue("Line one.\nLine two.", isBlock: true), name: Name("f"),
            type: .named(Name("Int")))
        let object = ObjectTypeDefinition(
            description: StringValue("Quoted \"one\"."), name: Name("T"), fields: [field])
        let document = Document(definitions: [.type(.object(object))])
        let expected = #"""
            "Quoted \"one\"."
            type T {
              """
              Line one.
              Line two.
              """
              f: Int
            }
            """#
        #expect(Printer.print(document) == expected)
    }
}
