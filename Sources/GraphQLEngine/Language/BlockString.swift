/// Block strings (spec 2.9.4): reading their value, and writing a value back as one.
public enum BlockString {
    /// BlockStringValue(rawValue): split into lines, remove the common indentation of
    /// every line but the first, drop leading and trailing blank lines, join with `\n`.
    ///
    /// Whitespace is one byte (tab or space), so counting bytes here counts characters.
    public static func value(raw: UnsafeBufferPointer<UInt8>) -> String {
        var lines: [Range<Int>] = []
        var lineStart = 0
        var index = 0
        while index < raw.count {
            let byte = raw[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(lineStart..<index)
                if byte == 0x0D, index + 1 < raw.count, raw[index + 1] == 0x0A { index += 1 }
                lineStart = index + 1
            }
            index += 1
        }
        lines.append(lineStart..<raw.count)

        var commonIndent = Int.max
        for line in lines.dropFirst() {
            let indent = leadingWhitespace(raw, line)
            if indent < line.count, indent < commonIndent { commonIndent = indent }
        }
        if commonIndent != Int.max {
            for i in lines.indices.dropFirst() {
                lines[i] = (lines[i].lowerBound + min(commonIndent, lines[i].count))..<lines[i].upperBound
            }
        }
        var first = lines.startIndex
        var last = lines.endIndex
        while first < last, leadingWhitespace(raw, lines[first]) == lines[first].count { first += 1 }
        while last > first, leadingWhitespace(raw, lines[last - 1]) == lines[last - 1].count { last -= 1 }

        var formatted: [UInt8] = []
        formatted.reserveCapacity(raw.count)
        for i in first..<last {
            if i != first { formatted.append(0x0A) }
            formatted.append(contentsOf: UnsafeBufferPointer(rebasing: raw[lines[i]]))
        }
        return String(decoding: formatted, as: UTF8.self)
    }

    public static func value(raw: String) -> String {
        var raw = raw
        return raw.withUTF8 { value(raw: $0) }
    }

    private static func leadingWhitespace(_ raw: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Int {
        var count = 0
        while line.lowerBound + count < line.upperBound {
            let byte = raw[line.lowerBound + count]
            guard byte == 0x20 || byte == 0x09 else { break }
            count += 1
        }
        return count
    }

    /// `value` written as a block string (`"""..."""`) that reads back to exactly
    /// `value`, or nil when no block string can (a value with a leading blank line,
    /// trailing whitespace, `\r`, ...); such values must be printed as ordinary strings.
    ///
    /// `indentation` is placed before each line after the first, as descriptions
    /// are indented in SDL; the common-indentation rule removes it again on reading.
    /// Works on UTF-8 bytes: a combining mark after a quote must not hide the quote.
    public static func print(_ value: String, indentation: String = "") -> String? {
        let bytes = Array(value.utf8)
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")
        let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")

        // Lines of the value with every `"""` escaped as `\"""`.
        var lines: [[UInt8]] = [[]]
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote, index + 2 < bytes.count, bytes[index + 1] == quote, bytes[index + 2] == quote {
                lines[lines.count - 1] += [backslash, quote, quote, quote]
                index += 3
                continue
            }
            if byte == newline {
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
            index += 1
        }
        let isSingleLine = lines.count == 1
        let startsWithWhitespace = bytes.first == space || bytes.first == tab
        // Lines after the first all indented (or empty): a leading newline keeps the
        // first line from taking part in the common indentation.
        let forceLeadingNewline =
            lines.count > 1 && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == space || $0.first == tab }
        let lastLine = lines[lines.count - 1]
        let endsWithEscapedQuotes = lastLine.suffix(4).elementsEqual([backslash, quote, quote, quote])
        let hasTrailingQuote = bytes.last == quote && !endsWithEscapedQuotes
        let hasTrailingBackslash = bytes.last == backslash
        let multiline = !isSingleLine || hasTrailingQuote || hasTrailingBackslash || forceLeadingNewline

        var inner: [UInt8] = []
        let lineBreak = [newline] + Array(indentation.utf8)
        if (multiline && !(isSingleLine && startsWithWhitespace)) || forceLeadingNewline {
            inner += lineBreak
        }
        for (number, line) in lines.enumerated() {
            if number > 0 { inner += lineBreak }
            inner += line
        }
        if multiline { inner += lineBreak }

        guard readBack(inner) == value else { return nil }
        return "\"\"\"" + String(decoding: inner, as: UTF8.self) + "\"\"\""
    }

    /// What a block string with these raw contents reads as: `\"""` unescaped, then
    /// BlockStringValue.
    private static func readBack(_ raw: [UInt8]) -> String {
        var unescaped: [UInt8] = []
        unescaped.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "\\"), index + 3 < raw.count, raw[index + 1] == 0x22,
                raw[index + 2] == 0x22, raw[index + 3] == 0x22
            {
                unescaped += [0x22, 0x22, 0x22]
                index += 4
            } else {
                unescaped.append(raw[index])
                index += 1
            }
        }
        return unescaped.withUnsafeBufferPointer { value(raw: $0) }
    }
}
