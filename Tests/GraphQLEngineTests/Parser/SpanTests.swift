import GraphQLEngine
import Testing

/// Checks that `span` is the byte range of `text` starting at byte `start` of `source`.
private func expectSpan(
    _ span: SourceSpan, is text: String, at start: Int, in source: Source,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    #expect(span == SourceSpan(start: start, end: start + text.utf8.count), sourceLocation: sourceLocation)
    #expect(source.text(span) == text, sourceLocation: sourceLocation)
}

private struct UnexpectedShape: Error, CustomStringConvertible {
    var description: String
}

private func operation(_ definition: Definition) throws -> OperationDefinition {
    guard case .operation(let node) = definition else { throw UnexpectedShape(description: "not an operation: \(definition)") }
    return node
}

private func field(_ selection: Selection) throws -> Field {
    guard case .field(let node) = selection else { throw UnexpectedShape(description: "not a field: \(selection)") }
    return node
}

private func parsed(_ source: Source) throws -> Document {
    try parseTree(source, options: .default)
}

@Suite("Parser: source spans")
struct ParserSpanTests {

    @Test func aFieldSpansFromItsAliasToTheEndOfItsSelectionSet() throws {
        let source = Source("query Q { pic: profilePic(size: 64) @cached { url } other }")
        let query = try operation(try #require(try parsed(source).definitions.first))
        let pic = try field(query.selectionSet.selections[0])
        expectSpan(pic.span, is: "pic: profilePic(size: 64) @cached { url }", at: 10, in: source)
        expectSpan(try #require(pic.alias).span, is: "pic", at: 10, in: source)
        expectSpan(pic.name.span, is: "profilePic", at: 15, in: source)
        expectSpan(pic.arguments[0].span, is: "size: 64", at: 26, in: source)
        expectSpan(pic.arguments[0].name.span, is: "size", at: 26, in: source)
        expectSpan(pic.arguments[0].value.span, is: "64", at: 32, in: source)
        expectSpan(pic.directives[0].span, is: "@cached", at: 36, in: source)
        expectSpan(pic.directives[0].name.span, is: "cached", at: 37, in: source)
        let selectionSet = try #require(pic.selectionSet)
        expectSpan(selectionSet.span, is: "{ url }", at: 44, in: source)
        expectSpan(try field(selectionSet.selections[0]).span, is: "url", at: 46, in: source)
        expectSpan(query.selectionSet.selections[1].span, is: "other", at: 52, in: source)
        expectSpan(query.span, is: "query Q { pic: profilePic(size: 64) @cached { url } other }", at: 0, in: source)
        expectSpan(try #require(query.name).span, is: "Q", at: 6, in: source)
    }

    @Test func aFieldWithoutSelectionsEndsAtItsLastArgumentOrDirective() throws {
        let source = Source("{ a(x: 1) b @skip(if: true) c }")
        let selections = try operation(try #require(try parsed(source).definitions.first)).selectionSet.selections
        try #require(selections.count == 3)
        expectSpan(selections[0].span, is: "a(x: 1)", at: 2, in: source)
        expectSpan(selections[1].span, is: "b @skip(if: true)", at: 10, in: source)
        expectSpan(selections[2].span, is: "c", at: 28, in: source)
    }

    @Test func theDocumentSpansFromItsFirstTokenToItsLastLeavingOutIgnoredText() throws {
        let source = Source("\n  # leading comment\n  { a }  \n# trailing\n")
        let document = try parsed(source)
        expectSpan(document.span, is: "{ a }", at: 23, in: source)
        expectSpan(document.definitions[0].span, is: "{ a }", at: 23, in: source)
    }

    @Test func anOperationSpanStartsAtItsDescription() throws {
        let source = Source("\"\"\"Docs.\"\"\"\nquery Q($id: ID! = \"x\" @d) @live { a }")
        let query = try operation(try #require(try parsed(source).definitions.first))
        expectSpan(query.span, is: "\"\"\"Docs.\"\"\"\nquery Q($id: ID! = \"x\" @d) @live { a }", at: 0, in: source)
        expectSpan(try #require(query.description).span, is: "\"\"\"Docs.\"\"\"", at: 0, in: source)
        let definition = try #require(query.variableDefinitions.first)
        expectSpan(definition.span, is: #"$id: ID! = "x" @d"#, at: 20, in: source)
        expectSpan(definition.variable.span, is: "$id", at: 20, in: source)
        expectSpan(definition.variable.name.span, is: "id", at: 21, in: source)
        expectSpan(definition.type.span, is: "ID!", at: 25, in: source)
        expectSpan(try #require(definition.defaultValue).span, is: #""x""#, at: 31, in: source)
        expectSpan(definition.directives[0].span, is: "@d", at: 35, in: source)
        expectSpan(query.directives[0].span, is: "@live", at: 39, in: source)
    }

    @Test func eachWrappingOfATypeSpansWhatItWraps() throws {
        let source = Source("query ($a: [Int!]!) { b }")
        let query = try operation(try #require(try parsed(source).definitions.first))
        let type = try #require(query.variableDefinitions.first).type
        expectSpan(type.span, is: "[Int!]!", at: 11, in: source)
        guard case .nonNull(let list, _) = type, case .list(let element, _) = list,
            case .nonNull(let namedType, _) = element
        else {
            Issue.record("unexpected type shape \(type)")
            return
        }
        expectSpan(list.span, is: "[Int!]", at: 11, in: source)
        expectSpan(element.span, is: "Int!", at: 12, in: source)
        expectSpan(namedType.span, is: "Int", at: 12, in: source)
        expectSpan(type.namedType.span, is: "Int", at: 12, in: source)
    }

    @Test func valueSpansCoverTheirWholeLiteralIncludingQuotes() throws {
        let source = Source(#"{ f(a: [1, "two", {k: $v}], b: """x""") }"#)
        let f = try field(try operation(try #require(try parsed(source).definitions.first)).selectionSet.selections[0])
        expectSpan(f.arguments[0].span, is: #"a: [1, "two", {k: $v}]"#, at: 4, in: source)
        let list = f.arguments[0].value
        expectSpan(list.span, is: #"[1, "two", {k: $v}]"#, at: 7, in: source)
        guard case .list(let items, _) = list, items.count == 3, case .object(let fields, _) = items[2] else {
            Issue.record("unexpected value shape \(list)")
            return
        }
        expectSpan(items[0].span, is: "1", at: 8, in: source)
        expectSpan(items[1].span, is: #""two""#, at: 11, in: source)
        expectSpan(items[2].span, is: "{k: $v}", at: 18, in: source)
        expectSpan(fields[0].span, is: "k: $v", at: 19, in: source)
        expectSpan(fields[0].name.span, is: "k", at: 19, in: source)
        expectSpan(fields[0].value.span, is: "$v", at: 22, in: source)
        expectSpan(f.arguments[1].span, is: #"b: """x""""#, at: 28, in: source)
        expectSpan(f.arguments[1].value.span, is: "\"\"\"x\"\"\"", at: 31, in: source)
    }

    @Test func fragmentSpansCoverSpreadsInlineFragmentsAndDefinitions() throws {
        let source = Source("{ ...F @d ... on T { a } ... { b } }\nfragment F on T @d { a }")
        let document = try parsed(source)
        let selections = try operation(document.definitions[0]).selectionSet.selections
        try #require(selections.count == 3)
        expectSpan(selections[0].span, is: "...F @d", at: 2, in: source)
        expectSpan(selections[1].span, is: "... on T { a }", at: 10, in: source)
        if case .inlineFragment(let inline) = selections[1] {
            expectSpan(try #require(inline.typeCondition).span, is: "T", at: 17, in: source)
        } else {
            Issue.record("expected an inline fragment")
        }
        expectSpan(selections[2].span, is: "... { b }", at: 25, in: source)
        guard case .fragment(let fragment) = document.definitions[1] else {
            Issue.record("expected a fragment definition")
            return
        }
        expectSpan(fragment.span, is: "fragment F on T @d { a }", at: 37, in: source)
        expectSpan(fragment.name.span, is: "F", at: 46, in: source)
        expectSpan(fragment.typeCondition.span, is: "T", at: 51, in: source)
    }

    @Test func typeSystemSpansStartAtTheDescriptionOrExtendAndEndAtTheLastToken() throws {
        let source = Source(
            "\"Docs.\"\ntype T implements I @d {\n  f(a: Int = 1): [Int]\n}\nextend type T @e\nextend schema @s\n"
                + "directive @x on FIELD | QUERY\nenum E { A B }\nunion U = | A | B\n")
        let definitions = try parsed(source).definitions
        try #require(definitions.count == 6)
        guard case .type(.object(let object)) = definitions[0], case .typeExtension(.object(let extended)) = definitions[1],
            case .schemaExtension(let schema) = definitions[2], case .directive(let directive) = definitions[3],
            case .type(.enumType(let enumType)) = definitions[4], case .type(.union(let union)) = definitions[5]
        else {
            Issue.record("unexpected definitions \(definitions)")
            return
        }
        expectSpan(object.span, is: "\"Docs.\"\ntype T implements I @d {\n  f(a: Int = 1): [Int]\n}", at: 0, in: source)
        expectSpan(object.name.span, is: "T", at: 13, in: source)
        expectSpan(object.interfaces[0].span, is: "I", at: 26, in: source)
        expectSpan(object.fields[0].span, is: "f(a: Int = 1): [Int]", at: 35, in: source)
        expectSpan(object.fields[0].arguments[0].span, is: "a: Int = 1", at: 37, in: source)
        expectSpan(object.fields[0].type.span, is: "[Int]", at: 50, in: source)
        expectSpan(extended.span, is: "extend type T @e", at: 58, in: source)
        expectSpan(schema.span, is: "extend schema @s", at: 75, in: source)
        expectSpan(directive.span, is: "directive @x on FIELD | QUERY", at: 92, in: source)
        expectSpan(directive.name.span, is: "x", at: 103, in: source)
        expectSpan(enumType.values[0].span, is: "A", at: 131, in: source)
        expectSpan(enumType.values[1].span, is: "B", at: 133, in: source)
        expectSpan(union.span, is: "union U = | A | B", at: 137, in: source)
    }

    @Test func spansCountBytesNotCharacters() throws {
        let source = Source(#"{ a(s: "日本") b }"#)
        let selections = try operation(try #require(try parsed(source).definitions.first)).selectionSet.selections
        let a = try field(selections[0])
        expectSpan(a.arguments[0].value.span, is: #""日本""#, at: 7, in: source)
        expectSpan(selections[1].span, is: "b", at: 17, in: source)
    }

    @Test func droppingLocationsLeavesEverySpanEmpty() throws {
        let document = try parseContent("query Q($a: [Int]) { f(x: [1]) @d ...F ... on T { g } }")
        #expect(document.span == .none)
        let query = try operation(document.definitions[0])
        #expect(query.span == .none)
        #expect(query.name?.span == SourceSpan.none)
        #expect(query.variableDefinitions[0].span == .none)
        #expect(query.variableDefinitions[0].type.span == .none)
        #expect(query.selectionSet.span == .none)
        #expect(query.selectionSet.selections.map(\.span) == [.none, .none, .none])
        let f = try field(query.selectionSet.selections[0])
        #expect(f.name.span == .none)
        #expect(f.arguments[0].span == .none)
        #expect(f.arguments[0].value.span == .none)
        #expect(f.directives[0].span == .none)
    }

    @Test func keepingLocationsIsTheDefault() throws {
        let source = Source("{ a }")
        let document = try parseTree(source)
        expectSpan(document.span, is: "{ a }", at: 0, in: source)
    }
}
