/// A segment of a key in a shared store (Redis): text that cannot pass for another
/// segment, nor end a hash tag. Every byte beyond `A-Z a-z 0-9 . _ - @` is
/// percent-encoded, so `:`, `{` and `}` in a user id stay inside its segment.
public enum KeySegment {
    public static func escaped(_ text: String) -> String {
        var result = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"),
                UInt8(ascii: "@"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    /// `parts` escaped and joined by `:`.
    public static func joined(_ parts: [String]) -> String {
        parts.map(escaped).joined(separator: ":")
    }
}
