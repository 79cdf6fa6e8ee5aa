/// The one JWS algorithm the gateway accepts, chosen by configuration rather than by the token.
///
/// Trusting a token's own `alg` header is what makes `alg: none` and the RSA-key-as-HMAC-secret
/// confusion possible, so the verifier compares the header with this value before anything else.
public enum TokenAlgorithm: String, Sendable, CaseIterable {
    /// HMAC with SHA-256 and a shared secret: one gateway (or a few that share the secret) signs and verifies.
    case hs256 = "HS256"
    /// RSASSA-PKCS1-v1_5 with SHA-256: an identity provider signs, the gateway holds only the public key.
    case rs256 = "RS256"
    /// ECDSA on P-256 with SHA-256: as RS256, with smaller keys and signatures.
    case es256 = "ES256"
}
