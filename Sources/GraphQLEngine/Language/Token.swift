/// The kinds of lexical token (spec 2.1.6 "Lexical Tokens"), plus end of file.
///
/// Comments and the other Ignored tokens never reach the parser.
public enum TokenKind: UInt8, Hashable, Sendable, CustomStringConvertible {
    case endOfFile
    case bang, dollar, ampersand, parenLeft, parenRight, spread, colon, equals, at
    case bracketLeft, bracketRight, braceLeft, pipe, braceRight
    case name, int, float, string, blockString

    /// The kind as error messages name it: punctuators in quotes, others by kind.
    public var description: String {
        switch self {
        case .endOfFile: "<EOF>"
        case .bang: "\"!\""
        case .dollar: "\"$\""
        case .ampersand: "\"&\""
        case .parenLeft: "\"(\""
        case .parenRight: "\")\""
        case .spread: "\"...\""
        case .colon: "\":\""
        case .equals: "\"=\""
        case .at: "\"@\""
        case .bracketLeft: "\"[\""
        case .bracketRight: "\"]\""
        case .braceLeft: "\"{\""
        case .pipe: "\"|\""
        case .braceRight: "\"}\""
        case .name: "Name"
        case .int: "Int"
        case .float: "Float"
        case .string: "String"
        case .blockString: "BlockString"
        }
    }
}

/// One token: its kind and byte range. String tokens' decoded values are kept by the
/// lexer beside the token, so a token stays a few plain integers.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var start: Int
    public var end: Int
}
