extension Lexer {
    /// IntValue :: IntegerPart [lookahead != {Digit, `.`, NameStart}]
    ///
    /// FloatValue ::
    ///   - IntegerPart FractionalPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart FractionalPart [lookahead != {Digit, `.`, NameStart}]
    ///   - IntegerPart ExponentPart [lookahead != {Digit, `.`, NameStart}]
    ///
    /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    mutating func readNumber() throws(SyntaxError) -> Token {
        let start = position
        var isFloat = false
        if bytes[position] == UInt8(ascii: "-") { position += 1 }

        if byte(at: position) == UInt8(ascii: "0") {
            position += 1
            if let next = byte(at: position), next.isDigit {
                throw SyntaxError(.digitAfterLeadingZero(codePoint(at: position)), at: position)
            }
        } else {
            try readDigits()
        }
        // FractionalPart :: . Digit+
        if byte(at: position) == UInt8(ascii: ".") {
            isFloat = true
            position += 1
            try readDigits()
        }
        // ExponentPart :: ExponentIndicator Sign? Digit+
        if let next = byte(at: position), next | 0x20 == UInt8(ascii: "e") {
            isFloat = true
            position += 1
            if let sign = byte(at: position), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                position += 1
            }
            try readDigits()
        }
        // The lookahead restriction: `1.`, `1a`, `0x1`, `1.2.3` are errors, not two tokens.
        if let next = byte(at: position), next == UInt8(ascii: ".") || next.isNameStart {
            throw SyntaxError(.expectedDigit(codePoint(at: position)), at: position)
        }
        return Token(kind: isFloat ? .float : .int, start: start, end: position)
    }

    /// Digit+
    private mutating func readDigits() throws(SyntaxError) {
        guard let first = byte(at: position), first.isDigit else {
            throw SyntaxError(.expectedDigit(codePoint(at: position)), at: position)
        }
        position += 1
        while position < bytes.count, bytes[position].isDigit {
            position += 1
        }
    }
}
