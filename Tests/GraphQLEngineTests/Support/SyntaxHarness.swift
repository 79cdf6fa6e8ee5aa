import GraphQLEngine
import Testing

/// Parses `text` and checks that it fails with exactly `message` at `line`:`column`.
///
/// `message` is given without the `Syntax Error: ` prefix, which is checked once here.
func expectSyntaxError(
    _ text: String, _ message: String, line: Int, column: Int,
    options: ParseOptions = .default, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = Source(text)
    do {
        let document = try Parser.parse(source, options: options)
        Issue.record("expected a syntax error, parsed \(document.definitions.count) definitions", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == "Syntax Error: " + message, sourceLocation: sourceLocation)
        let location = error.location(in: source)
        #expect(location.line == line && location.column == column,
                "at \(location.line):\(location.column), expected \(line):\(column)",
                sourceLocation: sourceLocation)
    }
}

/// Lexes `text` and checks that it fails with exactly `message` at `line`:`column`.
func expectLexError(
    _ text: String, _ message: String, line: Int, column: Int,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let source = Source(text)
    do {
        let tokens = try source.tokens()
        Issue.record("expected a lexical error, read \(tokens.count) tokens", sourceLocation: sourceLocation)
    } catch {
        #expect(error.message == "Syntax Error: " + message, sourceLocation: sourceLocation)
        let location = error.location(in: source)
        #expect(location.line == line && location.column == column,
                "at \(location.line):\(location.column), expected \(line):\(column)",
                sourceLocation: sourceLocation)
    }
}

/// Parses `text` into a tree with locations dropped, so documents compare by content.
func parseContent(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Document {
    try Parser.parse(Source(text), options: .trusted).tree(keepingLocations: false)
}
