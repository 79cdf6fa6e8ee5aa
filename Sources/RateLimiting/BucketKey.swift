import Platform
import Schema

/// One bucket: a policy's coordinate and whom it counts.
///
/// Written as a Redis key, `rl:{user:alice}:Query.notifications`: whom it counts in braces
/// (Redis Cluster's hash tag), then the coordinate. A subject's buckets share a slot, so
/// the buckets of one operation, which count its one caller under today's policies, are
/// charged by one script (see `RedisRateLimiter`), while a bucket shared by many callers
/// (an address, a tenant) is still one key. When a policy counts a caller by something
/// else than its own `by` (a USER limit counting a signed-out caller per IP), the key says
/// both: `rl:{ip:203.0.113.7}:Query:user`. Every segment is escaped (`KeySegment`), so a
/// user named `ip:1.2.3.4` cannot share an address's bucket.
public struct BucketKey: Hashable, Sendable, CustomStringConvertible {
    public let coordinate: String
    public let by: RateLimitBy
    public let subject: RateLimitSubject

    /// The Redis key, made once: every charge and decision of an operation looks it up.
    public let description: String
    /// What lies between the braces: the subject, `user:alice`.
    public let hashTag: String

    public init(coordinate: String, by: RateLimitBy, subject: RateLimitSubject) {
        self.coordinate = coordinate
        self.by = by
        self.subject = subject
        hashTag = subject.kind.keySegment + ":" + KeySegment.escaped(subject.value)
        var key = "rl:{" + hashTag + "}:" + KeySegment.escaped(coordinate)
        if by != subject.kind { key += ":" + by.keySegment }
        description = key
    }
}
