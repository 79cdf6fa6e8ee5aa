/// Writes JSON text straight into bytes, with no intermediate object tree.
///
/// Strings are escaped as RFC 8259 requires: `"` and `\`, and every control character
/// below U+0020 (the short forms where JSON has them, `\u00XX` otherwise).
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 256) {
        bytes.reserveCapacity(capacity)
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    public mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    public mutating func raw(_ byte: UInt8) { bytes.append(byte) }

    /// JSON already written elsewhere, such as a response's data.
    public mutating func append(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    /// How many bytes are written so far: a mark to `truncate(to:)` later.
    public var count: Int { bytes.count }

    /// Drops what was written after `mark`. The executor marks each nullable position
    /// before completing it, so that a null propagating from below (spec 6.4.4) can
    /// replace what was written there with `null`.
    public mutating func truncate(to mark: Int) {
        bytes.removeSubrange(min(mark, bytes.count)...)
    }

    public mutating func integer(_ value: Int) {
        bytes.append(contentsOf: String(value).utf8)
    }

    /// A Float as a JSON number (spec 3.5.2), in the shortest form that reads back as the
    /// same double. JSON has no infinities or NaN; a Float is never one (coercion refuses
    /// them), and should one reach here it is written as `null` rather than invalid JSON.
    public mutating func double(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        bytes.append(contentsOf: value.description.utf8)
    }

    public mutating func boolean(_ value: Bool) {
        value ? raw("true") : raw("false")
    }

    public mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            // Runs that need no escape (nearly every string) are copied whole.
            var runStart = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case 0x0A: raw("\\n")
        case 0x0D: raw("\\r")
        case 0x09: raw("\\t")
        case 0x08: raw("\\b")
        case 0x0C: raw("\\f")
        default:
            raw("\\u00")
            bytes.append(Self.hexDigits[Int(byte >> 4)])
            bytes.append(Self.hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
