import GraphQLEngine
import Testing

/// IntValue and FloatValue (spec 2.9.1 "Int Value" and 2.9.2 "Float Value").
@Suite("Lexer: numbers")
struct LexerNumberTests {
    @Test(arguments: ["0", "-0", "1", "9", "-9", "10", "123", "-123", "1234567890", "9876543210123456789012345678901234567890"])
    func integerIsAnIntTokenWithItsText(text: String) throws {
        let token = try lexOnlyToken(text)
        #expect(token.kind == .int)
        #expect(token.value == text)
        #expect(token.span == SourceSpan(start: 0, end: text.utf8.count))
    }

    @Test(arguments: [
        "0.0", "-0.0", "0.5", "1.5", "-1.5", "3.14159", "10.01", "1e10", "1E10", "1e+3", "1E+3", "1e-3", "1E-3",
        "1.5e-3", "-1.5E+10", "0e0", "-0e-0", "0E+0", "6.0221413e23", "123.456e789", "1.000000000000000000001",
        "-0.0000001e-0000001",
    ])
    func numberWithFractionOrExponentIsAFloatTokenWithItsText(text: String) throws {
        let token = try lexOnlyToken(text)
        #expect(token.kind == .float)
        #expect(token.value == text)
        #expect(token.span == SourceSpan(start: 0, end: text.utf8.count))
    }

    @Test func numbersAreSeparatedByIgnoredTokens() throws {
        let tokens = try lexTokens("1,2 3\n-4\t5.0\r6e1")
        #expect(tokens.map(\.kind) == [.int, .int, .int, .int, .float, .float])
        #expect(tokens.map(\.value) == ["1", "2", "3", "-4", "5.0", "6e1"])
    }

    @Test func numberMayBeFollowedDirectlyByPunctuatorsStringsAndComments() throws {
        let tokens = try lexTokens("[1]{-2}(3.5)4:5=6$7!8@9|1.5&0\"s\"2e2#c")
        #expect(
            tokens.map(\.kind) == [
                .bracketLeft, .int, .bracketRight, .braceLeft, .int, .braceRight, .parenLeft, .float, .parenRight,
                .int, .colon, .int, .equals, .int, .dollar, .int, .bang, .int, .at, .int, .pipe, .float,
                .ampersand, .int, .string, .float,
            ])
        #expect(tokens.filter { $0.kind == .int || $0.kind == .float }.map(\.value) == [
            "1", "-2", "3.5", "4", "5", "6", "7", "8", "9", "1.5", "0", "2e2",
        ])
    }

    @Test func minusSignAfterANumberStartsTheNextNumber() throws {
        // `-` is not in the lookahead restriction of IntValue or FloatValue.
        let tokens = try lexTokens("1-1 -0-0 1.5-2e1 a-3")
        #expect(tokens.map(\.kind) == [.int, .int, .int, .int, .float, .float, .name, .int])
        #expect(tokens.map(\.value) == ["1", "-1", "-0", "-0", "1.5", "-2e1", "a", "-3"])
    }

    @Test func numberFollowedBySpreadIsRejectedAtTheDot() {
        // `.` may not follow a number, even when it starts `...`.
        expectLexError("1...", #"Invalid number, expected digit but got: "."."#, line: 1, column: 3)
        expectLexError("1.5...", #"Invalid number, expected digit but got: "."."#, line: 1, column: 4)
    }

    @Test func numberFollowedByNonASCIICharacterEndsBeforeIt() throws {
        // Only Digit, `.` and NameStart are excluded after a number; "é" is an error of its own.
        expectLexError("1é", "Unexpected character: U+00E9.", line: 1, column: 2)
        expectLexError("1.5😀", "Unexpected character: U+1F600.", line: 1, column: 4)
    }

    @Test func spaceBeforeFractionMakesALoneDot() {
        expectLexError("1 .5", #"Unexpected character: "."."#, line: 1, column: 3)
    }

    @Test func negativeZeroIsAnInt() throws {
        let token = try lexOnlyToken("-0")
        #expect(token.kind == .int)
        #expect(token.value == "-0")
    }

    // MARK: - Errors

    @Test(arguments: [
        ("01", "1", 2), ("00", "0", 2), ("-01", "1", 3), ("-00", "0", 3), ("007", "0", 2), ("00.5", "0", 2),
        ("01e1", "1", 2), ("0123456789", "1", 2),
    ])
    func leadingZeroIsRejectedAtTheNextDigit(text: String, digit: String, column: Int) {
        expectLexError(text, "Invalid number, unexpected digit after 0: \"\(digit)\".", line: 1, column: column)
    }

    @Test(arguments: [
        // The fractional part needs a digit.
        ("1.", "<EOF>", 3), ("-1.", "<EOF>", 4), ("0.", "<EOF>", 3), ("1.a", #""a""#, 3), ("1.e1", #""e""#, 3),
        ("1..2", #"".""#, 3), ("1. 5", #"" ""#, 3), ("1.-5", #""-""#, 3), ("1.,", #"",""#, 3), ("1.\n", "U+000A", 3),
        ("1.\t", "U+0009", 3), ("1.\"", #"'"'"#, 3), ("1.é", "U+00E9", 3), ("1.😀", "U+1F600", 3),
        // The exponent needs a digit, after an optional sign.
        ("1e", "<EOF>", 3), ("1E", "<EOF>", 3), ("1e+", "<EOF>", 4), ("1e-", "<EOF>", 4), ("1.5e", "<EOF>", 5),
        ("1ea", #""a""#, 3), ("1e+a", #""a""#, 4), ("1e++1", #""+""#, 4), ("1e+-1", #""-""#, 4), ("1e.5", #"".""#, 3),
        ("1e 1", #"" ""#, 3), ("1.5E-x", #""x""#, 6),
        // A lone sign, or a sign not followed by a digit.
        ("-", "<EOF>", 2), ("-a", #""a""#, 2), ("- 1", #"" ""#, 2), ("--1", #""-""#, 2), ("-.5", #"".""#, 2),
        ("-+1", #""+""#, 2), ("-_", #""_""#, 2), ("-\n1", "U+000A", 2),
        // A number may not be followed by `.` or a NameStart.
        ("1a", #""a""#, 2), ("123abc", #""a""#, 4), ("0x1", #""x""#, 2), ("0xFF", #""x""#, 2), ("0b101", #""b""#, 2),
        ("0x1.2p3", #""x""#, 2), ("123L", #""L""#, 4), ("1_000", #""_""#, 2), ("0_", #""_""#, 2), ("-1z", #""z""#, 3),
        ("1.2.3", #"".""#, 4), ("1.23.4", #"".""#, 5), ("12.3a", #""a""#, 5), ("1.5e3.1", #"".""#, 6),
        ("1e1e1", #""e""#, 4), ("1e10a", #""a""#, 5), ("1.0E", "<EOF>", 5), ("0.0_1", #""_""#, 4), ("-0.5f", #""f""#, 5),
    ])
    func malformedNumberIsRejectedAtTheOffendingCharacter(text: String, got: String, column: Int) {
        expectLexError(text, "Invalid number, expected digit but got: \(got).", line: 1, column: column)
    }

    @Test(arguments: [".5", ".123", ".e1", ".0e1"])
    func numberCannotStartWithADot(text: String) {
        expectLexError(text, #"Unexpected character: "."."#, line: 1, column: 1)
    }

    @Test func negativeSignCannotBeFollowedByADot() {
        expectLexError("-.", #"Invalid number, expected digit but got: "."."#, line: 1, column: 2)
    }

    @Test func numberErrorIsReportedWhereItIsInALargerDocument() {
        expectLexError("{\n  f(a: 1.)\n}", #"Invalid number, expected digit but got: ")"."#, line: 2, column: 10)
        expectLexError("query {\r\n  f(a: 012)\r\n}", #"Invalid number, unexpected digit after 0: "1"."#, line: 2, column: 9)
        expectLexError("{ f(a: 3, b: 4x) }", #"Invalid number, expected digit but got: "x"."#, line: 1, column: 15)
    }

    @Test func numberErrorOffsetIsTheByteOfTheOffendingCharacter() {
        // The string "é" takes bytes 0..<4.
        expectLexErrorOffset("\"é\" 01", 6)
        expectLexErrorOffset("\"é\" 1.", 7)
        expectLexErrorOffset("\"é\" 1x", 6)
    }
}
