/// A failure to read a document: the lexical or syntactic rule that was broken, and the
/// byte offset where it was noticed.
public struct SyntaxError: Error, Hashable, Sendable {
    public var reason: Reason
    public var offset: Int

    public init(_ reason: Reason, at offset: Int) {
        self.reason = reason
        self.offset = offset
    }

    /// The message as GraphQL errors carry it, e.g. `Syntax Error: Unexpected <EOF>.`
    public var message: String { "Syntax Error: \(reason.description)" }

    /// Every way a document can fail to parse. Messages are worded as the reference
    /// implementation (graphql-js) words them, so tools and people see familiar text.
    public enum Reason: Hashable, Sendable, CustomStringConvertible {
        // Lexical (spec 2.1)
        case unexpectedCharacter(CodePoint)
        case unexpectedSingleQuote
        case invalidUTF8(byte: UInt8)
        case unterminatedString
        case invalidUnicodeEscape(String)
        case invalidCharacterEscape(String)
        case digitAfterLeadingZero(CodePoint)
        case expectedDigit(CodePoint)
        // Syntactic (spec 2.2 onwards)
        case expected(TokenDescription, found: TokenDescription)
        case expectedKeyword(String, found: TokenDescription)
        case unexpected(TokenDescription)
        case descriptionOnShorthandQuery
        case descriptionOnExtension
        case variableInConstantValue(String)
        case reservedEnumValue(TokenDescription)
        // Limits against hostile input
        case tooManyTokens(limit: Int)
        case tooDeep(limit: Int)
        case documentTooLarge(size: Int, limit: Int)

        public var description: String {
            switch self {
            case .unexpectedCharacter(let c): "Unexpected character: \(c)."
            case .unexpectedSingleQuote:
                #"Unexpected single quote character ('), did you mean to use a double quote (")?"#
            case .invalidUTF8(let byte):
                "Invalid character: the byte 0x\(hex(UInt32(byte), width: 2)) is not valid UTF-8."
            case .unterminatedString: "Unterminated string."
            case .invalidUnicodeEscape(let text): "Invalid Unicode escape sequence: \"\(text)\"."
            case .invalidCharacterEscape(let text): "Invalid character escape sequence: \"\(text)\"."
            case .digitAfterLeadingZero(let c): "Invalid number, unexpected digit after 0: \(c)."
            case .expectedDigit(let c): "Invalid number, expected digit but got: \(c)."
            case .expected(let expected, let found): "Expected \(expected), found \(found)."
            case .expectedKeyword(let keyword, let found): "Expected \"\(keyword)\", found \(found)."
            case .unexpected(let found): "Unexpected \(found)."
            case .descriptionOnShorthandQuery:
                "Unexpected description, descriptions are not supported on shorthand queries."
            case .descriptionOnExtension:
                "Unexpected description, descriptions are not supported on type system extensions."
            case .variableInConstantValue(let name): "Unexpected variable \"$\(name)\" in constant value."
            case .reservedEnumValue(let token): "\(token) is reserved and cannot be used for an enum value."
            case .tooManyTokens(let limit):
                "Document contains more than \(limit) tokens. Parsing aborted."
            case .tooDeep(let limit):
                "Document nests more than \(limit) levels deep. Parsing aborted."
            case .documentTooLarge(let size, let limit):
                "Document is \(size) bytes, more than the limit of \(limit) bytes. Parsing aborted."
            }
        }
    }

    /// A source character as error messages show it: `"a"` when printable ASCII (`'"'`
    /// for the double quote), `U+0007` otherwise, `<EOF>` past the end.
    public enum CodePoint: Hashable, Sendable, CustomStringConvertible {
        case scalar(UInt32)
        case endOfFile

        public var description: String {
            switch self {
            case .endOfFile: return "<EOF>"
            case .scalar(let value):
                if value == 0x22 { return #"'"'"# }
                if value >= 0x20 && value <= 0x7E, let scalar = Unicode.Scalar(value) {
                    return "\"\(Character(scalar))\""
                }
                return "U+" + hex(value, width: 4)
            }
        }
    }

    /// A token as error messages name it: `"}"`, `Name "foo"`, `Int "1"`, `<EOF>`.
    public struct TokenDescription: Hashable, Sendable, CustomStringConvertible {
        public var kind: TokenKind
        public var value: String?

        public init(_ kind: TokenKind, value: String? = nil) {
            self.kind = kind
            self.value = value
        }

        public var description: String {
            guard let value else { return kind.description }
            return "\(kind.description) \"\(value)\""
        }
    }
}

private func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

extension SyntaxError {
    /// Where the error is, as GraphQL error `locations` report it.
    public func location(in source: Source) -> SourceLocation {
        source.location(of: offset)
    }
}
