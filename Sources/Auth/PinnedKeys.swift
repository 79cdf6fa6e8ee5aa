import JWTKit

/// Key collections that hold exactly one key, for the configured algorithm.
///
/// jwt-kit picks a key by the token's `kid` and falls back to the default key; with a single key
/// there is nothing to pick, so no header field can steer verification to another key or algorithm.
extension AuthConfiguration {
    /// The collection that verifies: the shared secret, or the public half of `key`.
    func verificationKeys() async throws(AuthConfigurationError) -> JWTKeyCollection {
        try await keyCollection { () throws(AuthConfigurationError) in
            guard let key else {
                throw AuthConfigurationError("\(algorithm.rawValue) needs a key: the issuer's PEM public key")
            }
            return try pinnedKey(key, setting: "key").publicHalf
        }
    }

    /// The collection that signs: the shared secret, or the private key in `signingKey` (or in `key`).
    func signingKeys() async throws(AuthConfigurationError) -> JWTKeyCollection {
        try await keyCollection { () throws(AuthConfigurationError) in
            let privateKey: PEMKey
            if let signingKey {
                privateKey = try pinnedKey(signingKey, setting: "signingKey")
            } else if let key, let candidate = try? pinnedKey(key, setting: "key"), candidate.isPrivate {
                privateKey = candidate
            } else {
                throw AuthConfigurationError(
                    "Minting \(algorithm.rawValue) tokens needs a signingKey: a PEM private key")
            }
            guard privateKey.isPrivate else {
                throw AuthConfigurationError(
                    "The signingKey is \(privateKey.kind); minting \(algorithm.rawValue) tokens needs the private key"
                )
            }
            return privateKey
        }
    }

    /// One collection with the shared secret (HS256) or with `asymmetricKey()` (RS256, ES256).
    private func keyCollection(
        asymmetricKey: () throws(AuthConfigurationError) -> PEMKey
    ) async throws(AuthConfigurationError) -> JWTKeyCollection {
        try validate()
        let keys = JWTKeyCollection()
        switch algorithm {
        case .hs256:
            let secret = try sharedSecret()
            await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        case .rs256, .es256:
            let key = try asymmetricKey()
            await key.install(in: keys)
        }
        return keys
    }

    /// Reads `pem` and insists that it suits the pinned algorithm.
    private func pinnedKey(_ pem: String, setting: String) throws(AuthConfigurationError) -> PEMKey {
        let key = try PEMKey.read(pem, setting: setting)
        guard key.fits(algorithm) else {
            let wanted = algorithm == .rs256 ? "an RSA key" : "an EC P-256 key"
            throw AuthConfigurationError("\(algorithm.rawValue) needs \(wanted), but the \(setting) is \(key.kind)")
        }
        return key
    }
}
