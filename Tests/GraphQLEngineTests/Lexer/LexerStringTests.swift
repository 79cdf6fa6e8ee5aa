import GraphQLEngine
import Testing

/// Quoted strings (spec 2.9.4 "String Value"): characters, escapes, and source validity.
@Suite("Lexer: strings")
struct LexerStringTests {
    // MARK: - Plain strings

    @Test(arguments: [
        ("\"\"", ""), (#""a""#, "a"), (#""hello world""#, "hello world"), (#""  padded  ""#, "  padded  "),
        ("\"# not a comment\"", "# not a comment"), (#""it's""#, "it's"), (#""{ a(b: 1) }""#, "{ a(b: 1) }"),
        (#""a/b""#, "a/b"), (#""01 1. .5""#, "01 1. .5"), ("\"tab\there\"", "tab\there"),
    ])
    func stringValueIsItsCharactersBetweenTheQuotes(text: String, value: String) throws {
        #expect(try lexStringValue(text) == value)
    }

    @Test func emptyStringsSeparatedByIgnoredTokensAreSeparateTokens() throws {
        let tokens = try lexTokens("\"\" \"\",\"\"")
        #expect(tokens.map(\.kind) == [.string, .string, .string])
        #expect(tokens.map(\.value) == ["", "", ""])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 2), SourceSpan(start: 3, end: 5), SourceSpan(start: 6, end: 8)])
    }

    @Test func adjacentStringsAreSeparateTokens() throws {
        let tokens = try lexTokens(#""a""b""#)
        #expect(tokens.map(\.value) == ["a", "b"])
        #expect(tokens.map(\.span) == [SourceSpan(start: 0, end: 3), SourceSpan(start: 3, end: 6)])
    }

    @Test func sixQuotesAreOneEmptyBlockStringNotThreeEmptyStrings() throws {
        #expect(try lexStringValue(String(repeating: "\"", count: 6), kind: .blockString) == "")
    }

    @Test func nonASCIICharactersAreKeptAsTheyAre() throws {
        let value = "héllo wörld 世界 😀 \u{10FFFF} \u{E000} \u{FFFD}"
        #expect(try lexStringValue("\"\(value)\"") == value)
    }

    @Test func combiningCharactersAreKeptScalarByScalar() throws {
        let value = try lexStringValue("\"e\u{301}\"")
        #expect(Array(value.unicodeScalars) == ["e", "\u{301}"])
    }

    @Test func byteOrderMarkInsideAStringIsPartOfItsValue() throws {
        #expect(try lexStringValue("\"\u{FEFF}a\u{FEFF}\"") == "\u{FEFF}a\u{FEFF}")
    }

    /// Since the September 2025 spec a StringCharacter is any SourceCharacter but `"`, `\`
    /// and LineTerminator, so control characters may appear raw.
    @Test(arguments: [
        0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0E, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, 0xA0, 0x2028, 0x2029,
    ] as [UInt32])
    func rawControlAndSeparatorCharactersAreAllowed(codePoint: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(codePoint))
        let value = try lexStringValue("\"a\(lexText(scalar))b\"")
        #expect(Array(value.unicodeScalars) == ["a", scalar, "b"])
    }

    // MARK: - Escapes

    @Test(arguments: [
        (#"\""#, "\""), (#"\\"#, "\\"), (#"\/"#, "/"), (#"\b"#, "\u{08}"), (#"\f"#, "\u{0C}"), (#"\n"#, "\n"),
        (#"\r"#, "\r"), (#"\t"#, "\t"),
    ])
    func characterEscapeStandsForItsCharacter(escape: String, value: String) throws {
        #expect(try lexStringValue("\"\(escape)\"") == value)
        #expect(try lexStringValue("\"x\(escape)y\"") == "x\(value)y")
    }

    @Test func escapesCanFollowEachOtherAndMixWithText() throws {
        let value = try lexStringValue(#""\"\\\/\b\f\n\r\t q\u0041\u{42}é\n""#)
        #expect(value == "\"\\/\u{08}\u{0C}\n\r\t qABé\n")
    }

    @Test func escapedQuoteDoesNotEndTheString() throws {
        let tokens = try lexTokens(#""say \"hi\"" x"#)
        #expect(tokens.map(\.kind) == [.string, .name])
        #expect(tokens.first?.value == #"say "hi""#)
        #expect(tokens.first?.span == SourceSpan(start: 0, end: 12))
    }

    @Test func escapedBackslashBeforeTheQuoteEndsTheString() throws {
        let tokens = try lexTokens(#""a\\" b"#)
        #expect(tokens.map(\.value) == [#"a\"#, "b"])
    }

    @Test(arguments: [
        (#"\u0041"#, "A"), (#"\u00e9"#, "é"), (#"\u00E9"#, "é"), (#"\u0000"#, "\u{0}"), (#"\u001F"#, "\u{1F}"),
        (#"\u20AC"#, "€"), (#"\u20ac"#, "€"), (#"\uD7FF"#, "\u{D7FF}"), (#"\uE000"#, "\u{E000}"),
        (#"\uFEFF"#, "\u{FEFF}"), (#"\uFFFF"#, "\u{FFFF}"), (#"\uaBcD"#, "\u{ABCD}"), (#"\u00410"#, "A0"),
    ])
    func fixedWidthUnicodeEscapeTakesExactlyFourHexDigits(escape: String, value: String) throws {
        #expect(try lexStringValue("\"\(escape)\"") == value)
    }

    @Test(arguments: [
        (#"\u{0}"#, "\u{0}"), (#"\u{41}"#, "A"), (#"\u{e9}"#, "é"), (#"\u{E9}"#, "é"), (#"\u{20AC}"#, "€"),
        (#"\u{D7FF}"#, "\u{D7FF}"), (#"\u{E000}"#, "\u{E000}"), (#"\u{FFFF}"#, "\u{FFFF}"), (#"\u{10000}"#, "\u{10000}"),
        (#"\u{1F600}"#, "😀"), (#"\u{1f600}"#, "😀"), (#"\u{10FFFF}"#, "\u{10FFFF}"),
        (#"\u{0041}"#, "A"), (#"\u{000000000041}"#, "A"), (#"\u{00000000000000000010FFFF}"#, "\u{10FFFF}"),
        (#"\u{00000000}"#, "\u{0}"),
    ])
    func variableWidthUnicodeEscapeTakesAnyNumberOfHexDigits(escape: String, value: String) throws {
        #expect(try lexStringValue("\"\(escape)\"") == value)
        #expect(try lexStringValue("\"<\(escape)>\"") == "<\(value)>")
    }

    @Test(arguments: [
        (#"\uD83D\uDE00"#, "😀"), (#"\ud83d\ude00"#, "😀"), (#"\uD83D\uDCA9"#, "\u{1F4A9}"),
        (#"\uD800\uDC00"#, "\u{10000}"), (#"\uDBFF\uDFFF"#, "\u{10FFFF}"), (#"\uD834\uDD1E"#, "\u{1D11E}"),
    ])
    func surrogatePairOfFixedWidthEscapesIsOneCharacter(escape: String, value: String) throws {
        #expect(try lexStringValue("\"\(escape)\"") == value)
        #expect(try lexStringValue("\"a\(escape)b\(escape)\"") == "a\(value)b\(value)")
    }

    @Test func surrogatePairEqualsTheVariableWidthEscape() throws {
        #expect(try lexStringValue(#""\uD83D\uDCA9""#) == lexStringValue(#""\u{1F4A9}""#))
    }

    // MARK: - Invalid escapes

    @Test(arguments: [
        // Surrogates that do not form a pair.
        (#""\uD83D""#, #"\uD83D"#), (#""\uDE00""#, #"\uDE00"#), (#""\uDEAD""#, #"\uDEAD"#), (#""\uDFFF""#, #"\uDFFF"#),
        (#""\uD800""#, #"\uD800"#), (#""\uDBFF""#, #"\uDBFF"#), (#""\uD83Dx""#, #"\uD83D"#),
        (#""\uD83D\u0041""#, #"\uD83D"#), (#""\uD83D\uD83D""#, #"\uD83D"#), (#""\uDE00\uD83D""#, #"\uDE00"#),
        (#""\uD83D\u{DE00}""#, #"\uD83D"#), (#""\uD83D\n""#, #"\uD83D"#), (#""\uD83D"#, #"\uD83D"#),
        (#""\uD83D\uDE0""#, #"\uD83D"#),
        // Variable width: must be a Unicode scalar value, i.e. no surrogate and at most 10FFFF.
        (#""\u{D800}""#, #"\u{D800}"#), (#""\u{DFFF}""#, #"\u{DFFF}"#), (#""\u{DEAD}""#, #"\u{DEAD}"#),
        (#""\u{D83D}\u{DE00}""#, #"\u{D83D}"#), (#""\u{110000}""#, #"\u{110000}"#),
        (#""\u{00110000}""#, #"\u{00110000}"#), (#""\u{FFFFFFFF}""#, #"\u{FFFFFFF"#),
        // Variable width: at least one hex digit, only hex digits, and a closing brace.
        (#""\u{}""#, #"\u{}"#), (#""\u{1F600""#, #"\u{1F600""#), (#""\u{12G4}""#, #"\u{12G"#),
        (#""\u{ 41}""#, #"\u{ "#), (#""\u{-1}""#, #"\u{-"#), (#""\u{41""#, #"\u{41""#), (#""\u{"#, #"\u{"#),
        (#""\u{41"#, #"\u{41"#), (#""\u{0x41}""#, #"\u{0x"#),
        // Fixed width: exactly four hex digits.
        (#""\u""#, #"\u""#), (#""\u12""#, #"\u12""#), (#""\u123""#, #"\u123""#), (#""\uXYZW""#, #"\uXYZW"#),
        (#""\u00G0""#, #"\u00G0"#), (#""\u 041""#, #"\u 041"#), (#""\u"#, #"\u"#), (#""\u12"#, #"\u12"#),
    ])
    func invalidUnicodeEscapeIsRejectedAtItsBackslash(text: String, sequence: String) {
        expectLexError(text, "Invalid Unicode escape sequence: \"\(sequence)\".", line: 1, column: 2)
    }

    @Test func unicodeEscapeErrorIsReportedWhereItIsInALargerDocument() {
        expectLexError(#"{ f(a: "ok\uDEAD") }"#, #"Invalid Unicode escape sequence: "\uDEAD"."#, line: 1, column: 11)
        expectLexError("{\n  f(a: \"é\\u{110000}\")\n}", #"Invalid Unicode escape sequence: "\u{110000}"."#, line: 2, column: 10)
    }

    /// An error quotes the source, so it must quote whole characters: a multi-byte
    /// character where a hex digit was expected is shown entire, as `\é` is below,
    /// not cut into bytes that print as U+FFFD.
    @Test(arguments: [
        ("\"\\u{😀}\"", #"\u{😀"#), ("\"\\u{1é}\"", #"\u{1é"#), ("\"\\u{10FF世}\"", #"\u{10FF世"#),
        ("\"\\u0😀\"", #"\u0😀"#), ("\"\\u00😀\"", #"\u00😀"#), ("\"\\u😀\"", #"\u😀"#), ("\"\\u00é\"", #"\u00é"#),
    ])
    func unicodeEscapeErrorQuotesWholeCharacters(text: String, sequence: String) {
        expectLexError(text, "Invalid Unicode escape sequence: \"\(sequence)\".", line: 1, column: 2)
    }

    @Test(arguments: [[0x22, 0x5C, 0xFF, 0x22], [0x22, 0x5C, 0x75, 0x30, 0xFF, 0x22], [0x22, 0x5C, 0x75, 0x7B, 0xFF, 0x22]] as [[UInt8]])
    func invalidUTF8InsideAnEscapeIsNotQuotedAsAReplacementCharacter(bytes: [UInt8]) {
        guard let error = lexError(Source(bytes: bytes)) else { return }
        #expect(!error.message.unicodeScalars.contains("\u{FFFD}"), "\(error.message)")
    }

    @Test(arguments: [
        (#""\x""#, #"\x"#), (#""\a""#, #"\a"#), (#""\0""#, #"\0"#), (#""\U0041""#, #"\U"#), (#""\'""#, #"\'"#),
        (#""\ ""#, #"\ "#), (#""\v""#, #"\v"#), (#""\N""#, #"\N"#), (#""\{""#, #"\{"#), (#""\é""#, #"\é"#),
        (#""\😀""#, #"\😀"#), (#""\"#, #"\"#),
    ])
    func unknownCharacterEscapeIsRejectedAtItsBackslash(text: String, sequence: String) {
        expectLexError(text, "Invalid character escape sequence: \"\(sequence)\".", line: 1, column: 2)
    }

    @Test func backslashBeforeALineTerminatorIsAnInvalidEscape() {
        expectLexError("\"a\\\nb\"", "Invalid character escape sequence: \"\\\n\".", line: 1, column: 3)
        expectLexError("\"a\\\r\nb\"", "Invalid character escape sequence: \"\\\r\".", line: 1, column: 3)
    }

    @Test func characterEscapeErrorIsReportedWhereItIsInALargerDocument() {
        expectLexError("query {\n  f(a: \"x\", b: \"y\\q\")\n}", #"Invalid character escape sequence: "\q"."#, line: 2, column: 18)
    }

    // MARK: - Unterminated strings

    @Test(arguments: [
        ("\"", 1, 2), ("\"abc", 1, 5), ("\"é", 1, 3), ("\"😀😀", 1, 4), (#""a\""#, 1, 5), (#""\u0041"#, 1, 8),
        ("\"abc\nxyz\"", 1, 5), ("\"abc\r\nxyz\"", 1, 5), ("\"abc\rxyz\"", 1, 5), ("\"\n\"", 1, 2),
        ("a\n  \"bc", 2, 6), ("{\n  f(a: \"oops\n}", 2, 13), ("\"\"\"a\"\"\" \"", 1, 10), ("\"\"\"a\"\"\"\"", 1, 9),
    ])
    func unterminatedStringIsReportedAtTheEndOfFileOrLine(text: String, line: Int, column: Int) {
        expectLexError(text, "Unterminated string.", line: line, column: column)
    }

    @Test func unterminatedStringOffsetIsTheLineTerminatorOrTheEnd() {
        expectLexErrorOffset("\"ab\ncd", 3)
        expectLexErrorOffset("\"ab\r\ncd", 3)
        expectLexErrorOffset("\"ab", 3)
    }

    // MARK: - Quotes

    @Test func singleQuotesDoNotMakeAString() {
        expectLexError(
            "'abc'", #"Unexpected single quote character ('), did you mean to use a double quote (")?"#, line: 1, column: 1)
    }

    // MARK: - Source validity (UTF-8)

    @Test(arguments: [
        ([0x22, 0xFF, 0x22], 0xFF), ([0x22, 0xFE, 0x22], 0xFE), ([0x22, 0x80, 0x22], 0x80), ([0x22, 0xBF, 0x22], 0xBF),
        // Truncated sequences: a lead byte without enough continuation bytes.
        ([0x22, 0xC3, 0x22], 0xC3), ([0x22, 0xE2, 0x82, 0x22], 0xE2), ([0x22, 0xF0, 0x9F, 0x98, 0x22], 0xF0),
        ([0x22, 0xE2, 0x82], 0xE2), ([0x22, 0xC3], 0xC3),
        // Overlong forms.
        ([0x22, 0xC0, 0xAF, 0x22], 0xC0), ([0x22, 0xC1, 0xBF, 0x22], 0xC1), ([0x22, 0xE0, 0x80, 0xAF, 0x22], 0xE0),
        ([0x22, 0xE0, 0x9F, 0xBF, 0x22], 0xE0), ([0x22, 0xF0, 0x8F, 0xBF, 0xBF, 0x22], 0xF0),
        // Surrogates encoded in UTF-8 (CESU-8), which are not scalar values.
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 0xED), ([0x22, 0xED, 0xBF, 0xBF, 0x22], 0xED),
        ([0x22, 0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80, 0x22], 0xED),
        // Beyond U+10FFFF, and lead bytes that never occur.
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 0xF4), ([0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], 0xF5),
        ([0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22], 0xF8),
    ] as [([UInt8], UInt8)])
    func invalidUTF8InAStringIsRejectedAtTheBadByte(bytes: [UInt8], bad: UInt8) {
        let hex = String(bad, radix: 16, uppercase: true)
        expectLexError(bytes: bytes, "Invalid character: the byte 0x\(hex) is not valid UTF-8.", line: 1, column: 2)
    }

    @Test func invalidUTF8AfterValidCharactersIsReportedAtItsColumn() {
        // `"é` then a stray continuation byte.
        expectLexError(bytes: [0x22, 0xC3, 0xA9, 0x80, 0x22], "Invalid character: the byte 0x80 is not valid UTF-8.", line: 1, column: 3)
        // `"a\né"` is not a string; `"a"` then `"` + truncated `é` on line 2.
        expectLexError(bytes: [0x22, 0x61, 0x22, 0x0A, 0x22, 0xC3, 0x22], "Invalid character: the byte 0xC3 is not valid UTF-8.", line: 2, column: 2)
    }

    @Test func invalidUTF8OutsideAnyTokenIsRejected() {
        expectLexError(bytes: [0x61, 0x20, 0xFF], "Invalid character: the byte 0xFF is not valid UTF-8.", line: 1, column: 3)
        expectLexError(bytes: [0x80], "Invalid character: the byte 0x80 is not valid UTF-8.", line: 1, column: 1)
        expectLexError(bytes: [0x0A, 0xED, 0xA0, 0x80], "Invalid character: the byte 0xED is not valid UTF-8.", line: 2, column: 1)
    }

    @Test(arguments: [
        ([0xC2, 0x80], 0x80), ([0xDF, 0xBF], 0x7FF), ([0xE0, 0xA0, 0x80], 0x800), ([0xED, 0x9F, 0xBF], 0xD7FF),
        ([0xEE, 0x80, 0x80], 0xE000), ([0xEF, 0xBF, 0xBF], 0xFFFF), ([0xF0, 0x90, 0x80, 0x80], 0x10000),
        ([0xF4, 0x8F, 0xBF, 0xBF], 0x10FFFF),
    ] as [([UInt8], UInt32)])
    func validUTF8AtTheEdgesOfEachLengthIsAccepted(encoded: [UInt8], codePoint: UInt32) throws {
        let token = try lexOnlyToken(Source(bytes: [0x22] + encoded + [0x22]))
        #expect(token.kind == .string)
        #expect(token.value.map { Array($0.unicodeScalars.map(\.value)) } == [codePoint])
        #expect(token.span == SourceSpan(start: 0, end: encoded.count + 2))
    }
}
