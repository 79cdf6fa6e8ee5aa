/// How the gateway checks (and its `token` command mints) JWT bearer tokens.
///
/// The algorithm is pinned here and only here: a token is verified with `algorithm` and `key`,
/// whatever its header claims.
public struct AuthConfiguration: Sendable {
    /// The secret used when HS256 is pinned and no `key` is configured.
    ///
    /// For development only: it is public (it is in this source file), so anyone can mint tokens
    /// that a gateway running on it accepts. The server logs a warning when it is in use
    /// (see ``usesDevelopmentSecret``).
    public static let developmentSecret = "switchboard-development-secret-not-for-production"

    /// The shortest HS256 secret accepted, in bytes: RFC 7518 §3.2 asks for a key at least as long
    /// as the hash output, and shorter secrets can be brute-forced from a single token.
    public static let minimumSecretBytes = 32

    public var algorithm: TokenAlgorithm
    /// HS256: the shared secret. RS256/ES256: a PEM public key (a PEM private key also works:
    /// its public half verifies).
    public var key: String?
    /// RS256/ES256: the PEM private key that `switchboard token` signs with. HS256 signs with `key`.
    public var signingKey: String?
    /// When set, a token's `iss` must equal it.
    public var issuer: String?
    /// When set, a token's `aud` (a string or an array) must contain it.
    public var audience: String?
    /// Clock skew tolerated between the issuer and this gateway when checking `exp` and `nbf`.
    public var leeway: Duration

    public init(
        algorithm: TokenAlgorithm = .hs256,
        key: String? = nil,
        signingKey: String? = nil,
        issuer: String? = nil,
        audience: String? = nil,
        leeway: Duration = .seconds(30)
    ) {
        self.algorithm = algorithm
        self.key = key
        self.signingKey = signingKey
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
    }

    /// Whether tokens are checked with ``developmentSecret``, which the server must warn about.
    public var usesDevelopmentSecret: Bool {
        algorithm == .hs256 && key == nil
    }

    /// The HS256 secret: `key`, or the development secret when none is configured.
    func sharedSecret() throws(AuthConfigurationError) -> String {
        let secret = key ?? Self.developmentSecret
        if PEMKey.looksLikePEM(secret) {
            throw AuthConfigurationError(
                "HS256 needs a shared secret, but the key is a PEM key; pin RS256 or ES256 to verify with a public key"
            )
        }
        let length = secret.utf8.count
        guard length >= Self.minimumSecretBytes else {
            throw AuthConfigurationError(
                "The HS256 secret is \(length) bytes long; it must be at least \(Self.minimumSecretBytes) bytes"
            )
        }
        return secret
    }

    /// Settings that are wrong whatever the token: checked by both the verifier and the minter.
    func validate() throws(AuthConfigurationError) {
        if leeway < .zero {
            throw AuthConfigurationError("The token leeway must not be negative")
        }
        if algorithm == .hs256, signingKey != nil {
            throw AuthConfigurationError(
                "A signing key is only used with RS256 or ES256; HS256 signs with its shared secret (key)"
            )
        }
        if issuer?.isEmpty == true {
            throw AuthConfigurationError("The token issuer, when set, must not be empty")
        }
        if audience?.isEmpty == true {
            throw AuthConfigurationError("The token audience, when set, must not be empty")
        }
    }
}
