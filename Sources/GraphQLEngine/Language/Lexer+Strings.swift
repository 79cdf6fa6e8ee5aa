extension Lexer {
    /// StringValue :: `""` | `"` StringCharacter+ `"`
    ///
    /// StringCharacter ::
    ///   - SourceCharacter but not `"` or `\` or LineTerminator
    ///   - `\u` EscapedUnicode
    ///   - `\` EscapedCharacter
    ///
    /// A string without escapes is copied once from the source; escapes switch to a
    /// buffer that is decoded at the end.
    mutating func readString() throws(SyntaxError) -> Token {
        let start = position
        position += 1
        var chunkStart = position
        var buffer: [UInt8] = []
        var hasEscapes = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let tail = UnsafeBufferPointer(rebasing: bytes[chunkStart..<position])
                if hasEscapes {
                    buffer.append(contentsOf: tail)
                    stringValue = String(decoding: buffer, as: UTF8.self)
                } else {
                    stringValue = String(decoding: tail, as: UTF8.self)
                }
                position += 1
                return Token(kind: .string, start: start, end: position)
            }
            if byte == UInt8(ascii: "\\") {
                if !hasEscapes {
                    hasEscapes = true
                    buffer.reserveCapacity(position - chunkStart + 16)
                }
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                appendUTF8(try readEscape(), to: &buffer)
                chunkStart = position
                continue
            }
            if byte == 0x0A || byte == 0x0D { break }
            position += byte < 0x80 ? 1 : try scalar(at: position).length
        }
        throw SyntaxError(.unterminatedString, at: position)
    }

    /// Reads one escape sequence starting at the `\` under `position`, returning the
    /// scalar it stands for (spec 2.9.4, "Static Semantics" of StringCharacter).
    private mutating func readEscape() throws(SyntaxError) -> UInt32 {
        let escapeStart = position
        let simple: UInt32? =
            switch byte(at: position + 1) {
            case UInt8(ascii: "\""): 0x22
            case UInt8(ascii: "\\"): 0x5C
            case UInt8(ascii: "/"): 0x2F
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "t"): 0x09
            default: nil
            }
        if let simple {
            position += 2
            return simple
        }
        guard byte(at: position + 1) == UInt8(ascii: "u") else {
            throw escapeError(escapeStart..<(escapeStart + 2), SyntaxError.Reason.invalidCharacterEscape)
        }
        if byte(at: position + 2) == UInt8(ascii: "{") {
            return try readVariableWidthEscape()
        }
        // `\u` HexDigit HexDigit HexDigit HexDigit, possibly a surrogate pair of two.
        guard let leading = hexQuad(at: position + 2) else {
            throw invalidUnicodeEscape(escapeStart..<(escapeStart + 6))
        }
        if (0xD800...0xDBFF).contains(leading) {
            if byte(at: position + 6) == UInt8(ascii: "\\"), byte(at: position + 7) == UInt8(ascii: "u"),
                let trailing = hexQuad(at: position + 8), (0xDC00...0xDFFF).contains(trailing)
            {
                position += 12
                return (leading - 0xD800) * 0x400 + (trailing - 0xDC00) + 0x10000
            }
            throw invalidUnicodeEscape(escapeStart..<(escapeStart + 6))
        }
        if (0xDC00...0xDFFF).contains(leading) {
            throw invalidUnicodeEscape(escapeStart..<(escapeStart + 6))
        }
        position += 6
        return leading
    }

    /// EscapedUnicode :: `{` HexDigit+ `}` — must name a Unicode scalar value.
    private mutating func readVariableWidthEscape() throws(SyntaxError) -> UInt32 {
        let escapeStart = position
        var index = position + 3
        var value: UInt32 = 0
        var digits = 0
        while let byte = byte(at: index) {
            if byte == UInt8(ascii: "}") {
                guard digits > 0, value < 0xD800 || (value > 0xDFFF && value <= 0x10FFFF) else { break }
                position = index + 1
                return value
            }
            guard let digit = byte.hexDigitValue else { break }
            value = value << 4 | digit
            digits += 1
            index += 1
            if value > 0x10FFFF { break }
        }
        throw invalidUnicodeEscape(escapeStart..<(index + 1))
    }

    private func hexQuad(at offset: Int) -> UInt32? {
        guard offset + 4 <= bytes.count else { return nil }
        var value: UInt32 = 0
        for index in offset..<(offset + 4) {
            guard let digit = bytes[index].hexDigitValue else { return nil }
            value = value << 4 | digit
        }
        return value
    }

    private func invalidUnicodeEscape(_ range: Range<Int>) -> SyntaxError {
        escapeError(range, SyntaxError.Reason.invalidUnicodeEscape)
    }

    /// An error quoting the escape sequence in `range`. The quote is widened to whole
    /// characters, so it never shows half of one; a byte that is not UTF-8 at all is
    /// reported as such instead.
    private func escapeError(_ range: Range<Int>, _ reason: (String) -> SyntaxError.Reason) -> SyntaxError {
        var end = min(range.upperBound, bytes.count)
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        var index = range.lowerBound
        while index < end {
            guard let (_, length) = UTF8Decoding.scalar(in: bytes, at: index) else {
                return SyntaxError(.invalidUTF8(byte: bytes[index]), at: index)
            }
            index += length
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.lowerBound..<end]), as: UTF8.self)
        return SyntaxError(reason(text), at: range.lowerBound)
    }

    /// BlockString :: `"""` BlockStringCharacter* `"""`
    ///
    /// BlockStringCharacter :: SourceCharacter but not `"""` or `\"""` | `\"""`
    ///
    /// The raw text is then trimmed by BlockStringValue (see `BlockString`).
    mutating func readBlockString() throws(SyntaxError) -> Token {
        let start = position
        position += 3
        var chunkStart = position
        var raw: [UInt8] = []
        var hasEscapedQuotes = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\""), self.byte(at: position + 1) == UInt8(ascii: "\""),
                self.byte(at: position + 2) == UInt8(ascii: "\"")
            {
                let tail = UnsafeBufferPointer(rebasing: bytes[chunkStart..<position])
                if hasEscapedQuotes {
                    raw.append(contentsOf: tail)
                    stringValue = raw.withUnsafeBufferPointer { BlockString.value(raw: $0) }
                } else {
                    stringValue = BlockString.value(raw: tail)
                }
                position += 3
                return Token(kind: .blockString, start: start, end: position)
            }
            if byte == UInt8(ascii: "\\"), self.byte(at: position + 1) == UInt8(ascii: "\""),
                self.byte(at: position + 2) == UInt8(ascii: "\""), self.byte(at: position + 3) == UInt8(ascii: "\"")
            {
                hasEscapedQuotes = true
                raw.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[chunkStart..<position]))
                raw.append(contentsOf: [0x22, 0x22, 0x22])
                position += 4
                chunkStart = position
                continue
            }
            position += byte < 0x80 ? 1 : try scalar(at: position).length
        }
        throw SyntaxError(.unterminatedString, at: position)
    }
}

extension UInt8 {
    /// HexDigit :: one of `0`...`9` `A`...`F` `a`...`f`
    var hexDigitValue: UInt32? {
        switch self {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(self - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(self - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(self - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

/// Appends the UTF-8 encoding of a scalar value known to be valid.
func appendUTF8(_ value: UInt32, to buffer: inout [UInt8]) {
    switch value {
    case 0..<0x80:
        buffer.append(UInt8(value))
    case 0x80..<0x800:
        buffer.append(UInt8(0xC0 | (value >> 6)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    case 0x800..<0x10000:
        buffer.append(UInt8(0xE0 | (value >> 12)))
        buffer.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    default:
        buffer.append(UInt8(0xF0 | (value >> 18)))
        buffer.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
        buffer.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
        buffer.append(UInt8(0x80 | (value & 0x3F)))
    }
}
