import Schema

/// Who an operation is for, as rate limits count callers.
public struct RateLimitCaller: Hashable, Sendable {
    public var user: String?
    public var tenant: String?
    public var ip: String

    public init(user: String? = nil, tenant: String? = nil, ip: String) {
        self.user = user
        self.tenant = tenant
        self.ip = ip
    }

    /// The buckets that count this caller among one coordinate's policies, by the rule
    /// schema.graphql documents on `@rateLimit`: signed in, USER and TENANT limits, and an
    /// IP one unless a USER one stands beside it; signed out, the IP limit, or without
    /// one the others per IP. A TENANT limit counts a caller without a tenant as a USER
    /// limit would.
    public func buckets(of policies: [RateLimitPolicy]) -> [(policy: RateLimitPolicy, key: BucketKey)] {
        let hasUserLimit = policies.contains { $0.by == .user }
        let hasIPLimit = policies.contains { $0.by == .ip }
        return policies.compactMap { policy in
            let subject: RateLimitSubject
            switch policy.by {
            case .ip:
                if user != nil, hasUserLimit { return nil }
                subject = .ip(ip)
            case .user:
                if let user {
                    subject = .user(user)
                } else if hasIPLimit {
                    return nil
                } else {
                    subject = .ip(ip)
                }
            case .tenant:
                if let tenant {
                    subject = .tenant(tenant)
                } else if let user {
                    subject = .user(user)
                } else if hasIPLimit {
                    return nil
                } else {
                    subject = .ip(ip)
                }
            }
            return (policy, BucketKey(coordinate: policy.coordinate, by: policy.by, subject: subject))
        }
    }
}
