import Crypto
import JWTKit

/// An asymmetric key read from PEM text, of whichever kind the text holds.
///
/// Reading every kind (rather than only the one the pinned algorithm wants) lets a misconfiguration
/// be reported as "RS256 needs an RSA key, but key is an EC P-256 public key" instead of "bad PEM".
enum PEMKey {
    case rsaPublic(JWTKit.Insecure.RSA.PublicKey)
    case rsaPrivate(JWTKit.Insecure.RSA.PrivateKey)
    case ecPublic(ES256PublicKey)
    case ecPrivate(ES256PrivateKey)

    static func looksLikePEM(_ text: String) -> Bool {
        text.contains("-----BEGIN ")
    }

    /// Reads `pem`; `setting` names the configuration value in errors ("key", "signingKey").
    static func read(_ pem: String, setting: String) throws(AuthConfigurationError) -> PEMKey {
        guard looksLikePEM(pem) else {
            throw AuthConfigurationError("The \(setting) is not PEM text (it has no -----BEGIN line)")
        }
        if let key = try? JWTKit.Insecure.RSA.PublicKey(pem: pem) { return .rsaPublic(key) }
        if let key = try? JWTKit.Insecure.RSA.PrivateKey(pem: pem) { return .rsaPrivate(key) }
        if let key = try? ES256PublicKey(pem: pem) { return .ecPublic(key) }
        if let key = try? ES256PrivateKey(pem: pem) { return .ecPrivate(key) }
        if isECKeyOnAnotherCurve(pem) {
            throw AuthConfigurationError("The \(setting) is an EC key on a curve other than P-256; ES256 needs P-256")
        }
        throw AuthConfigurationError(
            "The \(setting) is not a readable PEM key: expected an RSA key of at least 2048 bits or an EC P-256 key"
        )
    }

    private static func isECKeyOnAnotherCurve(_ pem: String) -> Bool {
        (try? P384.Signing.PublicKey(pemRepresentation: pem)) != nil
            || (try? P384.Signing.PrivateKey(pemRepresentation: pem)) != nil
            || (try? P521.Signing.PublicKey(pemRepresentation: pem)) != nil
            || (try? P521.Signing.PrivateKey(pemRepresentation: pem)) != nil
    }

    var kind: String {
        switch self {
        case .rsaPublic: "an RSA public key"
        case .rsaPrivate: "an RSA private key"
        case .ecPublic: "an EC P-256 public key"
        case .ecPrivate: "an EC P-256 private key"
        }
    }

    var isPrivate: Bool {
        switch self {
        case .rsaPrivate, .ecPrivate: true
        case .rsaPublic, .ecPublic: false
        }
    }

    /// Whether this key can serve `algorithm` (RSA for RS256, P-256 for ES256, nothing for HS256).
    func fits(_ algorithm: TokenAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.rsaPublic, .rs256), (.rsaPrivate, .rs256), (.ecPublic, .es256), (.ecPrivate, .es256): true
        default: false
        }
    }

    /// The half that verifies: a verifier never needs (so never keeps) a private key.
    var publicHalf: PEMKey {
        switch self {
        case .rsaPrivate(let key): .rsaPublic(key.publicKey)
        case .ecPrivate(let key): .ecPublic(key.publicKey)
        case .rsaPublic, .ecPublic: self
        }
    }

    /// Makes this key the default (and only) key of `keys`, for RS256 or ES256 as its kind says.
    func install(in keys: JWTKeyCollection) async {
        switch self {
        case .rsaPublic(let key): await keys.add(rsa: key, digestAlgorithm: .sha256)
        case .rsaPrivate(let key): await keys.add(rsa: key, digestAlgorithm: .sha256)
        case .ecPublic(let key): await keys.add(ecdsa: key)
        case .ecPrivate(let key): await keys.add(ecdsa: key)
        }
    }
}
