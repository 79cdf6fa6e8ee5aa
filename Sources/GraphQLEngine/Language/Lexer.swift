/// Turns UTF-8 bytes into tokens (spec 2.1 "Source Text" and 2.1.6 "Lexical Tokens").
///
/// The lexer reads raw bytes and never builds `Character`s: every token of the grammar
/// is ASCII, so only string values and comments need to look at multi-byte scalars.
/// It borrows the bytes, so it lives only inside `withUnsafeBufferPointer` of its source.
struct Lexer {
    let bytes: UnsafeBufferPointer<UInt8>
    /// `ByteClass.table`, borrowed for as long as the bytes are.
    let classes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read.
    var position: Int
    /// The decoded value of the last `string` or `blockString` token read.
    var stringValue: String = ""
    var tokenCount = 0
    let maxTokens: Int

    init(bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>, maxTokens: Int) {
        self.bytes = bytes
        self.classes = classes
        self.position = 0
        self.maxTokens = maxTokens
    }

    /// Reads the next token, skipping Ignored (spec 2.1.7): BOM, whitespace, line
    /// terminators, comments and commas.
    mutating func next() throws(SyntaxError) -> Token {
        // Plain whitespace, newlines and commas are most of what lies between tokens;
        // comments and the BOM take the slower path.
        while position < bytes.count, classes[Int(bytes[position])] & ByteClass.ignored != 0 {
            position += 1
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "#") || bytes[position] == 0xEF {
            try skipIgnored()
        }
        let start = position
        guard start < bytes.count else {
            return Token(kind: .endOfFile, start: start, end: start)
        }
        tokenCount += 1
        if tokenCount > maxTokens {
            throw SyntaxError(.tooManyTokens(limit: maxTokens), at: start)
        }
        let first = bytes[start]
        // Names are over half of all tokens: test for them before the general switch.
        if classes[Int(first)] & ByteClass.nameStart != 0 {
            return readName()
        }
        switch first {
        case UInt8(ascii: "!"): return punctuator(.bang)
        case UInt8(ascii: "$"): return punctuator(.dollar)
        case UInt8(ascii: "&"): return punctuator(.ampersand)
        case UInt8(ascii: "("): return punctuator(.parenLeft)
        case UInt8(ascii: ")"): return punctuator(.parenRight)
        case UInt8(ascii: ":"): return punctuator(.colon)
        case UInt8(ascii: "="): return punctuator(.equals)
        case UInt8(ascii: "@"): return punctuator(.at)
        case UInt8(ascii: "["): return punctuator(.bracketLeft)
        case UInt8(ascii: "]"): return punctuator(.bracketRight)
        case UInt8(ascii: "{"): return punctuator(.braceLeft)
        case UInt8(ascii: "|"): return punctuator(.pipe)
        case UInt8(ascii: "}"): return punctuator(.braceRight)
        case UInt8(ascii: "."):
            if byte(at: start + 1) == UInt8(ascii: "."), byte(at: start + 2) == UInt8(ascii: ".") {
                position = start + 3
                return Token(kind: .spread, start: start, end: position)
            }
            throw SyntaxError(.unexpectedCharacter(.scalar(UInt32(first))), at: start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
            return try readNumber()
        case UInt8(ascii: "\""):
            if byte(at: start + 1) == UInt8(ascii: "\""), byte(at: start + 2) == UInt8(ascii: "\"") {
                return try readBlockString()
            }
            return try readString()
        case UInt8(ascii: "'"):
            throw SyntaxError(.unexpectedSingleQuote, at: start)
        default:
            throw unexpectedCharacter(at: start)
        }
    }

    /// The token after the next one, without consuming anything.
    func peek() throws(SyntaxError) -> Token {
        var copy = self
        return try copy.next()
    }

    /// The text of a name (or number) token. Names are ASCII, so this is one copy, and
    /// no allocation for the 15-byte names Swift keeps inline.
    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    @inline(__always)
    func byte(at offset: Int) -> UInt8? {
        offset < bytes.count ? bytes[offset] : nil
    }

    @inline(__always)
    private mutating func punctuator(_ kind: TokenKind) -> Token {
        position += 1
        return Token(kind: kind, start: position - 1, end: position)
    }

    /// Name :: NameStart NameContinue* [lookahead != NameContinue]
    ///
    /// Eight bytes at a time while they last, then byte by byte.
    @inline(__always)
    private mutating func readName() -> Token {
        let start = position
        position += 1
        if let base = UnsafeRawPointer(bytes.baseAddress) {
            while position + 8 <= bytes.count {
                let word = UInt64(littleEndian: (base + position).loadUnaligned(as: UInt64.self))
                let others = Lexer.nonNameBytes(word)
                if others != 0 {
                    position += others.trailingZeroBitCount / 8
                    return Token(kind: .name, start: start, end: position)
                }
                position += 8
            }
        }
        while position < bytes.count, classes[Int(bytes[position])] & ByteClass.nameContinue != 0 {
            position += 1
        }
        return Token(kind: .name, start: start, end: position)
    }

    /// The high bit of each byte of `word` that is not NameContinue (`[A-Za-z0-9_]`),
    /// tested for all eight bytes at once with carry-free byte arithmetic.
    @inline(__always)
    static func nonNameBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = word & ~high  // each byte below 0x80, so adding up to 0x80 never carries
        // High bit set in each byte of `value` that is at least `bound`.
        func atLeast(_ value: UInt64, _ bound: UInt64) -> UInt64 { value &+ (0x80 &- bound) &* ones }
        let digit = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        let lowered = low | (0x20 &* ones)
        let letter = atLeast(lowered, 0x61) & ~atLeast(lowered, 0x7B)
        let underscore = ~((low ^ (0x5F &* ones)) &+ (0x7F &* ones))
        let name = (digit | letter | underscore) & ~word & high
        return ~name & high
    }

    /// Ignored :: UnicodeBOM | Whitespace | LineTerminator | Comment | Comma
    private mutating func skipIgnored() throws(SyntaxError) {
        while position < bytes.count {
            let current = bytes[position]
            if classes[Int(current)] & ByteClass.ignored != 0 {
                position += 1
                continue
            }
            switch current {
            case 0xEF where byte(at: position + 1) == 0xBB && byte(at: position + 2) == 0xBF:
                position += 3
            case UInt8(ascii: "#"):
                // Comment :: `#` CommentChar* — any scalar up to a LineTerminator.
                position += 1
                while position < bytes.count {
                    let byte = bytes[position]
                    if byte == 0x0A || byte == 0x0D { break }
                    if byte < 0x80 {
                        position += 1
                    } else {
                        position += try scalar(at: position).length
                    }
                }
            default:
                return
            }
        }
    }

    /// Decodes the UTF-8 scalar at `offset`, rejecting overlong forms, surrogates and
    /// truncated or stray bytes: the source must be Unicode scalar values (spec 2.1).
    func scalar(at offset: Int) throws(SyntaxError) -> (value: UInt32, length: Int) {
        guard let decoded = UTF8Decoding.scalar(in: bytes, at: offset) else {
            throw SyntaxError(.invalidUTF8(byte: bytes[offset]), at: offset)
        }
        return decoded
    }

    func unexpectedCharacter(at offset: Int) -> SyntaxError {
        do {
            let (value, _) = try scalar(at: offset)
            return SyntaxError(.unexpectedCharacter(.scalar(value)), at: offset)
        } catch {
            return error
        }
    }

    /// The character at `offset` as error messages show it.
    func codePoint(at offset: Int) -> SyntaxError.CodePoint {
        guard offset < bytes.count else { return .endOfFile }
        guard let (value, _) = UTF8Decoding.scalar(in: bytes, at: offset) else {
            return .scalar(UInt32(bytes[offset]))
        }
        return .scalar(value)
    }
}

/// Classes of bytes for the lexer's inner loops: one table lookup per byte.
enum ByteClass {
    /// NameContinue :: Letter | Digit | `_`
    static let nameContinue: UInt8 = 1
    /// The one-byte Ignored: Whitespace, LineTerminator and Comma.
    static let ignored: UInt8 = 2
    /// NameStart :: Letter | `_`
    static let nameStart: UInt8 = 4

    static let table: [UInt8] = (0...255).map { byte -> UInt8 in
        let byte = UInt8(byte)
        var classes: UInt8 = 0
        if byte.isNameContinue { classes |= nameContinue }
        if byte.isNameStart { classes |= nameStart }
        if byte == 0x09 || byte == 0x20 || byte == 0x2C || byte == 0x0A || byte == 0x0D { classes |= ignored }
        return classes
    }

    /// Runs `body` with the table's storage, for a lexer to borrow.
    static func withTable<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        table.withUnsafeBufferPointer(body)
    }
}

extension UInt8 {
    /// NameContinue :: Letter | Digit | `_`
    @inline(__always)
    var isNameContinue: Bool {
        let lower = self | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z"))
            || (self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9"))
            || self == UInt8(ascii: "_")
    }

    /// NameStart :: Letter | `_`
    @inline(__always)
    var isNameStart: Bool {
        let lower = self | 0x20
        return (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || self == UInt8(ascii: "_")
    }

    @inline(__always)
    var isDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}

/// Strict UTF-8 decoding of one scalar.
enum UTF8Decoding {
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> (value: UInt32, length: Int)? {
        let lead = bytes[offset]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        let minimum: UInt32
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; minimum = 0x80; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; minimum = 0x800; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; minimum = 0x10000; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        for index in (offset + 1)..<(offset + length) {
            let continuation = bytes[index]
            guard continuation & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(continuation & 0x3F)
        }
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, length)
    }
}

/// A token with its decoded value, for tools and tests that look at the token stream.
public struct LexedToken: Hashable, Sendable {
    public var kind: TokenKind
    public var span: SourceSpan
    /// The text of names and numbers, the decoded value of strings; nil for punctuators.
    public var value: String?
}

extension Source {
    /// Every token of the source up to and including `<EOF>`.
    public func tokens(maxTokens: Int = .max) throws(SyntaxError) -> [LexedToken] {
        let outcome = bytes.withUnsafeBufferPointer { buffer in
            ByteClass.withTable { classes -> Result<[LexedToken], SyntaxError> in
                var lexer = Lexer(bytes: buffer, classes: classes, maxTokens: maxTokens)
                var tokens: [LexedToken] = []
                do throws(SyntaxError) {
                    while true {
                        let token = try lexer.next()
                        let value: String? =
                            switch token.kind {
                            case .name, .int, .float: lexer.text(of: token)
                            case .string, .blockString: lexer.stringValue
                            default: nil
                            }
                        let span = SourceSpan(start: token.start, end: token.end)
                        tokens.append(LexedToken(kind: token.kind, span: span, value: value))
                        if token.kind == .endOfFile { return .success(tokens) }
                    }
                } catch {
                    return .failure(error)
                }
            }
        }
        return try outcome.get()
    }
}
