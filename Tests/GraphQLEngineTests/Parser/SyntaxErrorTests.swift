import GraphQLEngine
import Testing

/// A document that fails to parse, with the message (without the `Syntax Error: ` prefix)
/// and the 1-based line and column where it fails.
struct SyntaxErrorExample: Sendable, CustomTestStringConvertible {
    var text: String
    var message: String
    var line: Int
    var column: Int

    init(_ text: String, _ message: String, _ line: Int, _ column: Int) {
        self.text = text
        self.message = message
        self.line = line
        self.column = column
    }

    var testDescription: String { text.debugDescription }
}

private let emptyDocuments: [SyntaxErrorExample] = [
    .init("", "Unexpected <EOF>.", 1, 1),
    .init("  \n# only a comment\n", "Unexpected <EOF>.", 3, 1),
    .init(",,, \t", "Unexpected <EOF>.", 1, 6),
    .init("\"A description of nothing.\"", "Unexpected <EOF>.", 1, 28),
]

private let selectionSetErrors: [SyntaxErrorExample] = [
    .init("{", "Expected Name, found <EOF>.", 1, 2),
    .init("{ a", "Expected Name, found <EOF>.", 1, 4),
    .init("{ a { b }", "Expected Name, found <EOF>.", 1, 10),
    .init("query Q", "Expected \"{\", found <EOF>.", 1, 8),
    .init("query Q @live", "Expected \"{\", found <EOF>.", 1, 14),
    .init("query Q($a: Int)", "Expected \"{\", found <EOF>.", 1, 17),
    .init("mutation ", "Expected \"{\", found <EOF>.", 1, 10),
    .init("{}", "Expected Name, found \"}\".", 1, 2),
    .init("{ a {} }", "Expected Name, found \"}\".", 1, 6),
    .init("query Q {}", "Expected Name, found \"}\".", 1, 10),
    .init("{ a: }", "Expected Name, found \"}\".", 1, 6),
    .init("{ \"Docs.\" a }", "Expected Name, found String \"Docs.\".", 1, 3),
    .init("{ a } }", "Unexpected \"}\".", 1, 7),
    .init("{ a ? }", "Unexpected character: \"?\".", 1, 5),
]

private let variableDefinitionErrors: [SyntaxErrorExample] = [
    .init("query (", "Expected \"$\", found <EOF>.", 1, 8),
    .init("query () { a }", "Expected \"$\", found \")\".", 1, 8),
    .init("query ($a) { b }", "Expected \":\", found \")\".", 1, 10),
    .init("query ($a:) { b }", "Expected Name, found \")\".", 1, 11),
    .init("query ($a: Int { b }", "Expected \"$\", found \"{\".", 1, 16),
    .init("query ($a: [Int) { b }", "Expected \"]\", found \")\".", 1, 16),
    .init("query (a: Int) { b }", "Expected \"$\", found Name \"a\".", 1, 8),
    .init("query ($a: Int = ) { b }", "Unexpected \")\".", 1, 18),
    .init("query Q(\"Docs.\" ) { a }", "Expected \"$\", found \")\".", 1, 17),
]

private let argumentErrors: [SyntaxErrorExample] = [
    .init("{ f(a 1) }", "Expected \":\", found Int \"1\".", 1, 7),
    .init("{ f() }", "Expected Name, found \")\".", 1, 5),
    .init("{ f(a: 1 }", "Expected Name, found \"}\".", 1, 10),
    .init("{ f(a: ) }", "Unexpected \")\".", 1, 8),
    .init("{ f(a: $) }", "Expected Name, found \")\".", 1, 9),
    .init("{ f(a: $1) }", "Expected Name, found Int \"1\".", 1, 9),
    .init("{ f(a: [1 }) }", "Unexpected \"}\".", 1, 11),
    .init("{ f(a: {b 1}) }", "Expected \":\", found Int \"1\".", 1, 11),
    .init("{ f(a: {1: 2}) }", "Expected Name, found Int \"1\".", 1, 9),
    .init("{ f @ }", "Expected Name, found \"}\".", 1, 7),
    .init("{ f @d() }", "Expected Name, found \")\".", 1, 8),
    .init("{ f(\"a\": 1) }", "Expected Name, found String \"a\".", 1, 5),
]

private let fragmentErrors: [SyntaxErrorExample] = [
    .init("fragment on on T { a }", "Unexpected Name \"on\".", 1, 10),
    .init("fragment F { a }", "Expected \"on\", found \"{\".", 1, 12),
    .init("fragment F at T { a }", "Expected \"on\", found Name \"at\".", 1, 12),
    .init("fragment F on { a }", "Expected Name, found \"{\".", 1, 15),
    .init("fragment F on T", "Expected \"{\", found <EOF>.", 1, 16),
    .init("fragment { a }", "Expected Name, found \"{\".", 1, 10),
    .init("{ ... on { a } }", "Expected Name, found \"{\".", 1, 10),
    .init("{ ... }", "Expected \"{\", found \"}\".", 1, 7),
    .init("{ ...F { a } }", "Expected Name, found \"{\".", 1, 8),
    .init("{ ... on T }", "Expected \"{\", found \"}\".", 1, 12),
]

private let definitionKeywordErrors: [SyntaxErrorExample] = [
    .init("qurey { a }", "Unexpected Name \"qurey\".", 1, 1),
    .init("Query { a }", "Unexpected Name \"Query\".", 1, 1),
    .init("notAKeyword", "Unexpected Name \"notAKeyword\".", 1, 1),
    .init("$a", "Unexpected \"$\".", 1, 1),
    .init("123", "Unexpected Int \"123\".", 1, 1),
    .init("\"Docs.\" widget W", "Unexpected Name \"widget\".", 1, 9),
    .init("schema { qury: Q }", "Unexpected Name \"qury\".", 1, 10),
    .init("schema { query Q }", "Expected \":\", found Name \"Q\".", 1, 16),
    .init("schema { query: }", "Expected Name, found \"}\".", 1, 17),
    .init("schema @d", "Expected \"{\", found <EOF>.", 1, 10),
]

private let descriptionErrors: [SyntaxErrorExample] = [
    .init("\"Docs.\" { a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1),
    .init("\"\"\"Docs.\"\"\"\n{ a }", "Unexpected description, descriptions are not supported on shorthand queries.", 1, 1),
    .init("\"Docs.\" extend type T @d", "Unexpected description, descriptions are not supported on type system extensions.", 1, 1),
    .init("\"\"\"\nDocs.\n\"\"\"\nextend scalar S @d", "Unexpected description, descriptions are not supported on type system extensions.", 1, 1),
    .init("\"One.\" \"Two.\" type T", "Unexpected String \"Two.\".", 1, 8),
    .init("\"One.\" \"\"\"Two.\"\"\" type T", "Unexpected BlockString \"Two.\".", 1, 8),
    .init("extend \"Docs.\" type T @d", "Unexpected String \"Docs.\".", 1, 8),
]

private let variablesInConstantValues: [SyntaxErrorExample] = [
    .init("query ($a: Int = $b) { c }", "Unexpected variable \"$b\" in constant value.", 1, 18),
    .init("query ($a: [Int] = [1, $b]) { c }", "Unexpected variable \"$b\" in constant value.", 1, 24),
    .init("query ($a: In = {b: {c: $d}}) { e }", "Unexpected variable \"$d\" in constant value.", 1, 25),
    .init("query ($a: Int @d(x: $b)) { c }", "Unexpected variable \"$b\" in constant value.", 1, 22),
    .init("type T { f(a: Int = $v): Int }", "Unexpected variable \"$v\" in constant value.", 1, 21),
    .init("input I { a: Int = $v }", "Unexpected variable \"$v\" in constant value.", 1, 20),
    .init("type T @key(fields: $f) { a: Int }", "Unexpected variable \"$f\" in constant value.", 1, 21),
    .init("type T { a: Int @d(x: $v) }", "Unexpected variable \"$v\" in constant value.", 1, 23),
    .init("type T { a(b: Int @d(x: $v)): Int }", "Unexpected variable \"$v\" in constant value.", 1, 25),
    .init("scalar S @d(a: $v)", "Unexpected variable \"$v\" in constant value.", 1, 16),
    .init("schema @d(a: $v) { query: Q }", "Unexpected variable \"$v\" in constant value.", 1, 14),
    .init("enum E { A @d(a: $v) }", "Unexpected variable \"$v\" in constant value.", 1, 18),
    .init("directive @d(a: Int = $v) on FIELD", "Unexpected variable \"$v\" in constant value.", 1, 23),
    .init("extend schema @d(a: $v)", "Unexpected variable \"$v\" in constant value.", 1, 21),
    .init("union U @d(a: [$v]) = A", "Unexpected variable \"$v\" in constant value.", 1, 16),
    .init("interface I @d(a: {b: $v})", "Unexpected variable \"$v\" in constant value.", 1, 23),
    .init("extend input I @d(a: $on)", "Unexpected variable \"$on\" in constant value.", 1, 22),
]

private let directiveDefinitionErrors: [SyntaxErrorExample] = [
    .init("directive @d on FOO", "Unexpected Name \"FOO\".", 1, 17),
    .init("directive @d on FIELD | field", "Unexpected Name \"field\".", 1, 25),
    .init("directive @d on FIELD |", "Expected Name, found <EOF>.", 1, 24),
    .init("directive @d on", "Expected Name, found <EOF>.", 1, 16),
    .init("directive @d on | | FIELD", "Expected Name, found \"|\".", 1, 19),
    .init("directive @d FIELD", "Expected \"on\", found Name \"FIELD\".", 1, 14),
    .init("directive @d(a: Int) repeat on FIELD", "Expected \"on\", found Name \"repeat\".", 1, 22),
    .init("directive d on FIELD", "Expected \"@\", found Name \"d\".", 1, 11),
    .init("directive @d() on FIELD", "Expected Name, found \")\".", 1, 14),
]

private let extensionErrors: [SyntaxErrorExample] = [
    .init("extend scalar S", "Unexpected <EOF>.", 1, 16),
    .init("extend scalar S { a: Int }", "Unexpected \"{\".", 1, 17),
    .init("extend type T", "Unexpected <EOF>.", 1, 14),
    .init("extend type T\ntype U { a: Int }", "Unexpected Name \"type\".", 2, 1),
    .init("extend interface I", "Unexpected <EOF>.", 1, 19),
    .init("extend union U", "Unexpected <EOF>.", 1, 15),
    .init("extend union U =", "Expected Name, found <EOF>.", 1, 17),
    .init("extend enum E", "Unexpected <EOF>.", 1, 14),
    .init("extend input I", "Unexpected <EOF>.", 1, 15),
    .init("extend schema", "Unexpected <EOF>.", 1, 14),
    .init("extend type T {}", "Expected Name, found \"}\".", 1, 16),
    .init("extend foo T", "Unexpected Name \"foo\".", 1, 8),
    .init("extend directive @d on FIELD", "Unexpected Name \"directive\".", 1, 8),
    .init("extend", "Unexpected <EOF>.", 1, 7),
    .init("extend { a }", "Unexpected \"{\".", 1, 8),
]

private let enumValueErrors: [SyntaxErrorExample] = [
    .init("enum E { true }", "Name \"true\" is reserved and cannot be used for an enum value.", 1, 10),
    .init("enum E { A false }", "Name \"false\" is reserved and cannot be used for an enum value.", 1, 12),
    .init("enum E { \"Docs.\" null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 18),
    .init("extend enum E { null }", "Name \"null\" is reserved and cannot be used for an enum value.", 1, 17),
    .init("enum E {}", "Expected Name, found \"}\".", 1, 9),
    .init("enum E { 1 }", "Expected Name, found Int \"1\".", 1, 10),
]

private let fieldsDefinitionErrors: [SyntaxErrorExample] = [
    .init("type T {}", "Expected Name, found \"}\".", 1, 9),
    .init("interface I {}", "Expected Name, found \"}\".", 1, 14),
    .init("input I {}", "Expected Name, found \"}\".", 1, 10),
    .init("type T { \"Docs.\" }", "Expected Name, found \"}\".", 1, 18),
    .init("type T { f(): Int }", "Expected Name, found \")\".", 1, 12),
    .init("type T { f(a): Int }", "Expected \":\", found \")\".", 1, 13),
    .init("type T { f Int }", "Expected \":\", found Name \"Int\".", 1, 12),
    .init("type T { f: }", "Expected Name, found \"}\".", 1, 13),
    .init("type T { f: Int ", "Expected Name, found <EOF>.", 1, 17),
    .init("input I { a: Int = }", "Unexpected \"}\".", 1, 20),
]

private let typeReferenceErrors: [SyntaxErrorExample] = [
    .init("query ($a: Int!!) { b }", "Expected \"$\", found \"!\".", 1, 16),
    .init("type T { f: Int!! }", "Expected Name, found \"!\".", 1, 17),
    .init("type T { f: [Int]!! }", "Expected Name, found \"!\".", 1, 19),
    .init("type T { f: [] }", "Expected Name, found \"]\".", 1, 14),
    .init("type T { f: [Int }", "Expected \"]\", found \"}\".", 1, 18),
    .init("type T { f: !Int }", "Expected Name, found \"!\".", 1, 13),
]

private let unionMemberErrors: [SyntaxErrorExample] = [
    .init("union U = |", "Expected Name, found <EOF>.", 1, 12),
    .init("union U = | | A", "Expected Name, found \"|\".", 1, 13),
    .init("union U = A |", "Expected Name, found <EOF>.", 1, 14),
    .init("union U =", "Expected Name, found <EOF>.", 1, 10),
    .init("union U = A | [B]", "Expected Name, found \"[\".", 1, 15),
]

private let implementsErrors: [SyntaxErrorExample] = [
    .init("type T implements { a: Int }", "Expected Name, found \"{\".", 1, 19),
    .init("type T implements", "Expected Name, found <EOF>.", 1, 18),
    .init("type T implements & { a: Int }", "Expected Name, found \"{\".", 1, 21),
    .init("type T implements A & { a: Int }", "Expected Name, found \"{\".", 1, 23),
    .init("type T implements A &", "Expected Name, found <EOF>.", 1, 22),
    .init("interface I implements @d { a: Int }", "Expected Name, found \"@\".", 1, 24),
    .init("extend type T implements", "Expected Name, found <EOF>.", 1, 25),
    .init("type T implements A | B { a: Int }", "Unexpected \"|\".", 1, 21),
]

private let rootOperationTypeNameErrors: [SyntaxErrorExample] = [
    .init("schema { }", "Expected Name, found \"}\".", 1, 10),
    .init("schema { : Q }", "Expected Name, found \":\".", 1, 10),
    .init("schema { query: Q \"Docs.\" }", "Expected Name, found String \"Docs.\".", 1, 19),
    .init("extend schema { }", "Expected Name, found \"}\".", 1, 17),
    .init("extend schema @d { [Q] }", "Expected Name, found \"[\".", 1, 20),
]

private let loneDollarsInConstantValues: [SyntaxErrorExample] = [
    .init("query ($a: Int = $) { b }", "Unexpected \"$\".", 1, 18),
    .init("scalar S @d(a: $ 1)", "Unexpected \"$\".", 1, 16),
    .init("type T { f(a: [Int] = [$]): Int }", "Unexpected \"$\".", 1, 24),
]

private let locationExamples: [SyntaxErrorExample] = [
    .init("query Q {\r\n  a\r\n  b(\r\n}", "Expected Name, found \"}\".", 4, 1),
    .init("query Q {\r  a\r  b(\r}", "Expected Name, found \"}\".", 4, 1),
    .init("{ f(s: \"日本\" t) }", "Expected \":\", found \")\".", 1, 14),
    .init("\"\"\"\n  déjà\n  vu\n\"\"\" foo", "Unexpected Name \"foo\".", 4, 5),
]

/// Runs `body` and checks it fails with `message` at `line`:`column` of `text`.
private func expectFailure<T>(
    _ text: String, _ message: String, line: Int, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation,
    _ body: (Source) throws(SyntaxError) -> T
) {
    let source = Source(text)
    do {
        let result = try body(source)
        Issue.record("expected a syntax error, got \(result)", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == "Syntax Error: " + message, sourceLocation: sourceLocation)
        let location = error.location(in: source)
        #expect(location == GraphQLEngine.SourceLocation(line: line, column: column), sourceLocation: sourceLocation)
    }
}

@Suite("Parser: syntax errors")
struct ParserSyntaxErrorTests {

    private func check(_ example: SyntaxErrorExample, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        expectSyntaxError(
            example.text, example.message, line: example.line, column: example.column, sourceLocation: sourceLocation)
    }

    @Test(arguments: emptyDocuments)
    func aDocumentNeedsAtLeastOneDefinition(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: selectionSetErrors)
    func selectionSetsMustBeClosedAndNonEmpty(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: variableDefinitionErrors)
    func variableDefinitionsNeedADollarNameColonAndType(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: argumentErrors)
    func argumentsNeedANameColonAndValue(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: fragmentErrors)
    func fragmentsNeedANameOtherThanOnAndATypeCondition(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: definitionKeywordErrors)
    func definitionsAndRootTypesStartWithAKnownKeyword(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: descriptionErrors)
    func descriptionsAreRejectedWhereTheGrammarHasNone(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: variablesInConstantValues)
    func variablesAreRejectedInConstantValues(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: directiveDefinitionErrors)
    func directiveDefinitionsNeedAtNameOnAndKnownLocations(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: extensionErrors)
    func extensionsMustExtendAKnownKindWithSomething(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: enumValueErrors)
    func enumValuesCannotBeTrueFalseOrNull(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: fieldsDefinitionErrors)
    func fieldAndInputValueListsCannotBeEmptyOrIncomplete(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: typeReferenceErrors)
    func typesWrapNonNullAtMostOnceAndCloseTheirLists(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: unionMemberErrors)
    func unionMembersAreNamesSeparatedByPipes(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: implementsErrors)
    func implementsNeedsAtLeastOneInterface(example: SyntaxErrorExample) { check(example) }

    /// OperationType is read as a Name first (as graphql-js does), so in a schema's root
    /// operation list anything but a name is reported as `Expected Name`.
    @Test(arguments: rootOperationTypeNameErrors)
    func aRootOperationTypeMustBeAName(example: SyntaxErrorExample) { check(example) }

    /// In a constant value a `$` can never start a value, so the `$` itself is unexpected,
    /// whatever follows it (graphql-js reports the same).
    @Test(arguments: loneDollarsInConstantValues)
    func aDollarWithoutANameInAConstantValueIsUnexpected(example: SyntaxErrorExample) { check(example) }

    @Test(arguments: locationExamples)
    func locationsCountLinesByTerminatorAndColumnsByCharacter(example: SyntaxErrorExample) { check(example) }

    // MARK: The error value itself

    @Test func theErrorCarriesItsReasonAndByteOffset() throws {
        let source = Source("{ f(s: \"日本\" t) }")
        do {
            let document = try parseTree(source)
            Issue.record("expected a syntax error, parsed \(document)")
        } catch {
            #expect(error.reason == .expected(TokenDescription(.colon), found: TokenDescription(.parenRight)))
            // "日本" is 6 bytes but 2 characters: the offset counts bytes, the column characters.
            #expect(error.offset == 17)
            #expect(error.location(in: source) == GraphQLEngine.SourceLocation(line: 1, column: 14))
        }
    }

    @Test func reservedEnumValueAndVariableReasonsNameTheToken() throws {
        do {
            _ = try parseTree("enum E { null }")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.reason == .reservedEnumValue(TokenDescription(.name, value: "null")))
        }
        do {
            _ = try parseTree("query ($a: Int = $b) { c }")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.reason == .variableInConstantValue("b"))
        }
    }

    // MARK: Lone values and types

    @Test(
        arguments: [
            SyntaxErrorExample("", "Unexpected <EOF>.", 1, 1),
            SyntaxErrorExample("1 2", "Expected <EOF>, found Int \"2\".", 1, 3),
            SyntaxErrorExample("[1, ", "Unexpected <EOF>.", 1, 5),
            SyntaxErrorExample("{a: 1", "Expected Name, found <EOF>.", 1, 6),
            SyntaxErrorExample("{a 1}", "Expected \":\", found Int \"1\".", 1, 4),
            SyntaxErrorExample("$", "Expected Name, found <EOF>.", 1, 2),
            SyntaxErrorExample("]", "Unexpected \"]\".", 1, 1),
            SyntaxErrorExample("a b", "Expected <EOF>, found Name \"b\".", 1, 3),
        ])
    func aLoneValueMustBeOneCompleteLiteral(example: SyntaxErrorExample) {
        expectFailure(example.text, example.message, line: example.line, column: example.column) {
            (source) throws(SyntaxError) in try Parser.parseValue(source)
        }
    }

    @Test(
        arguments: [
            SyntaxErrorExample("", "Expected Name, found <EOF>.", 1, 1),
            SyntaxErrorExample("Int!!", "Expected <EOF>, found \"!\".", 1, 5),
            SyntaxErrorExample("[Int", "Expected \"]\", found <EOF>.", 1, 5),
            SyntaxErrorExample("[Int]]", "Expected <EOF>, found \"]\".", 1, 6),
            SyntaxErrorExample("!Int", "Expected Name, found \"!\".", 1, 1),
            SyntaxErrorExample("[]", "Expected Name, found \"]\".", 1, 2),
            SyntaxErrorExample("Int String", "Expected <EOF>, found Name \"String\".", 1, 5),
        ])
    func aLoneTypeMustBeOneCompleteTypeReference(example: SyntaxErrorExample) {
        expectFailure(example.text, example.message, line: example.line, column: example.column) {
            (source) throws(SyntaxError) in try Parser.parseType(source)
        }
    }
}
