import GraphQLEngine
import Testing

// Helpers shared by the lexer suites. Names start with `lex` so they stay clear of
// helpers other suites of this target define.

/// Every token of `source` before `<EOF>`, after checking that the stream ends with
/// exactly one `<EOF>` token: empty, valueless, and placed at the end of the bytes.
func lexTokens(
    _ source: Source, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [LexedToken] {
    var tokens = try source.tokens()
    let popped = tokens.popLast()
    let last = try #require(popped, "no <EOF> token", sourceLocation: sourceLocation)
    #expect(last.kind == .endOfFile, sourceLocation: sourceLocation)
    #expect(last.value == nil, sourceLocation: sourceLocation)
    #expect(
        last.span == SourceSpan(start: source.bytes.count, end: source.bytes.count),
        "<EOF> at \(last.span.start)..<\(last.span.end), expected at \(source.bytes.count)",
        sourceLocation: sourceLocation)
    #expect(!tokens.contains { $0.kind == .endOfFile }, "<EOF> before the end", sourceLocation: sourceLocation)
    return tokens
}

/// Every token of `text` before `<EOF>` (see the `Source` overload).
func lexTokens(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [LexedToken] {
    try lexTokens(Source(text), sourceLocation: sourceLocation)
}

/// The kinds of every token of `text` before `<EOF>`.
func lexKinds(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> [TokenKind] {
    try lexTokens(text, sourceLocation: sourceLocation).map(\.kind)
}

/// The one token `source` consists of, failing the test if there are more or fewer.
func lexOnlyToken(
    _ source: Source, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> LexedToken {
    let tokens = try lexTokens(source, sourceLocation: sourceLocation)
    try #require(tokens.count == 1, "read \(tokens.count) tokens: \(tokens.map(\.kind))", sourceLocation: sourceLocation)
    return tokens[0]
}

/// The one token `text` consists of, failing the test if there are more or fewer.
func lexOnlyToken(
    _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> LexedToken {
    try lexOnlyToken(Source(text), sourceLocation: sourceLocation)
}

/// The decoded value of `text`, which must be exactly one string token of `kind`.
func lexStringValue(
    _ text: String, kind: TokenKind = .string, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> String {
    let token = try lexOnlyToken(text, sourceLocation: sourceLocation)
    #expect(token.kind == kind, sourceLocation: sourceLocation)
    #expect(token.span == SourceSpan(start: 0, end: text.utf8.count), sourceLocation: sourceLocation)
    return try #require(token.value, "a string token without a value", sourceLocation: sourceLocation)
}

/// The error lexing `source` fails with, or nil (recording an issue) if it does not fail.
func lexError(
    _ source: Source, sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> SyntaxError? {
    do {
        let tokens = try source.tokens()
        Issue.record("expected a lexical error, read \(tokens.count) tokens", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

/// Lexes raw bytes (which need not be UTF-8) and checks that it fails with exactly
/// `message` (without the `Syntax Error: ` prefix) at `line`:`column`.
func expectLexError(
    bytes: [UInt8], _ message: String, line: Int, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = Source(bytes: bytes)
    guard let error = lexError(source, sourceLocation: sourceLocation) else { return }
    #expect(error.message == "Syntax Error: " + message, sourceLocation: sourceLocation)
    let location = error.location(in: source)
    #expect(
        location.line == line && location.column == column,
        "at \(location.line):\(location.column), expected \(line):\(column)",
        sourceLocation: sourceLocation)
}

/// Lexes `text` and checks that the error is reported at exactly byte `offset`.
func expectLexErrorOffset(
    _ text: String, _ offset: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard let error = lexError(Source(text), sourceLocation: sourceLocation) else { return }
    #expect(error.offset == offset, sourceLocation: sourceLocation)
}

/// One character as a one-character `String`, for building sources from scalars.
func lexText(_ scalar: Unicode.Scalar) -> String {
    String(Character(scalar))
}
