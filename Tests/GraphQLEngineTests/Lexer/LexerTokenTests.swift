import GraphQLEngine
import Testing

private typealias Location = GraphQLEngine.SourceLocation

/// Punctuators, names, Ignored tokens and spans (spec 2.1 "Source Text").
@Suite("Lexer: punctuators, names and ignored tokens")
struct LexerTokenTests {
    // MARK: - End of file

    @Test func emptySourceIsOnlyEndOfFile() throws {
        let tokens = try Source("").tokens()
        #expect(tokens.count == 1)
        #expect(tokens.first?.kind == .endOfFile)
        #expect(tokens.first?.span == SourceSpan(start: 0, end: 0))
        #expect(tokens.first?.value == nil)
    }

    @Test func sourceOfOnlyIgnoredTokensIsOnlyEndOfFile() throws {
        let text = "\u{FEFF} \t,\n\r\n\r# a comment\n,,,\t# another"
        let tokens = try Source(text).tokens()
        #expect(tokens.map(\.kind) == [.endOfFile])
        #expect(tokens.first?.span == SourceSpan(start: text.utf8.count, end: text.utf8.count))
    }

    @Test func endOfFileComesAfterTrailingIgnoredTokens() throws {
        let tokens = try Source("a \n# done\n").tokens()
        #expect(tokens.map(\.kind) == [.name, .endOfFile])
        #expect(tokens.last?.span == SourceSpan(start: 10, end: 10))
    }

    // MARK: - Punctuators

    @Test(arguments: [
        ("!", TokenKind.bang), ("$", .dollar), ("&", .ampersand), ("(", .parenLeft), (")", .parenRight),
        ("...", .spread), (":", .colon), ("=", .equals), ("@", .at), ("[", .bracketLeft),
        ("]", .bracketRight), ("{", .braceLeft), ("|", .pipe), ("}", .braceRight),
    ])
    func punctuatorIsOneTokenWithoutValue(text: String, kind: TokenKind) throws {
        let token = try lexOnlyToken(text)
        #expect(token.kind == kind)
        #expect(token.span == SourceSpan(start: 0, end: text.utf8.count))
        #expect(token.value == nil)
    }

    @Test func adjacentPunctuatorsNeedNoSeparator() throws {
        let tokens = try lexTokens("!$&()...:=@[]{|}")
        #expect(
            tokens.map(\.kind) == [
                .bang, .dollar, .ampersand, .parenLeft, .parenRight, .spread, .colon, .equals, .at,
                .bracketLeft, .bracketRight, .braceLeft, .pipe, .braceRight,
            ])
        #expect(tokens.map(\.span.start) == [0, 1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15])
        #expect(tokens.map(\.span.end) == [1, 2, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16])
        #expect(tokens.allSatisfy { $0.value == nil })
    }

    @Test func sixDotsAreTwoSpreads() throws {
        let tokens = try lexTokens("......")
        #expect(tokens.map(\.kind) == [.spread, .spread])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 3), SourceSpan(start: 3, end: 6)])
    }

    @Test func spreadDirectlyBeforeNameIsTwoTokens() throws {
        let tokens = try lexTokens("...Fragment")
        #expect(tokens.map(\.kind) == [.spread, .name])
        #expect(tokens.map(\.value) == [nil, "Fragment"])
    }

    @Test(arguments: [
        (".", 1, 1), ("..", 1, 1), (". . .", 1, 1), (".. .", 1, 1), ("....", 1, 4), ("a.b", 1, 2),
        ("{ .. }", 1, 3), ("\n  .", 2, 3),
    ])
    func dotsThatAreNotASpreadAreRejected(text: String, line: Int, column: Int) {
        expectLexError(text, #"Unexpected character: "."."#, line: line, column: column)
    }

    // MARK: - Names

    @Test(arguments: [
        "a", "Z", "_", "__", "__typename", "a1", "_0", "camelCase", "PascalCase", "snake_case_9", "ALL_CAPS",
        "query", "true", "false", "null", "on",
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
    ])
    func nameIsOneTokenWithItsText(text: String) throws {
        let token = try lexOnlyToken(text)
        #expect(token.kind == .name)
        #expect(token.value == text)
        #expect(token.span == SourceSpan(start: 0, end: text.utf8.count))
    }

    @Test func namesAreCaseSensitive() throws {
        let tokens = try lexTokens("name Name NAME")
        #expect(tokens.map(\.value) == ["name", "Name", "NAME"])
    }

    @Test func nameTakesTheLongestRunOfNameCharacters() throws {
        let tokens = try lexTokens("a1b2_c3 d")
        #expect(tokens.map(\.value) == ["a1b2_c3", "d"])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 7), SourceSpan(start: 8, end: 9)])
    }

    @Test func nameEndsAtPunctuatorsNextToLetterBytes() throws {
        // "@", "[", "]", "{", "}" and "|" sit next to letters in ASCII; none continues a name.
        let tokens = try lexTokens("a@Z[z]A{b|c}")
        #expect(tokens.map(\.kind) == [.name, .at, .name, .bracketLeft, .name, .bracketRight, .name, .braceLeft, .name, .pipe, .name, .braceRight])
        #expect(tokens.compactMap(\.value) == ["a", "Z", "z", "A", "b", "c"])
    }

    @Test(arguments: [("a`", "`"), ("Z^", "^"), ("z\\", "\\"), ("a?", "?"), ("A~", "~")])
    func characterThatIsNotNameContinueEndsNameAndIsRejected(text: String, character: String) {
        expectLexError(text, "Unexpected character: \"\(character)\".", line: 1, column: 2)
    }

    @Test func hyphenIsNotPartOfAName() {
        expectLexError("kebab-case", #"Invalid number, expected digit but got: "c"."#, line: 1, column: 7)
    }

    @Test func nonASCIILetterIsNotPartOfAName() {
        expectLexError("café", "Unexpected character: U+00E9.", line: 1, column: 4)
    }

    @Test func nameCannotStartWithNonASCIILetter() {
        expectLexError("名前", "Unexpected character: U+540D.", line: 1, column: 1)
    }

    // MARK: - Characters outside the grammar

    @Test(arguments: ["?", "%", "^", "*", "+", "/", ";", "<", ">", "\\", "`", "~"])
    func printableASCIIOutsideTheGrammarIsRejectedQuoted(character: String) {
        expectLexError(character, "Unexpected character: \"\(character)\".", line: 1, column: 1)
        expectLexError("{ a \(character) }", "Unexpected character: \"\(character)\".", line: 1, column: 5)
    }

    @Test(arguments: [
        (Unicode.Scalar(0x00)!, "U+0000"), (Unicode.Scalar(0x07)!, "U+0007"), (Unicode.Scalar(0x08)!, "U+0008"),
        (Unicode.Scalar(0x0B)!, "U+000B"), (Unicode.Scalar(0x0C)!, "U+000C"), (Unicode.Scalar(0x1B)!, "U+001B"),
        (Unicode.Scalar(0x1F)!, "U+001F"), (Unicode.Scalar(0x7F)!, "U+007F"), (Unicode.Scalar(0x85)!, "U+0085"),
        (Unicode.Scalar(0xA0)!, "U+00A0"), (Unicode.Scalar(0x200B)!, "U+200B"), (Unicode.Scalar(0x2028)!, "U+2028"),
        (Unicode.Scalar(0x2029)!, "U+2029"), (Unicode.Scalar(0x3000)!, "U+3000"), (Unicode.Scalar(0xFFFD)!, "U+FFFD"),
        (Unicode.Scalar(0xFFFF)!, "U+FFFF"), (Unicode.Scalar(0x1F600)!, "U+1F600"),
        (Unicode.Scalar(0x10FFFF)!, "U+10FFFF"),
    ])
    func otherCharactersOutsideStringsAndCommentsAreRejectedByCodePoint(scalar: Unicode.Scalar, printed: String) {
        expectLexError(lexText(scalar), "Unexpected character: \(printed).", line: 1, column: 1)
        expectLexError("a \(lexText(scalar))", "Unexpected character: \(printed).", line: 1, column: 3)
    }

    @Test func singleQuoteGetsAHint() {
        let message = #"Unexpected single quote character ('), did you mean to use a double quote (")?"#
        expectLexError("'", message, line: 1, column: 1)
        expectLexError("'text'", message, line: 1, column: 1)
        expectLexError("{ f(a: 'x') }", message, line: 1, column: 8)
    }

    // MARK: - Ignored tokens

    @Test func byteOrderMarkAtStartIsIgnored() throws {
        let token = try lexOnlyToken("\u{FEFF}query")
        #expect(token.kind == .name)
        #expect(token.value == "query")
        #expect(token.span == SourceSpan(start: 3, end: 8))
    }

    @Test func byteOrderMarkBetweenTokensIsIgnoredAndSeparatesThem() throws {
        let tokens = try lexTokens("a\u{FEFF}b\u{FEFF}\u{FEFF}{\u{FEFF}")
        #expect(tokens.map(\.kind) == [.name, .name, .braceLeft])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 1), SourceSpan(start: 4, end: 5), SourceSpan(start: 11, end: 12)])
    }

    @Test func truncatedByteOrderMarkIsNotIgnored() {
        expectLexError(bytes: [0xEF, 0xBB, 0x61], "Invalid character: the byte 0xEF is not valid UTF-8.", line: 1, column: 1)
        expectLexError(bytes: [0x61, 0x20, 0xEF, 0xBB], "Invalid character: the byte 0xEF is not valid UTF-8.", line: 1, column: 3)
    }

    @Test func spacesAndTabsSeparateTokens() throws {
        let tokens = try lexTokens(" \t a\t\tb  \t")
        #expect(tokens.map(\.value) == ["a", "b"])
        #expect(tokens.map(\.span) == [SourceSpan(start: 3, end: 4), SourceSpan(start: 6, end: 7)])
    }

    @Test func commasAreIgnored() throws {
        let tokens = try lexTokens(",,a,b,,1,\"s\",")
        #expect(tokens.map(\.kind) == [.name, .name, .int, .string])
        #expect(tokens.map(\.span.start) == [2, 4, 7, 9])
    }

    @Test(arguments: ["\n", "\r", "\r\n", "\n\n", "\r\r", "\n\r", "\r\n\r\n"])
    func lineTerminatorsSeparateTokens(terminator: String) throws {
        let tokens = try lexTokens("a\(terminator)b")
        #expect(tokens.map(\.value) == ["a", "b"])
        let secondStart = 1 + terminator.utf8.count
        #expect(tokens.last?.span == SourceSpan(start: secondStart, end: secondStart + 1))
    }

    @Test func commentRunsToTheEndOfTheLine() throws {
        let tokens = try lexTokens("# a comment { with } tokens\nname")
        #expect(tokens.map(\.kind) == [.name])
        #expect(tokens.first?.span == SourceSpan(start: 28, end: 32))
    }

    @Test(arguments: ["\n", "\r", "\r\n"])
    func commentEndsAtEveryLineTerminator(terminator: String) throws {
        let tokens = try lexTokens("#c\(terminator)name")
        #expect(tokens.map(\.value) == ["name"])
        #expect(tokens.first?.span.start == UInt32(2 + terminator.utf8.count))
    }

    @Test func commentAtEndOfSourceNeedsNoLineTerminator() throws {
        let tokens = try lexTokens("field # trailing comment")
        #expect(tokens.map(\.value) == ["field"])
    }

    @Test func commentDirectlyAfterATokenEndsIt() throws {
        let tokens = try lexTokens("a#b\n1#2\n\"s\"#t")
        #expect(tokens.map(\.kind) == [.name, .int, .string])
        #expect(tokens.map(\.value) == ["a", "1", "s"])
    }

    @Test func emptyCommentsAndCommentsOfHashesAreIgnored() throws {
        let tokens = try lexTokens("#\n##\n# #\na")
        #expect(tokens.map(\.value) == ["a"])
    }

    @Test func commentMayContainNonASCIICharacters() throws {
        let comment = "# héllo wörld 世界 😀 \u{10FFFF} \u{FEFF}"
        let tokens = try lexTokens("\(comment)\nname")
        #expect(tokens.map(\.value) == ["name"])
        let start = comment.utf8.count + 1
        #expect(tokens.first?.span == SourceSpan(start: start, end: start + 4))
    }

    @Test func commentMayContainControlCharactersAndWhatLooksLikeTokens() throws {
        let comment = "# \u{0} \u{7} \u{B} \u{7F} \u{85} \u{2028} ' \"unterminated \"\"\" \\x \\u{110000} ? 01"
        let tokens = try lexTokens("\(comment)\r\nname")
        #expect(tokens.map(\.value) == ["name"])
    }

    @Test func commentWithInvalidUTF8IsRejectedAtTheBadByte() {
        // `# é` then a stray 0xFF.
        expectLexError(
            bytes: [0x23, 0x20, 0xC3, 0xA9, 0xFF, 0x0A, 0x61],
            "Invalid character: the byte 0xFF is not valid UTF-8.", line: 1, column: 4)
    }

    @Test func everyKindOfIgnoredTokenTogether() throws {
        let text = "\u{FEFF}\t{ ,a\r\n# x\r\tb,\n}"
        let tokens = try lexTokens(text)
        #expect(tokens.map(\.kind) == [.braceLeft, .name, .name, .braceRight])
        #expect(tokens.map(\.span.start) == [4, 7, 15, 18])
    }

    // MARK: - Spans

    @Test func spansAreByteRangesOfEachTokensText() throws {
        let source = Source(#"query Q($id: ID! = "x") @skip(if: false) { user(id: $id) { ...F, n: count(first: -1.5e3) } }"#)
        let tokens = try lexTokens(source)
        #expect(
            tokens.map { source.text($0.span) } == [
                "query", "Q", "(", "$", "id", ":", "ID", "!", "=", #""x""#, ")", "@", "skip", "(", "if", ":",
                "false", ")", "{", "user", "(", "id", ":", "$", "id", ")", "{", "...", "F", "n", ":", "count",
                "(", "first", ":", "-1.5e3", ")", "}", "}",
            ])
    }

    @Test func spansCountBytesNotCharacters() throws {
        // "é" is two bytes, "😀" four, "世" three.
        let tokens = try lexTokens("\"é\" x # 世\n\"😀\" y")
        #expect(tokens.map(\.kind) == [.string, .name, .string, .name])
        #expect(
            tokens.map(\.span) == [
                SourceSpan(start: 0, end: 4), SourceSpan(start: 5, end: 6), SourceSpan(start: 13, end: 19),
                SourceSpan(start: 20, end: 21),
            ])
    }

    @Test func valuesAreTextForNamesAndNumbersDecodedForStringsAndNilOtherwise() throws {
        let tokens = try lexTokens(#"name 12 -3.5 "a\tb" """  c  """ ! ..."#)
        #expect(tokens.map(\.kind) == [.name, .int, .float, .string, .blockString, .bang, .spread])
        #expect(tokens.map(\.value) == ["name", "12", "-3.5", "a\tb", "  c  ", nil, nil])
    }

    // MARK: - Token limit

    @Test func tokenLimitCountsTokensButNotEndOfFile() throws {
        let tokens = try Source("a b c").tokens(maxTokens: 3)
        #expect(tokens.map(\.kind) == [.name, .name, .name, .endOfFile])
        #expect(try Source("").tokens(maxTokens: 0).map(\.kind) == [.endOfFile])
    }

    @Test func tokenLimitIsReportedAtTheFirstTokenOverIt() {
        let source = Source("a b\n  c d")
        do {
            let tokens = try source.tokens(maxTokens: 2)
            Issue.record("expected the token limit to stop lexing, read \(tokens.count) tokens")
        } catch {
            #expect(error.message == "Syntax Error: Document contains more than 2 tokens. Parsing aborted.")
            #expect(error.offset == 6)
            #expect(error.location(in: source) == Location(line: 2, column: 3))
        }
    }
}
