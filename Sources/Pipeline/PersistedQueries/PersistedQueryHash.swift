import Crypto

/// The identifier of a persisted query: the SHA-256 of its text's UTF-8 bytes, as 64
/// lowercase hexadecimal digits, which is what Apollo's clients send as `sha256Hash`.
public enum PersistedQueryHash {
    /// The hash of `query`, exactly as sent: no trimming or normalising, since the client
    /// hashed the very text it would send.
    public static func sha256(_ query: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in SHA256.hash(data: Array(query.utf8)) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// Whether `text` has the shape of a hash (64 hexadecimal digits, either case).
    public static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
    }
}
