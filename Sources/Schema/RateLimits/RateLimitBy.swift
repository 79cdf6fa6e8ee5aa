/// `RateLimitBy` of schema.graphql: whom a limit counts, each with its own bucket.
public enum RateLimitBy: String, Hashable, Sendable, CaseIterable {
    case user = "USER"
    case ip = "IP"
    case tenant = "TENANT"

    /// How a bucket key names the partition: lower case, so keys read like `user:alice`.
    public var keySegment: String {
        switch self {
        case .user: "user"
        case .ip: "ip"
        case .tenant: "tenant"
        }
    }
}
