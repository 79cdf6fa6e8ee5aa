import JWTKit
import Platform

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Checks bearer tokens and says who is asking.
///
/// Order matters: the token is taken apart and its `alg` compared with the configured algorithm,
/// then jwt-kit checks the signature with the one configured key, and only then are claims read.
public struct TokenVerifier: Sendable {
    public let configuration: AuthConfiguration
    private let keys: JWTKeyCollection

    /// Fails when the configuration cannot verify anything: a short secret, unreadable PEM,
    /// or a key of the wrong kind for the pinned algorithm.
    public init(_ configuration: AuthConfiguration) async throws(AuthConfigurationError) {
        self.configuration = configuration
        self.keys = try await configuration.verificationKeys()
    }

    /// The caller that `token` (the bare token, without a scheme) speaks for, judged at `now`.
    public func verify(_ token: String, now: Date) async -> Result<RequestContext, AuthFailure> {
        do throws(AuthFailure) {
            let parts = try CompactToken(token)
            let pinned = configuration.algorithm.rawValue
            guard parts.algorithm == pinned else {
                let named = parts.quotableAlgorithm.map { "Token algorithm \($0)" } ?? "Token algorithm"
                throw AuthFailure("\(named) is not the configured \(pinned)")
            }
            try await checkSignature(of: token)
            let claims = try TokenClaims(payload: parts.payload)
            return .success(try claims.context(checkedAgainst: configuration, now: now))
        } catch {
            return .failure(error)
        }
    }

    private func checkSignature(of token: String) async throws(AuthFailure) {
        do {
            _ = try await keys.verify(token, as: SignedPayload.self)
        } catch let error as JWTError where error.errorType == .malformedToken {
            throw AuthFailure("Token payload is not a JSON object")
        } catch {
            // A signature jwt-kit refuses, or one the key cannot even read (an ES256 signature of the wrong size).
            throw AuthFailure("Token signature is invalid")
        }
    }
}

/// What jwt-kit decodes once the signature holds: nothing, since ``TokenClaims`` reads the claims
/// with the time and settings it is given, and jwt-kit's own claim checks would use the system clock.
private struct SignedPayload: JWTPayload {
    init(from decoder: any Decoder) throws {}

    func encode(to encoder: any Encoder) throws {}

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
