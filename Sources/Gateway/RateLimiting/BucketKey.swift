import Schema

/// One bucket: a policy's coordinate and whom it counts.
///
/// Written as a Redis key, `rl:{Query.notifications}:user:alice`: the coordinate in
/// braces (Redis Cluster's hash tag, so one policy's buckets share a slot), then the
/// subject. When a policy counts a caller by something else than its own `by` (a USER
/// limit counting a signed-out caller per IP), the key says both:
/// `rl:{Query}:user:ip:203.0.113.7`. Every segment is percent-encoded beyond
/// `A-Z a-z 0-9 . _ - @`, so a user named `ip:1.2.3.4` cannot share an address's bucket.
public struct BucketKey: Hashable, Sendable, CustomStringConvertible {
    public let coordinate: String
    public let by: RateLimitBy
    public let subject: RateLimitSubject

    /// The Redis key, made once: every charge and decision of an operation looks it up.
    public let description: String

    public init(coordinate: String, by: RateLimitBy, subject: RateLimitSubject) {
        self.coordinate = coordinate
        self.by = by
        self.subject = subject
        var key = "rl:{" + Self.encoded(coordinate) + "}:"
        if by != subject.kind { key += by.keySegment + ":" }
        description = key + subject.kind.keySegment + ":" + Self.encoded(subject.value)
    }

    private static func encoded(_ text: String) -> String {
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
}
