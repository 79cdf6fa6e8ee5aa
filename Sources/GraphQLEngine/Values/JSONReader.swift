/// Reads JSON text (RFC 8259) into an `InputValue`: how variables arrive in a request
/// body or on the command line.
///
/// Strict: no comments, trailing commas, single quotes or leading zeros; strings must be
/// valid UTF-8 with valid escapes and paired surrogates. A number without fraction or
/// exponent that fits 64 bits is an Int, any other a Float. Nesting is limited, so a
/// hostile body cannot exhaust the stack. Errors give the byte offset where reading stopped.
public struct JSONReader {
    public struct Error: Swift.Error, Hashable, Sendable, CustomStringConvertible {
        public var message: String
        public var offset: Int

        public var description: String { "\(message) at byte \(offset)" }
    }

    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0
    private let maxDepth: Int

    /// The value `text` holds, which must be the whole text (surrounding whitespace aside).
    public static func read(_ text: String, maxDepth: Int = 128) throws(Error) -> InputValue {
        try read(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    public static func read(bytes: [UInt8], maxDepth: Int = 128) throws(Error) -> InputValue {
        var reader = JSONReader(bytes: bytes, maxDepth: maxDepth)
        reader.skipWhitespace()
        let value = try reader.value()
        reader.skipWhitespace()
        guard reader.index == bytes.count else { throw reader.error("Unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    private func error(_ message: String) -> Error { Error(message: message, offset: index) }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1 }
    }

    /// value = false / null / true / object / array / number / string
    private mutating func value() throws(Error) -> InputValue {
        guard let byte = current else { throw error("Unexpected end of JSON") }
        switch byte {
        case UInt8(ascii: "{"): return try nested { reader throws(Error) in try reader.object() }
        case UInt8(ascii: "["): return try nested { reader throws(Error) in try reader.array() }
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .boolean(true)
        case UInt8(ascii: "f"): try literal("false"); return .boolean(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("Unexpected character \(Self.describe(byte))")
        }
    }

    private mutating func nested(_ read: (inout JSONReader) throws(Error) -> InputValue) throws(Error) -> InputValue {
        depth += 1
        guard depth <= maxDepth else { throw error("JSON nested deeper than \(maxDepth) levels") }
        defer { depth -= 1 }
        return try read(&self)
    }

    private mutating func literal(_ word: StaticString) throws(Error) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard index + expected.count <= bytes.count, bytes[index..<index + expected.count].elementsEqual(expected)
        else { throw error("Invalid literal, expected \(word)") }
        index += expected.count
    }

    /// object = { [ member *( , member ) ] }, member = string : value
    private mutating func object() throws(Error) -> InputValue {
        index += 1
        var fields: [String: InputValue] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            index += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw error("Expected a string key") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw error("Expected ':' after an object key") }
            index += 1
            skipWhitespace()
            fields[key] = try value()
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"):
                index += 1
                return .object(fields)
            default: throw error("Expected ',' or '}' in an object")
            }
        }
    }

    /// array = [ [ value *( , value ) ] ]
    private mutating func array() throws(Error) -> InputValue {
        index += 1
        var items: [InputValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            index += 1
            return .list(items)
        }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"):
                index += 1
                return .list(items)
            default: throw error("Expected ',' or ']' in an array")
            }
        }
    }

    /// number = [ - ] int [ frac ] [ exp ]
    private mutating func number() throws(Error) -> InputValue {
        let start = index
        if current == UInt8(ascii: "-") { index += 1 }
        guard let first = current, Self.isDigit(first) else { throw error("Expected a digit") }
        index += 1
        if first == UInt8(ascii: "0"), let next = current, Self.isDigit(next) {
            throw error("Leading zeros are not allowed in JSON numbers")
        }
        skipDigits()
        var isInteger = true
        if current == UInt8(ascii: ".") {
            index += 1
            guard let digit = current, Self.isDigit(digit) else { throw error("Expected a digit after '.'") }
            skipDigits()
            isInteger = false
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            index += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
            guard let digit = current, Self.isDigit(digit) else { throw error("Expected a digit in the exponent") }
            skipDigits()
            isInteger = false
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        if isInteger, let integer = Int(text) { return .int(integer) }
        guard let double = Double(text), double.isFinite else {
            index = start
            throw error("Number out of range: \(text)")
        }
        return .float(double)
    }

    private mutating func skipDigits() {
        while let byte = current, Self.isDigit(byte) { index += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    /// string = " *char " with the escapes \" \\ \/ \b \f \n \r \t \uXXXX
    private mutating func string() throws(Error) -> String {
        index += 1
        var text = ""
        var runStart = index
        while true {
            guard let byte = current else { throw error("Unterminated string") }
            switch byte {
            case UInt8(ascii: "\""):
                try appendRun(from: runStart, to: &text)
                index += 1
                return text
            case UInt8(ascii: "\\"):
                try appendRun(from: runStart, to: &text)
                index += 1
                text.unicodeScalars.append(try escape())
                runStart = index
            case 0x00..<0x20:
                throw error("Unescaped control character in a string")
            default:
                index += 1
            }
        }
    }

    /// Appends the unescaped bytes since `start`, which must be valid UTF-8: validated
    /// and copied as one run (a string without escapes is one run).
    private func appendRun(from start: Int, to text: inout String) throws(Error) {
        guard start < index else { return }
        guard let run = String(validating: bytes[start..<index], as: UTF8.self) else {
            throw Error(message: "Invalid UTF-8 in a string", offset: start)
        }
        if text.isEmpty { text = run } else { text += run }
    }

    private mutating func escape() throws(Error) -> Unicode.Scalar {
        guard let byte = current else { throw error("Unterminated string") }
        index += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try hexUnit()
            switch unit {
            case 0xD800..<0xDC00:
                guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u")
                else { throw error("Unpaired surrogate in a string") }
                index += 2
                let low = try hexUnit()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                else { throw error("Unpaired surrogate in a string") }
                return scalar
            case 0xDC00..<0xE000:
                throw error("Unpaired surrogate in a string")
            default:
                guard let scalar = Unicode.Scalar(unit) else { throw error("Invalid \\u escape") }
                return scalar
            }
        default:
            index -= 1
            throw error("Invalid escape \\\(Self.describe(byte))")
        }
    }

    private mutating func hexUnit() throws(Error) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("Invalid \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("Invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private static func describe(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? "'\(Character(Unicode.Scalar(byte)))'" : "byte 0x" + String(byte, radix: 16)
    }
}
