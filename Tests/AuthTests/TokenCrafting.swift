import Auth
import Crypto
import Foundation

/// Tokens written by hand, byte by byte, for the cases a well-behaved library refuses to produce:
/// `alg: none`, claims of the wrong type, HMAC keyed with an RSA public key.
enum TokenCrafting {
    /// The moment the tests judge tokens at: 2026-11-24T10:00:00Z.
    static let now = Date(timeIntervalSince1970: 1_795_514_400)
    static let nowSeconds = 1_795_514_400

    static let secret = "a-test-secret-that-is-long-enough-for-hs256"
    static let otherSecret = "another-test-secret-also-long-enough-for-hs256"

    static func base64URL(_ bytes: some DataProtocol) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// `header.payload.signature` from JSON texts; signed with HMAC-SHA256 under `hmacKey`,
    /// or with an empty signature when there is no key.
    static func token(header: String = #"{"alg":"HS256","typ":"JWT"}"#, payload: String, hmacKey: String? = secret)
        -> String
    {
        let signingInput = base64URL(Array(header.utf8)) + "." + base64URL(Array(payload.utf8))
        guard let hmacKey else { return signingInput + "." }
        let mac = HMAC<SHA256>.authenticationCode(
            for: Array(signingInput.utf8), using: SymmetricKey(data: Array(hmacKey.utf8)))
        return signingInput + "." + base64URL(Array(mac))
    }

    /// A payload whose `exp` is an hour after ``now`` plus `claims` (JSON members, without braces).
    static func payload(_ claims: String = #""sub":"alice""#, expiresIn seconds: Int = 3600) -> String {
        "{\(claims),\"exp\":\(nowSeconds + seconds)}"
    }

    static func hs256Verifier(
        issuer: String? = nil, audience: String? = nil, leeway: Duration = .seconds(30)
    ) async throws -> TokenVerifier {
        try await TokenVerifier(
            AuthConfiguration(algorithm: .hs256, key: secret, issuer: issuer, audience: audience, leeway: leeway))
    }

    /// The reason a refusal gives, or a description of the success that should not have happened.
    static func reason<Context>(_ result: Result<Context, AuthFailure>) -> String {
        switch result {
        case .success(let context): "accepted as \(context)"
        case .failure(let failure): failure.reason
        }
    }
}
