import JWTKit

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Signs tokens that a ``TokenVerifier`` with the same configuration accepts: what
/// `switchboard token` prints for development, tests and service accounts.
public struct TokenMinter: Sendable {
    public let configuration: AuthConfiguration
    private let keys: JWTKeyCollection

    /// Needs something to sign with: the HS256 secret, or for RS256/ES256 a PEM private key in
    /// `signingKey` (or in `key`).
    public init(_ configuration: AuthConfiguration) async throws(AuthConfigurationError) {
        self.configuration = configuration
        self.keys = try await configuration.signingKeys()
    }

    /// A token for `user` that expires `ttl` after `now`, carrying `iss` and `aud` when configured.
    public func mint(
        user: String,
        tenant: String? = nil,
        roles: [String] = [],
        ttl: Duration,
        now: Date
    ) async throws -> String {
        guard !user.isEmpty else { throw TokenMintingError("A token needs a user (its sub claim)") }
        guard tenant?.isEmpty != true else { throw TokenMintingError("The tenant, when given, must not be empty") }
        guard ttl > .zero else { throw TokenMintingError("The token lifetime (ttl) must be positive") }
        let issuedAt = Int(now.timeIntervalSince1970.rounded(.down))
        let (expiry, overflow) = issuedAt.addingReportingOverflow(Int(ttl.components.seconds))
        guard !overflow, expiry <= Self.latestExpiry else {
            throw TokenMintingError("The token lifetime (ttl) is too long")
        }
        let claims = MintedClaims(
            sub: user,
            tenant: tenant,
            roles: roles.isEmpty ? nil : roles,
            iat: issuedAt,
            exp: expiry,
            iss: configuration.issuer,
            aud: configuration.audience
        )
        return try await keys.sign(claims)
    }

    /// The last second of year 9999: later expiry times are beyond what clients can show.
    private static let latestExpiry = 253_402_300_799
}

/// Why a token could not be minted from the given arguments.
public struct TokenMintingError: Error, Equatable, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}

/// The claims a minted token carries; times are whole seconds, as most JWT libraries expect.
private struct MintedClaims: JWTPayload {
    var sub: String
    var tenant: String?
    var roles: [String]?
    var iat: Int
    var exp: Int
    var iss: String?
    var aud: String?

    /// Minting checks nothing: the verifier is where claims are judged.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
