import GraphQLEngine
import Testing

private func int(_ text: String) -> Value { .int(text, span: .none) }
private func float(_ text: String) -> Value { .float(text, span: .none) }
private func string(_ value: String) -> Value { .string(StringValue(value)) }
private func block(_ value: String) -> Value { .string(StringValue(value, isBlock: true)) }
private func enumValue(_ name: String) -> Value { .enumValue(name, span: .none) }
private func list(_ values: Value...) -> Value { .list(values, span: .none) }
private func variable(_ name: String) -> Value { .variable(Variable(name: Name(name))) }
private let null = Value.null(span: .none)
private let yes = Value.boolean(true, span: .none)
private let no = Value.boolean(false, span: .none)

private func object(_ fields: (String, Value)...) -> Value {
    .object(fields.map { ObjectField(name: Name($0.0), value: $0.1) }, span: .none)
}

/// A value literal read on its own, locations dropped.
private func literal(_ text: String) throws -> Value {
    try Parser.parseValue(Source(text), keepingLocations: false)
}

/// The value of argument `a` of the only field of `{ f(a: <text>) }`.
private func argumentValue(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Value {
    let document = try parseContent("{ f(a: \(text)) }")
    guard case .operation(let operation) = try #require(document.definitions.first, sourceLocation: sourceLocation),
        case .field(let field) = try #require(operation.selectionSet.selections.first, sourceLocation: sourceLocation)
    else {
        Issue.record("not a field in an operation", sourceLocation: sourceLocation)
        return null
    }
    return try #require(field.arguments.first, sourceLocation: sourceLocation).value
}

/// The default value of `$v` in `query ($v: T = <text>) { f }`, a constant position.
private func defaultValue(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Value? {
    let document = try parseContent("query ($v: T = \(text)) { f }")
    guard case .operation(let operation) = try #require(document.definitions.first, sourceLocation: sourceLocation)
    else {
        Issue.record("not an operation", sourceLocation: sourceLocation)
        return nil
    }
    return try #require(operation.variableDefinitions.first, sourceLocation: sourceLocation).defaultValue
}

/// A literal and the value it denotes.
struct ValueLiteralExample: Sendable, CustomTestStringConvertible {
    var text: String
    var value: Value
    init(_ text: String, _ value: Value) {
        self.text = text
        self.value = value
    }
    var testDescription: String { text }
}

private let intLiterals: [ValueLiteralExample] = [
    .init("0", int("0")),
    .init("-0", int("-0")),
    .init("42", int("42")),
    .init("-17", int("-17")),
    // Beyond 64 bits: the parser keeps the text; coercion decides what it means.
    .init("123456789012345678901234567890", int("123456789012345678901234567890")),
]

private let floatLiterals: [ValueLiteralExample] = [
    .init("1.5", float("1.5")),
    .init("-0.25", float("-0.25")),
    .init("0.0", float("0.0")),
    .init("1e10", float("1e10")),
    .init("2E-3", float("2E-3")),
    .init("6.02e+23", float("6.02e+23")),
    .init("-1.0e0", float("-1.0e0")),
]

private let stringLiterals: [ValueLiteralExample] = [
    .init("\"\"", string("")),
    .init(#""hello world""#, string("hello world")),
    .init(#""quote \" backslash \\ slash \/ tab \t newline \n""#, string("quote \" backslash \\ slash / tab \t newline \n")),
    .init(#""caf\u00E9""#, string("café")),
    .init(#""\u{1F600}""#, string("😀")),
    .init(#""\uD83D\uDE00""#, string("😀")),
    .init(#""日本語 ü""#, string("日本語 ü")),
    .init("\"\"\"hello\"\"\"", block("hello")),
    .init("\"\"\"\n    first\n      second\n    \"\"\"", block("first\n  second")),
    .init("\"\"\"contains \\\"\"\" quotes\"\"\"", block(#"contains """ quotes"#)),
    .init("\"\"\"no \\n escapes \\u0041\"\"\"", block(#"no \n escapes \u0041"#)),
    .init("\"\"\"\"\"\"", block("")),
]

private let keywordAndEnumLiterals: [ValueLiteralExample] = [
    .init("true", yes),
    .init("false", no),
    .init("null", null),
    .init("RED", enumValue("RED")),
    .init("on", enumValue("on")),
    .init("query", enumValue("query")),
    .init("True", enumValue("True")),
    .init("NULL", enumValue("NULL")),
    .init("nullable", enumValue("nullable")),
    .init("falsey", enumValue("falsey")),
    .init("_internal", enumValue("_internal")),
]

private let listAndObjectLiterals: [ValueLiteralExample] = [
    .init("[]", list()),
    .init("[1, 2, 3]", list(int("1"), int("2"), int("3"))),
    .init(#"[1 "two" THREE 4.0 null true]"#, list(int("1"), string("two"), enumValue("THREE"), float("4.0"), null, yes)),
    .init("[[1, 2], [], [[3]]]", list(list(int("1"), int("2")), list(), list(list(int("3"))))),
    .init("[[]]", list(list())),
    .init("{}", object()),
    .init("{a: 1}", object(("a", int("1")))),
    .init(
        "{a: 1, b: {c: [true, {}]}, d: [{e: E}]}",
        object(("a", int("1")), ("b", object(("c", list(yes, object())))), ("d", list(object(("e", enumValue("E"))))))),
    .init("{null: null, on: on, true: false}", object(("null", null), ("on", enumValue("on")), ("true", no))),
    // The parser keeps duplicate fields; rejecting them is validation's job.
    .init("{a: 1 a: 2}", object(("a", int("1")), ("a", int("2")))),
]

private let variableLiterals: [ValueLiteralExample] = [
    .init("$v", variable("v")),
    .init("$on", variable("on")),
    .init("[$a, 1, $b]", list(variable("a"), int("1"), variable("b"))),
    .init("{k: $v, nested: {deeper: [$w]}}", object(("k", variable("v")), ("nested", object(("deeper", list(variable("w"))))))),
]

private let constantLiterals = intLiterals + floatLiterals + stringLiterals + keywordAndEnumLiterals + listAndObjectLiterals

@Suite("Parser: value literals")
struct ValueParsingTests {

    @Test(arguments: intLiterals)
    func intLiteralsKeepTheirSourceText(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
    }

    @Test(arguments: floatLiterals)
    func floatLiteralsKeepTheirSourceText(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
    }

    @Test(arguments: stringLiterals)
    func stringLiteralsHoldTheirDecodedValue(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
    }

    @Test(arguments: keywordAndEnumLiterals)
    func onlyTrueFalseAndNullAreNotEnumValues(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
    }

    @Test(arguments: listAndObjectLiterals)
    func listsAndObjectsNestAndMayBeEmpty(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
    }

    @Test(arguments: variableLiterals)
    func variablesAreValuesWhereVariablesAreAllowed(example: ValueLiteralExample) throws {
        #expect(try literal(example.text) == example.value)
        #expect(try argumentValue(example.text) == example.value)
    }

    @Test(arguments: constantLiterals)
    func aLiteralMeansTheSameAsAnArgument(example: ValueLiteralExample) throws {
        #expect(try argumentValue(example.text) == example.value)
    }

    @Test(arguments: constantLiterals)
    func aConstantLiteralMeansTheSameAsADefaultValue(example: ValueLiteralExample) throws {
        #expect(try defaultValue(example.text) == example.value)
    }

    @Test func listItemsNeedNoCommas() throws {
        #expect(try literal("[1,2 3,,4 ,]") == list(int("1"), int("2"), int("3"), int("4")))
        #expect(try literal("{a:1,,b:2 c:3,}") == object(("a", int("1")), ("b", int("2")), ("c", int("3"))))
    }

    @Test func variablesMayAppearInEveryNonConstantArgument() throws {
        let document = try parseContent(
            """
            query Q($a: Int, $b: Boolean) @op(x: $a) {
              f(a: $a, list: [$a], obj: {k: $a}) @dir(if: $b)
              ...F @spread(if: $b)
              ... on T @inline(if: $b) { g }
            }
            fragment F on T @frag(x: $a) { h(arg: $a) }
            """)
        guard case .operation(let operation) = document.definitions[0],
            case .fragment(let fragment) = document.definitions[1]
        else {
            Issue.record("expected an operation and a fragment, got \(document.definitions)")
            return
        }
        let a = variable("a")
        let b = variable("b")
        #expect(operation.directives.map(\.arguments) == [[Argument(name: Name("x"), value: a)]])
        let selections = operation.selectionSet.selections
        try #require(selections.count == 3)
        guard case .field(let field) = selections[0], case .fragmentSpread(let spread) = selections[1],
            case .inlineFragment(let inline) = selections[2]
        else {
            Issue.record("unexpected selections \(selections)")
            return
        }
        #expect(field.arguments.map(\.value) == [a, list(a), object(("k", a))])
        #expect(field.directives.first?.arguments.first?.value == b)
        #expect(spread.directives.first?.arguments.first?.value == b)
        #expect(inline.directives.first?.arguments.first?.value == b)
        #expect(fragment.directives.first?.arguments.first?.value == a)
        guard case .field(let fragmentField) = fragment.selectionSet.selections.first else {
            Issue.record("expected a field in the fragment")
            return
        }
        #expect(fragmentField.arguments.first?.value == a)
    }

    @Test func aStringIsMarkedAsBlockOnlyWhenWrittenAsOne() throws {
        let quoted = try literal(#""text""#)
        let blockString = try literal("\"\"\"text\"\"\"")
        guard case .string(let quotedValue) = quoted, case .string(let blockValue) = blockString else {
            Issue.record("expected strings, got \(quoted) and \(blockString)")
            return
        }
        #expect(quotedValue.value == blockValue.value)
        #expect(quotedValue.isBlock == false)
        #expect(blockValue.isBlock == true)
    }
}
