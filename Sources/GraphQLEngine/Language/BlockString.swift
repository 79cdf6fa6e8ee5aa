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
    public static func print(_ value: String, indentation: String = "") -> String? {
        let escaped = value.replacing("\"\"\"", with: "\\\"\"\"")
        let lines = escaped.split(separator: "\n", omittingEmptySubsequences: false)
        let isSingleLine = lines.count == 1
        let startsWithWhitespace = value.first == " " || value.first == "\t"
        // Lines after the first all indented (or empty): a leading newline keeps the
        // first line from taking part in the common indentation.
        let forceLeadingNewline =
            lines.count > 1 && lines.dropFirst().allSatisfy { $0.isEmpty || $0.first == " " || $0.first == "\t" }
        let hasTrailingQuote = value.hasSuffix("\"") && !escaped.hasSuffix("\\\"\"\"")
        let hasTrailingBackslash = value.hasSuffix("\\")
        let multiline = !isSingleLine || hasTrailingQuote || hasTrailingBackslash || forceLeadingNewline

        var text = "\"\"\""
        if (multiline && !(isSingleLine && startsWithWhitespace)) || forceLeadingNewline {
            text += "\n" + indentation
        }
        text += lines.joined(separator: "\n" + indentation)
        if multiline { text += "\n" + indentation }
        text += "\"\"\""

        let inner = text.dropFirst(3).dropLast(3)
        var check = String(inner)
        let readBack = check.withUTF8 { rawBytes -> String in
            var unescaped: [UInt8] = []
            unescaped.reserveCapacity(rawBytes.count)
            var i = 0
            while i < rawBytes.count {
                if rawBytes[i] == UInt8(ascii: "\\"), i + 3 < rawBytes.count,
                    rawBytes[i + 1] == 0x22, rawBytes[i + 2] == 0x22, rawBytes[i + 3] == 0x22
                {
                    unescaped.append(contentsOf: [0x22, 0x22, 0x22])
                    i += 4
                } else {
                    unescaped.append(rawBytes[i])
                    i += 1
                }
            }
            return unescaped.withUnsafeBufferPointer { BlockString.value(raw: $0) }
        }
        return readBack == value ? text : nil
    }
}
