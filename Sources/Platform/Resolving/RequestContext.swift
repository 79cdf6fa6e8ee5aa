/// Who is asking, as every resolver sees it: what the gateway read from the request's
/// credentials (a JWT's `sub`, `tenant` and `roles`), or nobody.
public struct RequestContext: Sendable, Equatable {
    public var user: String?
    public var tenant: String?
    public var roles: Set<String>
    /// The client's IP address, which counts signed-out callers' rate limits.
    public var clientAddress: String?
    /// The rate limits this operation is over, by the coordinate that declares them, with
    /// the seconds until one more call fits: the fields they limit resolve to null with
    /// `RATE_LIMITED`, the rest runs.
    public var rateLimitRefusals: [String: Int] = [:]

    public init(user: String? = nil, tenant: String? = nil, roles: Set<String> = [], clientAddress: String? = nil) {
        self.user = user
        self.tenant = tenant
        self.roles = roles
        self.clientAddress = clientAddress
    }

    public static let anonymous = RequestContext()

    /// Whether the caller has the schema's `Role` (`ANONYMOUS`, `USER`, `ADMIN`).
    public func has(role: String) -> Bool {
        switch role {
        case "ANONYMOUS": true
        case "USER": user != nil
        default: user != nil && (roles.contains(role) || roles.contains(role.lowercased()))
        }
    }
}
