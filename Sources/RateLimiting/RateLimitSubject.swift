import Schema

/// Whom a bucket counts: one user, one tenant or one client address.
public enum RateLimitSubject: Hashable, Sendable {
    case user(String)
    case tenant(String)
    case ip(String)

    public var kind: RateLimitBy {
        switch self {
        case .user: .user
        case .tenant: .tenant
        case .ip: .ip
        }
    }

    public var value: String {
        switch self {
        case .user(let value), .tenant(let value), .ip(let value): value
        }
    }
}
