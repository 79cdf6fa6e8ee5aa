/// Limits that keep a hostile document from costing more than it should.
public struct ParseOptions: Hashable, Sendable {
    /// Tokens read before parsing stops (comments and other Ignored do not count).
    public var maxTokens: Int
    /// Nesting of selection sets, list and object values and list types. Parsing is
    /// recursive, so this bound is also what keeps the stack safe.
    public var maxDepth: Int
    /// Size of the source in bytes.
    public var maxDocumentBytes: Int
    /// When false, every `span` is `.none`: documents compare equal by content alone.
    public var keepsLocations: Bool

    public init(maxTokens: Int, maxDepth: Int, maxDocumentBytes: Int, keepsLocations: Bool = true) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
        self.keepsLocations = keepsLocations
    }

    /// For requests from clients: far above any real operation, far below harm.
    public static let `default` = ParseOptions(maxTokens: 100_000, maxDepth: 128, maxDocumentBytes: 1 << 20)

    /// For trusted input such as our own SDL: no size limits, depth still bounded.
    public static let trusted = ParseOptions(maxTokens: .max, maxDepth: 500, maxDocumentBytes: .max)
}

/// A recursive-descent parser: one function per grammar production (spec 2 and 3),
/// each quoting its production. It reads one token ahead and, rarely, peeks a second.
public struct Parser {
    var lexer: Lexer
    /// The current, not yet consumed, token.
    var token: Token
    /// The end of the last consumed token: where a node that just ended ends.
    var lastEnd = 0
    var depth = 0
    let options: ParseOptions

    init(bytes: UnsafeBufferPointer<UInt8>, options: ParseOptions) throws(SyntaxError) {
        self.options = options
        self.lexer = Lexer(bytes: bytes, maxTokens: options.maxTokens)
        self.token = try lexer.next()
    }

    /// Parses a whole document: operations, fragments and type system definitions.
    public static func parse(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> Document {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in try parser.parseDocument() }
    }

    public static func parse(_ text: String, options: ParseOptions = .default) throws(SyntaxError) -> Document {
        try parse(Source(text), options: options)
    }

    /// Parses a lone value literal, such as a default value given on a command line.
    public static func parseValue(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> Value {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in
            let value = try parser.parseValue(const: false)
            try parser.expect(.endOfFile)
            return value
        }
    }

    /// Parses a lone type reference such as `[String!]!`.
    public static func parseType(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> TypeReference {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in
            let type = try parser.parseTypeReference()
            try parser.expect(.endOfFile)
            return type
        }
    }

    private static func run<Result>(
        _ source: Source, _ options: ParseOptions, _ body: (inout Parser) throws(SyntaxError) -> Result
    ) throws(SyntaxError) -> Result {
        let size = source.bytes.count
        if size > options.maxDocumentBytes {
            throw SyntaxError(.documentTooLarge(size: size, limit: options.maxDocumentBytes), at: 0)
        }
        let outcome = source.bytes.withUnsafeBufferPointer { bytes -> Swift.Result<Result, SyntaxError> in
            do throws(SyntaxError) {
                var parser = try Parser(bytes: bytes, options: options)
                return .success(try body(&parser))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}

// MARK: - Token handling

extension Parser {
    @inline(__always)
    mutating func advance() throws(SyntaxError) {
        lastEnd = token.end
        token = try lexer.next()
    }

    @inline(__always)
    func at(_ kind: TokenKind) -> Bool { token.kind == kind }

    /// Consumes a token of `kind` or fails with `Expected <kind>, found <token>.`
    @discardableResult
    mutating func expect(_ kind: TokenKind) throws(SyntaxError) -> Token {
        guard token.kind == kind else {
            throw SyntaxError(.expected(TokenDescription(kind), found: describe(token)), at: token.start)
        }
        let consumed = token
        try advance()
        return consumed
    }

    /// Consumes a token of `kind` if it is next.
    mutating func skip(_ kind: TokenKind) throws(SyntaxError) -> Bool {
        guard token.kind == kind else { return false }
        try advance()
        return true
    }

    /// Whether the current token is the name `keyword`.
    func atKeyword(_ keyword: StaticString) -> Bool {
        isKeyword(token, keyword)
    }

    func isKeyword(_ token: Token, _ keyword: StaticString) -> Bool {
        guard token.kind == .name, token.end - token.start == keyword.utf8CodeUnitCount else { return false }
        let text = keyword.utf8Start
        for offset in 0..<keyword.utf8CodeUnitCount where lexer.bytes[token.start + offset] != text[offset] {
            return false
        }
        return true
    }

    mutating func expectKeyword(_ keyword: StaticString) throws(SyntaxError) {
        guard atKeyword(keyword) else {
            throw SyntaxError(.expectedKeyword(keyword.description, found: describe(token)), at: token.start)
        }
        try advance()
    }

    mutating func skipKeyword(_ keyword: StaticString) throws(SyntaxError) -> Bool {
        guard atKeyword(keyword) else { return false }
        try advance()
        return true
    }

    /// `Unexpected <token>.` at the token.
    func unexpected(_ token: Token) -> SyntaxError {
        SyntaxError(.unexpected(describe(token)), at: token.start)
    }

    func unexpected() -> SyntaxError { unexpected(token) }

    /// A token as messages show it; strings show their value, as the reference does.
    func describe(_ token: Token) -> TokenDescription {
        switch token.kind {
        case .name, .int, .float: TokenDescription(token.kind, value: lexer.text(of: token))
        case .string, .blockString:
            TokenDescription(token.kind, value: token == self.token ? lexer.stringValue : stringValue(of: token))
        default: TokenDescription(token.kind)
        }
    }

    /// The value of a string token other than the current one (a peeked token), read again.
    private func stringValue(of token: Token) -> String {
        var reader = Lexer(bytes: lexer.bytes, maxTokens: .max)
        reader.position = token.start
        _ = try? reader.next()
        return reader.stringValue
    }

    /// The span from `start` to the end of the last consumed token.
    @inline(__always)
    func span(from start: Int) -> SourceSpan {
        options.keepsLocations ? SourceSpan(start: start, end: lastEnd) : .none
    }

    @inline(__always)
    func span(of token: Token) -> SourceSpan {
        options.keepsLocations ? SourceSpan(start: token.start, end: token.end) : .none
    }

    /// Enters one level of nesting, opened by the bracket at `offset`; fails past `maxDepth`.
    @inline(__always)
    mutating func descend(at offset: Int) throws(SyntaxError) {
        depth += 1
        if depth > options.maxDepth {
            throw SyntaxError(.tooDeep(limit: options.maxDepth), at: offset)
        }
    }

    /// Name :: NameStart NameContinue*
    mutating func parseName() throws(SyntaxError) -> Name {
        let nameToken = try expect(.name)
        return Name(lexer.text(of: nameToken), span: span(of: nameToken))
    }
}

public typealias TokenDescription = SyntaxError.TokenDescription
