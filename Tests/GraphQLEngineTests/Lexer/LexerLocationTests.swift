import GraphQLEngine
import Testing

private typealias Location = GraphQLEngine.SourceLocation

/// Line and column of byte offsets and of lexical errors.
@Suite("Lexer: locations")
struct LexerLocationTests {
    private func location(_ text: String, _ offset: Int) -> Location {
        Source(text).location(of: offset)
    }

    // MARK: - Source.location(of:)

    @Test func firstByteIsLineOneColumnOne() {
        #expect(location("abc", 0) == Location(line: 1, column: 1))
        #expect(location("", 0) == Location(line: 1, column: 1))
    }

    @Test func columnsAdvanceOnePerASCIICharacter() {
        #expect((0...3).map { location("abc", $0) } == (1...4).map { Location(line: 1, column: $0) })
    }

    @Test func tabIsOneColumn() {
        #expect(location("\t\tx", 2) == Location(line: 1, column: 3))
    }

    @Test(arguments: [("a\nb", 2), ("a\r\nb", 3), ("a\rb", 2)])
    func eachLineTerminatorStartsANewLine(text: String, offsetOfB: Int) {
        #expect(location(text, offsetOfB) == Location(line: 2, column: 1))
        #expect(location(text, 1) == Location(line: 1, column: 2))
    }

    @Test func carriageReturnNewLineIsOneLineTerminator() {
        #expect(location("a\r\n\r\nb", 5) == Location(line: 3, column: 1))
    }

    @Test func newLineThenCarriageReturnIsTwoLineTerminators() {
        #expect(location("a\n\rb", 3) == Location(line: 3, column: 1))
    }

    @Test func carriageReturnsInARowAreSeparateLineTerminators() {
        #expect(location("\r\r\rb", 3) == Location(line: 4, column: 1))
        #expect(location("\r\r\nb", 3) == Location(line: 3, column: 1))
    }

    @Test func mixedLineTerminatorsCountOnceEach() {
        let text = "a\nb\r\nc\rd\n\r\ne"
        let offsetOfE = text.utf8.count - 1
        #expect(location(text, offsetOfE) == Location(line: 6, column: 1))
    }

    @Test(arguments: [
        ("é!", 2), ("世!", 3), ("😀!", 4), ("\u{10FFFF}!", 4), ("\u{FEFF}!", 3), ("\u{7F}!", 1), ("\u{80}!", 2),
    ])
    func multiByteCharacterIsOneColumn(text: String, offsetOfBang: Int) {
        #expect(location(text, offsetOfBang) == Location(line: 1, column: 2))
    }

    @Test func columnsCountUnicodeScalarsNotGraphemeClusters() {
        // "e" + combining acute accent: one Character, two scalars.
        #expect(location("e\u{301}x", 3) == Location(line: 1, column: 3))
        // A flag: one Character, two regional-indicator scalars of four bytes each.
        #expect(location("🇫🇷x", 8) == Location(line: 1, column: 3))
    }

    @Test func columnRestartsAfterAMultiByteLine() {
        #expect(location("世界\n世x", 10) == Location(line: 2, column: 2))
    }

    @Test func offsetPastTheEndIsClampedToTheEnd() {
        #expect(location("ab", 100) == Location(line: 1, column: 3))
        #expect(location("a\n", 2) == Location(line: 2, column: 1))
    }

    @Test func negativeOffsetIsClampedToTheStart() {
        #expect(location("ab", -5) == Location(line: 1, column: 1))
    }

    @Test func locationDescriptionIsLineColonColumn() {
        #expect(Location(line: 3, column: 14).description == "3:14")
    }

    // MARK: - Tokens

    @Test func tokenStartsMapToTheirLinesAndColumns() throws {
        let source = Source("query {\n  field(a: \"é\")\r\n\t# c\r}")
        let tokens = try source.tokens()
        #expect(
            tokens.map { source.location(of: Int($0.span.start)) } == [
                Location(line: 1, column: 1), Location(line: 1, column: 7), Location(line: 2, column: 3),
                Location(line: 2, column: 8), Location(line: 2, column: 9), Location(line: 2, column: 10),
                Location(line: 2, column: 12), Location(line: 2, column: 15), Location(line: 4, column: 1),
                Location(line: 4, column: 2),
            ])
    }

    @Test func tokenAfterAMultiLineBlockStringIsOnTheRightLine() throws {
        let source = Source("\"\"\"\r\n  one\r  two\n\"\"\" next")
        let tokens = try lexTokens(source)
        #expect(tokens.map(\.kind) == [.blockString, .name])
        #expect(source.location(of: Int(tokens[1].span.start)) == Location(line: 4, column: 5))
    }

    // MARK: - Errors

    @Test(arguments: ["\n", "\r\n", "\r"])
    func errorOnLineThreeIsReportedThere(terminator: String) {
        expectLexError("a\(terminator)b\(terminator)  ?", #"Unexpected character: "?"."#, line: 3, column: 3)
    }

    @Test func errorAfterMixedLineTerminatorsIsReportedOnTheRightLine() {
        expectLexError("{\r\n  a\n\r  b\r\n    %", #"Unexpected character: "%"."#, line: 5, column: 5)
    }

    @Test func errorAfterMultiByteCharactersCountsThemAsOneColumnEach() {
        expectLexError("\"😀é世\" ?", #"Unexpected character: "?"."#, line: 1, column: 7)
        expectLexError("# 世界 😀\n  ?", #"Unexpected character: "?"."#, line: 2, column: 3)
        expectLexError("\"😀😀", "Unterminated string.", line: 1, column: 4)
    }

    @Test func byteOrderMarkTakesAColumn() {
        expectLexError("\u{FEFF}?", #"Unexpected character: "?"."#, line: 1, column: 2)
    }

    @Test func errorAfterAMultiLineBlockStringCountsItsLines() {
        expectLexError("\"\"\"\none\r\ntwo\rthree\n\"\"\" ?", #"Unexpected character: "?"."#, line: 5, column: 5)
    }

    @Test func escapedNewLineInAStringIsNotALineTerminator() {
        expectLexError(#""a\nb" ?"#, #"Unexpected character: "?"."#, line: 1, column: 8)
    }

    @Test func errorInsideAMultiLineDocumentPointsAtTheOffendingCharacter() {
        let text = """
            query Q {
              user(id: 1) {
                name
                bio(format: "md\\x")
              }
            }
            """
        expectLexError(text, #"Invalid character escape sequence: "\x"."#, line: 4, column: 20)
    }

    @Test func errorLocationIsTheLocationOfItsOffset() {
        let source = Source("a\r\n  \"é\" ?")
        guard let error = lexError(source) else { return }
        #expect(error.offset == 10)
        #expect(error.location(in: source) == source.location(of: error.offset))
        #expect(error.location(in: source) == Location(line: 2, column: 7))
    }
}
