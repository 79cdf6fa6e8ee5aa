import GraphQLEngine
import Testing

/// Block strings (spec 2.9.4): the `"""` token and BlockStringValue().
@Suite("Lexer: block strings")
struct LexerBlockStringTests {
    /// `raw` wrapped in triple quotes.
    private static func block(_ raw: String) -> String {
        "\"\"\"" + raw + "\"\"\""
    }

    // MARK: - The token

    @Test func emptyBlockString() throws {
        #expect(try lexStringValue(Self.block(""), kind: .blockString) == "")
    }

    @Test func blockStringSpanCoversBothDelimiters() throws {
        let tokens = try lexTokens("a \(Self.block("x\ny")) b")
        #expect(tokens.map(\.kind) == [.name, .blockString, .name])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 1), SourceSpan(start: 2, end: 11), SourceSpan(start: 12, end: 13)])
        #expect(tokens[1].value == "x\ny")
    }

    @Test(arguments: [
        ("simple", "simple"), (#"a "quoted" word"#, #"a "quoted" word"#), (#"two "" quotes"#, #"two "" quotes"#),
        (#"\n\t\u0041\u{1F600}\"\\ end"#, #"\n\t\u0041\u{1F600}\"\\ end"#),
        ("# not a comment", "# not a comment"), ("'single'", "'single'"), ("héllo 世界 😀", "héllo 世界 😀"),
        ("a\u{0}b\u{7}c\u{1F}d\u{7F}", "a\u{0}b\u{7}c\u{1F}d\u{7F}"), ("\u{FEFF}bom", "\u{FEFF}bom"),
    ])
    func charactersAreTakenVerbatimWithoutEscapes(raw: String, value: String) throws {
        #expect(try lexStringValue(Self.block(raw), kind: .blockString) == value)
    }

    @Test(arguments: [
        ("a \\\"\"\" b", "a \"\"\" b"), ("\\\"\"\"", "\"\"\""), ("x\\\"\"\"y", "x\"\"\"y"),
        ("\\\"\"\"\\\"\"\"", "\"\"\"\"\"\""), ("\\\\\"\"\"", "\\\"\"\""),
    ])
    func escapedTripleQuoteIsThreeQuotes(raw: String, value: String) throws {
        #expect(try lexStringValue(Self.block(raw), kind: .blockString) == value)
    }

    @Test func backslashNotBeforeThreeQuotesIsKept() throws {
        #expect(try lexStringValue(Self.block(#"\"" \" \ \\ end"#), kind: .blockString) == #"\"" \" \ \\ end"#)
    }

    @Test func blockStringEndsAtTheFirstThreeQuotes() throws {
        let tokens = try lexTokens(Self.block("a") + "\"\" \"b\"")
        // `"""a"""` then `""` then `"b"`.
        #expect(tokens.map(\.kind) == [.blockString, .string, .string])
        #expect(tokens.map(\.value) == ["a", "", "b"])
    }

    @Test func indentedBlockStringInADocument() throws {
        // The example of the spec's "Block Strings" section.
        let text = """
            mutation {
              sendEmail(message: \"\"\"
                Hello,
                  World!

                Yours,
                  GraphQL.
              \"\"\")
            }
            """
        let tokens = try lexTokens(text)
        let block = try #require(tokens.first { $0.kind == .blockString })
        #expect(block.value == "Hello,\n  World!\n\nYours,\n  GraphQL.")
        #expect(tokens.map(\.kind) == [.name, .braceLeft, .name, .parenLeft, .name, .colon, .blockString, .parenRight, .braceRight])
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineTerminatorInTheTokenBecomesANewLine(terminator: String) throws {
        let raw = ["", "  a", "    b", "  "].joined(separator: terminator)
        #expect(try lexStringValue(Self.block(raw), kind: .blockString) == "a\n  b")
    }

    @Test(arguments: [
        Self.block(""), Self.block("a\nb"), Self.block("\n  a\n    b\n"), Self.block("\r\n\t x\r\n\t y\r\n"),
        Self.block("  first\n    second"), Self.block("\n\n  \n  text\n  \n\n"), Self.block(#"q\"""q"#),
    ])
    func tokenValueIsBlockStringValueOfTheRawText(text: String) throws {
        let raw = String(text.dropFirst(3).dropLast(3)).replacing("\\\"\"\"", with: "\"\"\"")
        #expect(try lexStringValue(text, kind: .blockString) == BlockString.value(raw: raw))
    }

    // MARK: - Unterminated

    @Test(arguments: [
        ("\"\"\"", 1, 4), ("\"\"\"abc", 1, 7), ("\"\"\"abc\"\"", 1, 9), ("\"\"\"abc\"", 1, 8),
        ("\"\"\"\"\"", 1, 6), ("\"\"\"a\\\"\"\"", 1, 9), ("\"\"\"a\nb", 2, 2), ("\"\"\"a\r\n  bc\r\n", 3, 1),
        ("x\n\"\"\"\n\"\n\"\"", 4, 3),
    ])
    func unterminatedBlockStringIsReportedAtTheEndOfFile(text: String, line: Int, column: Int) {
        expectLexError(text, "Unterminated string.", line: line, column: column)
    }

    @Test func invalidUTF8InABlockStringIsRejectedAtTheBadByte() {
        expectLexError(
            bytes: [0x22, 0x22, 0x22, 0x0A, 0x20, 0xC3, 0x28, 0x22, 0x22, 0x22],
            "Invalid character: the byte 0xC3 is not valid UTF-8.", line: 2, column: 2)
    }

    // MARK: - BlockStringValue()

    @Test func commonIndentationIsRemoved() {
        #expect(BlockString.value(raw: "\n    a\n      b\n    c\n") == "a\n  b\nc")
    }

    @Test func firstLineDoesNotCountTowardsIndentationAndKeepsItsOwn() {
        #expect(BlockString.value(raw: "  first\n    second\n      third") == "  first\nsecond\n  third")
        #expect(BlockString.value(raw: "Hello,\n  World!") == "Hello,\nWorld!")
    }

    @Test func leastIndentedLineSetsTheCommonIndentation() {
        #expect(BlockString.value(raw: "\n    a\n  b\n      c") == "  a\nb\n    c")
    }

    @Test func unindentedLineMeansNoIndentationIsRemoved() {
        #expect(BlockString.value(raw: "\n  a\nb\n  c") == "  a\nb\n  c")
    }

    @Test func leadingAndTrailingBlankLinesAreRemoved() {
        #expect(BlockString.value(raw: "\n\n\n  a\n  b\n\n\n") == "a\nb")
    }

    @Test func leadingAndTrailingWhitespaceOnlyLinesAreRemoved() {
        #expect(BlockString.value(raw: "  \n\t\n \t \n    a\n   \n\t\t\n") == "a")
    }

    @Test func blankLinesInsideAreKept() {
        #expect(BlockString.value(raw: "\n  a\n\n\n  b\n") == "a\n\n\nb")
    }

    @Test func whitespaceOnlyLinesDoNotCountTowardsIndentation() {
        // The two-space line would otherwise make the common indentation 2.
        #expect(BlockString.value(raw: "\n    a\n  \n    b") == "a\n\nb")
    }

    @Test func whitespaceOnlyLineLongerThanTheIndentationKeepsTheRest() {
        #expect(BlockString.value(raw: "\n  a\n      \n  b") == "a\n    \nb")
    }

    @Test(arguments: ["", " ", "\t", "   \t  ", "\n", "\n\n\n", "  \n  \n  ", "\r\n \r\n", "\r\r\t\r"])
    func whitespaceOnlyValueIsEmpty(raw: String) {
        #expect(BlockString.value(raw: raw) == "")
    }

    @Test func trailingWhitespaceOnContentLinesIsKept() {
        #expect(BlockString.value(raw: "\n  a  \n  b\t\n") == "a  \nb\t")
    }

    @Test func tabsAndSpacesEachCountAsOneCharacterOfIndentation() {
        #expect(BlockString.value(raw: "\n\t\ta\n\t\tb") == "a\nb")
        #expect(BlockString.value(raw: "\n\t a\n \tb") == "a\nb")
        #expect(BlockString.value(raw: "\n\t\t a\n  b") == " a\nb")
    }

    @Test func onlyTabAndSpaceAreIndentation() {
        // No-break space, ideographic space and form feed are content, not Whitespace.
        #expect(BlockString.value(raw: "\n\u{A0}a\n\u{A0}b") == "\u{A0}a\n\u{A0}b")
        #expect(BlockString.value(raw: "\n  \u{3000}a\n  b") == "\u{3000}a\nb")
        #expect(BlockString.value(raw: "\u{0C}\n a") == "\u{0C}\na")
    }

    @Test(arguments: [
        ("\r\n  a\r\n    b\r\n", "a\n  b"), ("\r  a\r    b\r", "a\n  b"), ("\n  a\r\n    b\r  c\n", "a\n  b\nc"),
        ("a\r\rb", "a\n\nb"), ("a\n\rb", "a\n\nb"), ("a\r\n\r\nb", "a\n\nb"), ("x\ry", "x\ny"),
    ])
    func everyLineTerminatorIsNormalizedToNewLine(raw: String, value: String) {
        #expect(BlockString.value(raw: raw) == value)
    }

    @Test func nonASCIIContentIsUnaffected() {
        #expect(BlockString.value(raw: "\n  é\n    😀 世界\n") == "é\n  😀 世界")
    }

    @Test func singleLineValueIsUnchanged() {
        #expect(BlockString.value(raw: "  both ends  ") == "  both ends  ")
    }

    @Test func rawBytesOverloadAgreesWithTheStringOverload() {
        let raw = "\r\n    one\n      two\r    three\n  "
        let fromBytes = Array(raw.utf8).withUnsafeBufferPointer { BlockString.value(raw: $0) }
        #expect(fromBytes == BlockString.value(raw: raw))
        #expect(fromBytes == "one\n  two\nthree")
    }
}
