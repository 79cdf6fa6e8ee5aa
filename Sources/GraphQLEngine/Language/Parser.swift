/// Limits that keep a hostile document from costing more than it should.
public struct ParseOptions: Hashable, Sendable {
    /// Tokens read before parsing stops (comments and other Ignored do not count).
    public var maxTokens: Int
    /// Nesting of selection sets, list and object values and list types. Parsing is
    /// recursive, so this bound is also what keeps the stack safe.
    public var maxDepth: Int
    /// Size of the source in bytes (never more than 4 GiB, as spans are 32-bit).
    public var maxDocumentBytes: Int

    public init(maxTokens: Int, maxDepth: Int, maxDocumentBytes: Int) {
        self.maxTokens = maxTokens
        self.maxDepth = maxDepth
        self.maxDocumentBytes = maxDocumentBytes
    }

    /// For requests from clients: far above any real operation, far below harm.
    public static let `default` = ParseOptions(maxTokens: 100_000, maxDepth: 128, maxDocumentBytes: 1 << 20)

    /// For trusted input such as our own SDL: no size limits, depth still bounded.
    public static let trusted = ParseOptions(maxTokens: .max, maxDepth: 500, maxDocumentBytes: .max)
}

/// A recursive-descent parser: one function per grammar production (spec 2 and 3),
/// each quoting its production. It reads one token ahead and, rarely, peeks a second.
///
/// Nodes go straight into the arrays of a flat `Document`. Lists whose items can nest
/// (selections, list values, object fields) are gathered on a stack first and moved to
/// their array when the list ends, so that siblings always sit side by side.
public struct Parser {
    var lexer: Lexer
    /// The current, not yet consumed, token.
    var token: Token
    /// The end of the last consumed token: where a node that just ended ends.
    var lastEnd = 0
    var depth = 0
    let options: ParseOptions
    var storage = Document.Storage()
    var selectionStack = NodeStack<Selection>()
    var valueStack = NodeStack<Value>()
    var objectFieldStack = NodeStack<ObjectField>()

    init(
        bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>, options: ParseOptions
    ) throws(SyntaxError) {
        self.options = options
        self.lexer = Lexer(bytes: bytes, classes: classes, maxTokens: options.maxTokens)
        self.token = try lexer.next()
        storage.reserveCapacity(forSourceOfSize: bytes.count)
    }

    /// Parses a whole document: operations, fragments and type system definitions.
    public static func parse(_ source: Source, options: ParseOptions = .default) throws(SyntaxError) -> Document {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in
            let start = parser.token.start
            let definitions = try parser.parseDocument()
            return Document(
                source: source, definitions: definitions, span: parser.span(from: start), storage: parser.storage)
        }
    }

    public static func parse(_ text: String, options: ParseOptions = .default) throws(SyntaxError) -> Document {
        try parse(Source(text), options: options)
    }

    /// Parses a lone value literal, such as a default value given on a command line.
    public static func parseValue(
        _ source: Source, options: ParseOptions = .default, keepingLocations: Bool = true
    ) throws(SyntaxError) -> SyntaxTree.Value {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in
            let value = try parser.parseValue(const: false)
            try parser.expect(.endOfFile)
            return parser.looseNodes(of: source).tree(of: value, keepingLocations: keepingLocations)
        }
    }

    /// Parses a lone type reference such as `[String!]!`.
    public static func parseType(
        _ source: Source, options: ParseOptions = .default, keepingLocations: Bool = true
    ) throws(SyntaxError) -> SyntaxTree.TypeReference {
        try run(source, options) { (parser: inout Parser) throws(SyntaxError) in
            let type = try parser.parseTypeReference()
            try parser.expect(.endOfFile)
            return parser.looseNodes(of: source).tree(of: type, keepingLocations: keepingLocations)
        }
    }

    /// A document with no definitions holding what was parsed, for a lone value or type.
    private func looseNodes(of source: Source) -> Document {
        Document(source: source, definitions: .empty, span: .none, storage: storage)
    }

    private static func run<Result>(
        _ source: Source, _ options: ParseOptions, _ body: (inout Parser) throws(SyntaxError) -> Result
    ) throws(SyntaxError) -> Result {
        let size = source.bytes.count
        let limit = min(options.maxDocumentBytes, Int(UInt32.max) - 1)
        if size > limit {
            throw SyntaxError(.documentTooLarge(size: size, limit: limit), at: 0)
        }
        let outcome = source.bytes.withUnsafeBufferPointer { bytes in
            ByteClass.withTable { classes -> Swift.Result<Result, SyntaxError> in
                do throws(SyntaxError) {
                    var parser = try Parser(bytes: bytes, classes: classes, options: options)
                    return .success(try body(&parser))
                } catch {
                    return .failure(error)
                }
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
    @discardableResult @inline(__always)
    mutating func expect(_ kind: TokenKind) throws(SyntaxError) -> Token {
        guard token.kind == kind else { throw expected(kind) }
        let consumed = token
        try advance()
        return consumed
    }

    /// `Expected <kind>, found <token>.` at the current token; kept out of line, as
    /// errors are rare and `expect` is everywhere.
    @inline(never)
    func expected(_ kind: TokenKind) -> SyntaxError {
        SyntaxError(.expected(TokenDescription(kind), found: describe(token)), at: token.start)
    }

    /// Consumes a token of `kind` if it is next.
    @inline(__always)
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
        var reader = Lexer(bytes: lexer.bytes, classes: lexer.classes, maxTokens: .max)
        reader.position = token.start
        _ = try? reader.next()
        return reader.stringValue
    }

    /// The span from `start` to the end of the last consumed token.
    @inline(__always)
    func span(from start: Int) -> SourceSpan {
        SourceSpan(start: start, end: lastEnd)
    }

    @inline(__always)
    func span(of token: Token) -> SourceSpan {
        SourceSpan(start: token.start, end: token.end)
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
        return Name(span: span(of: nameToken))
    }

    // MARK: Storing nodes

    /// The items appended to `store` since `start`, which nothing else appended to meanwhile.
    @inline(__always)
    static func list<Node>(_ store: [Node], from start: Int) -> NodeList<Node> {
        NodeList(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: store.count - start))
    }

    mutating func store(_ value: Value) -> NodeID<Value> {
        storage.values.append(value)
        return NodeID(index: UInt32(truncatingIfNeeded: storage.values.count - 1))
    }

    mutating func store(_ type: TypeReference) -> NodeID<TypeReference> {
        storage.types.append(type)
        return NodeID(index: UInt32(truncatingIfNeeded: storage.types.count - 1))
    }
}

public typealias TokenDescription = SyntaxError.TokenDescription
