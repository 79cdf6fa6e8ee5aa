import GraphQLEngine
import Testing

private func limits(tokens: Int = .max, depth: Int = 500, bytes: Int = .max) -> ParseOptions {
    ParseOptions(maxTokens: tokens, maxDepth: depth, maxDocumentBytes: bytes)
}

private func tooManyTokens(_ limit: Int) -> String { "Document contains more than \(limit) tokens. Parsing aborted." }
private func tooDeep(_ limit: Int) -> String { "Document nests more than \(limit) levels deep. Parsing aborted." }
private func tooLarge(_ size: Int, _ limit: Int) -> String {
    "Document is \(size) bytes, more than the limit of \(limit) bytes. Parsing aborted."
}

/// Runs `body` on `text` and checks it fails with exactly `message` at `line`:`column`.
private func expectRejected<T>(
    _ text: String, _ message: String, line: Int, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: (Source) throws(SyntaxError) -> T
) {
    let source = Source(text)
    do {
        _ = try body(source)
        Issue.record("expected \"\(message)\", but it parsed", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == "Syntax Error: " + message, sourceLocation: sourceLocation)
        let location = error.location(in: source)
        #expect(location == GraphQLEngine.SourceLocation(line: line, column: column), sourceLocation: sourceLocation)
    }
}

/// `{ a a a ... }` with `fields` fields: `fields + 2` tokens.
private func flatQuery(fields: Int) -> String {
    "{ " + String(repeating: "a ", count: fields) + "}"
}

/// A query a real client might send: variables, fragments, arguments of every kind,
/// selections nine levels deep; 600 sections make about seventy thousand tokens.
private func realisticQuery(sections: Int) -> String {
    var text = """
        query Dashboard($org: ID!, $first: Int = 20, $after: String, $filter: ProjectFilter = {status: [OPEN, BLOCKED], archived: false}, $withMetrics: Boolean!) @trace(name: "dashboard") {

        """
    for section in 0..<sections {
        text += """
              section\(section): organization(id: $org) {
                id name
                projects(first: $first, after: $after, filter: $filter, orderBy: {field: UPDATED_AT, direction: DESC}) {
                  totalCount
                  pageInfo { hasNextPage endCursor }
                  edges { cursor node {
                    ...ProjectCard
                    owner { ... on User { id login avatar(size: 64) } ... on Team { id slug members(first: 5) { nodes { id } } } }
                    metrics @include(if: $withMetrics) { velocity(window: 14) burndown(points: [1, 2, 3.5, -4e2]) }
                  } }
                }
              }

            """
    }
    text += """
        }
        fragment ProjectCard on Project {
          id title description labels(first: 10) { nodes { name color } }
          milestone { dueOn progress(format: "percent") }
        }
        """
    return text
}

@Suite("Parser: limits against hostile documents")
struct ParserLimitTests {

    // MARK: Tokens

    @Test func exceedingMaxTokensFailsAtTheFirstTokenPastTheLimit() {
        expectRejected("{ a b c }", tooManyTokens(4), line: 1, column: 9) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(tokens: 4))
        }
        expectRejected("query {\n  a\n  b\n  c\n}", tooManyTokens(4), line: 4, column: 3) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(tokens: 4))
        }
    }

    @Test func aDocumentOfExactlyMaxTokensParses() throws {
        let document = try parseTree("{ a b c }", options: limits(tokens: 5))
        #expect(document.definitions.count == 1)
    }

    @Test func ignoredTextDoesNotCountAsTokens() throws {
        let document = try parseTree(
            "# a comment, with commas\n\u{FEFF}{ a,,, b, c , } # another\n\t", options: limits(tokens: 5))
        #expect(document.definitions.count == 1)
    }

    @Test func theTokenLimitAppliesToLoneValuesAndTypes() {
        expectRejected("[1, 2, 3]", tooManyTokens(3), line: 1, column: 8) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(tokens: 3))
        }
        expectRejected("[[Int]]!", tooManyTokens(2), line: 1, column: 3) { (source) throws(SyntaxError) in
            try Parser.parseType(source, options: limits(tokens: 2))
        }
    }

    @Test func theDefaultTokenLimitIsOneHundredThousand() throws {
        #expect(ParseOptions.default.maxTokens == 100_000)
        let atLimit = try parseTree(flatQuery(fields: 99_998))
        guard case .operation(let operation) = try #require(atLimit.definitions.first) else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.selectionSet.selections.count == 99_998)
        // Token 100,001 is the 99,999th `a`, at byte 2 + 2 × 99,998.
        expectRejected(flatQuery(fields: 99_999), tooManyTokens(100_000), line: 1, column: 200_001) {
            (source) throws(SyntaxError) in try parseTree(source)
        }
    }

    @Test func trustedOptionsAcceptTwoHundredThousandTokens() throws {
        let text = flatQuery(fields: 199_998)
        let document = try parseTree(text, options: .trusted)
        guard case .operation(let operation) = try #require(document.definitions.first) else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.selectionSet.selections.count == 199_998)
        expectRejected(text, tooManyTokens(100_000), line: 1, column: 200_001) { (source) throws(SyntaxError) in
            try parseTree(source)
        }
    }

    // MARK: Depth

    @Test func nestedSelectionSetsDeeperThanMaxDepthFail() throws {
        let document = try parseTree("{ a { b { c } } }", options: limits(depth: 3))
        #expect(document.definitions.count == 1)
        expectRejected("{ a { b { c { d } } } }", tooDeep(3), line: 1, column: 13) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(depth: 3))
        }
    }

    @Test func nestedListsDeeperThanMaxDepthFail() throws {
        #expect(try Parser.parseValue(Source("[[[1]]]"), options: limits(depth: 3)).span == SourceSpan(start: 0, end: 7))
        expectRejected("[[[[1]]]]", tooDeep(3), line: 1, column: 4) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(depth: 3))
        }
        expectRejected("[[[[]]]]", tooDeep(3), line: 1, column: 4) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(depth: 3))
        }
    }

    @Test func nestedObjectsDeeperThanMaxDepthFail() throws {
        #expect(try Parser.parseValue(Source("{a: {b: 1}}"), options: limits(depth: 2)).span == SourceSpan(start: 0, end: 11))
        expectRejected("{a: {b: {c: 1}}}", tooDeep(2), line: 1, column: 9) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(depth: 2))
        }
        expectRejected("{a: [{b: 1}]}", tooDeep(2), line: 1, column: 6) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(depth: 2))
        }
    }

    @Test func nestedListTypesDeeperThanMaxDepthFail() throws {
        #expect(try Parser.parseType(Source("[[Int]]"), options: limits(depth: 2)).span == SourceSpan(start: 0, end: 7))
        expectRejected("[[[Int]]]", tooDeep(2), line: 1, column: 3) { (source) throws(SyntaxError) in
            try Parser.parseType(source, options: limits(depth: 2))
        }
        expectRejected("query ($a: [[[Int]]]) { b }", tooDeep(2), line: 1, column: 14) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(depth: 2))
        }
        expectRejected("type T { f(a: [[[Int!]!]!]): Int }", tooDeep(2), line: 1, column: 17) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(depth: 2))
        }
    }

    @Test func valuesInsideSelectionsCountTowardTheSameDepth() throws {
        // The selection set is level 1, so the inner list is level 3.
        _ = try parseTree("{ f(a: [1]) }", options: limits(depth: 2))
        expectRejected("{ f(a: [[1]]) }", tooDeep(2), line: 1, column: 9) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(depth: 2))
        }
    }

    @Test func leavingANestedLevelGivesTheDepthBack() throws {
        // Many siblings at the maximum depth: only nesting counts, not how many there are.
        let text = "{ x " + String(repeating: "y { a { b } } ", count: 50) + "}"
        let document = try parseTree(text, options: limits(depth: 3))
        guard case .operation(let operation) = try #require(document.definitions.first) else {
            Issue.record("expected an operation")
            return
        }
        #expect(operation.selectionSet.selections.count == 51)
        let lists = "[" + String(repeating: "[[1]] ", count: 50) + "]"
        guard case .list(let items, _) = try Parser.parseValue(Source(lists), options: limits(depth: 3)) else {
            Issue.record("expected a list")
            return
        }
        #expect(items.count == 50)
    }

    @Test func theDefaultDepthIs128() throws {
        #expect(ParseOptions.default.maxDepth == 128)
        let deepest = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try Parser.parseValue(Source(deepest))
        let tooDeepText = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        expectRejected(tooDeepText, tooDeep(128), line: 1, column: 129) { (source) throws(SyntaxError) in
            try Parser.parseValue(source)
        }
    }

    // MARK: Hostile nesting: fail cleanly, no stack overflow

    @Test(arguments: [ParseOptions.default, ParseOptions.trusted])
    func aHundredThousandNestedListsFailWithTheDepthError(options: ParseOptions) {
        let limit = options.maxDepth
        let brackets = String(repeating: "[", count: 100_000)
        // The level past the limit is opened by bracket `limit + 1`; the error points at that bracket.
        expectRejected(brackets, tooDeep(limit), line: 1, column: limit + 1) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: options)
        }
        expectRejected("{ f(a: " + brackets, tooDeep(limit), line: 1, column: limit + 7) { (source) throws(SyntaxError) in
            try parseTree(source, options: options)
        }
        expectRejected("query ($a: " + brackets, tooDeep(limit), line: 1, column: limit + 12) {
            (source) throws(SyntaxError) in try parseTree(source, options: options)
        }
    }

    @Test(arguments: [ParseOptions.default, ParseOptions.trusted])
    func aHundredThousandNestedSelectionSetsFailWithTheDepthError(options: ParseOptions) {
        let limit = options.maxDepth
        // `{a{a{a...`: level k opens at byte 2(k - 1); the error points at the brace past the limit.
        let text = String(repeating: "{a", count: 100_000)
        expectRejected(text, tooDeep(limit), line: 1, column: 2 * limit + 1) { (source) throws(SyntaxError) in
            try parseTree(source, options: options)
        }
    }

    @Test(arguments: [ParseOptions.default, ParseOptions.trusted])
    func aHundredThousandNestedObjectsFailWithTheDepthError(options: ParseOptions) {
        let limit = options.maxDepth
        // `{a:{a:{a:...`: level k opens at byte 3(k - 1).
        let text = String(repeating: "{a:", count: 100_000)
        expectRejected(text, tooDeep(limit), line: 1, column: 3 * limit + 1) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: options)
        }
    }

    @Test func aHundredThousandBareBracesFailAtTheSecondBrace() {
        // `{{` is not a nested selection set: a selection must start with a name.
        expectRejected(String(repeating: "{", count: 100_000), "Expected Name, found \"{\".", line: 1, column: 2) {
            (source) throws(SyntaxError) in try parseTree(source)
        }
    }

    // MARK: Size

    @Test func documentsLargerThanMaxDocumentBytesFailBeforeReadingATokenAtTheStart() {
        expectRejected("{ abcde }", tooLarge(9, 8), line: 1, column: 1) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(bytes: 8))
        }
        // Checked before lexing: what is in the document does not matter.
        expectRejected("'not even GraphQL'", tooLarge(18, 17), line: 1, column: 1) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(bytes: 17))
        }
        expectRejected("[1, 2]", tooLarge(6, 5), line: 1, column: 1) { (source) throws(SyntaxError) in
            try Parser.parseValue(source, options: limits(bytes: 5))
        }
        expectRejected("[Int]!", tooLarge(6, 5), line: 1, column: 1) { (source) throws(SyntaxError) in
            try Parser.parseType(source, options: limits(bytes: 5))
        }
    }

    @Test func theSizeLimitCountsBytesNotCharacters() throws {
        let text = #"{ a(s: "日本")}"#
        #expect(text.unicodeScalars.count == 13 && text.utf8.count == 17)
        _ = try parseTree(text, options: limits(bytes: 17))
        expectRejected(text, tooLarge(17, 16), line: 1, column: 1) { (source) throws(SyntaxError) in
            try parseTree(source, options: limits(bytes: 16))
        }
    }

    @Test func theDefaultSizeLimitIsOneMebibyte() throws {
        #expect(ParseOptions.default.maxDocumentBytes == 1_048_576)
        let padding = String(repeating: " ", count: 1_048_576 - 5)
        let atLimit = "{ a }" + padding
        #expect(atLimit.utf8.count == 1_048_576)
        _ = try parseTree(atLimit)
        expectRejected(atLimit + " ", tooLarge(1_048_577, 1_048_576), line: 1, column: 1) {
            (source) throws(SyntaxError) in try parseTree(source)
        }
    }

    // MARK: Real documents

    @Test func defaultLimitsAcceptARealisticLargeQuery() throws {
        let text = realisticQuery(sections: 600)
        let tokenCount = try Source(text).tokens().count - 1
        #expect(tokenCount > 60_000 && tokenCount < ParseOptions.default.maxTokens)
        let document = try parseTree(text)
        #expect(document.definitions.count == 2)
        guard case .operation(let operation) = document.definitions[0], case .fragment(let fragment) = document.definitions[1]
        else {
            Issue.record("expected an operation then a fragment")
            return
        }
        #expect(operation.name?.value == "Dashboard")
        #expect(operation.variableDefinitions.count == 5)
        #expect(operation.selectionSet.selections.count == 600)
        #expect(fragment.name.value == "ProjectCard")
    }

    @Test func trustedOptionsLiftSizeAndTokenLimitsButStillBoundDepth() {
        #expect(ParseOptions.trusted.maxTokens == .max)
        #expect(ParseOptions.trusted.maxDocumentBytes == .max)
        #expect(ParseOptions.trusted.maxDepth == 500)
    }
}
