import Auth
import JWTKit
import Testing

/// Configurations that cannot verify or mint safely are refused at start-up, saying what to fix.
@Suite struct AuthConfigurationTests {
    func verifierError(_ configuration: AuthConfiguration) async -> String? {
        await reason { () async throws(AuthConfigurationError) in _ = try await TokenVerifier(configuration) }
    }

    func minterError(_ configuration: AuthConfiguration) async -> String? {
        await reason { () async throws(AuthConfigurationError) in _ = try await TokenMinter(configuration) }
    }

    /// The reason `setUp` fails with, or nil when it succeeds.
    func reason(_ setUp: () async throws(AuthConfigurationError) -> Void) async -> String? {
        do throws(AuthConfigurationError) {
            try await setUp()
            return nil
        } catch {
            return error.reason
        }
    }

    @Test("An HS256 secret shorter than 32 bytes is refused")
    func shortSecret() async {
        let short = AuthConfiguration(algorithm: .hs256, key: "hunter2")
        #expect(await verifierError(short) == "The HS256 secret is 7 bytes long; it must be at least 32 bytes")
        #expect(await minterError(short) == "The HS256 secret is 7 bytes long; it must be at least 32 bytes")
        #expect(await verifierError(AuthConfiguration(key: String(repeating: "k", count: 32))) == nil)
    }

    @Test("A PEM key configured as the HS256 secret is refused")
    func pemAsSecret() async {
        #expect(
            await verifierError(AuthConfiguration(algorithm: .hs256, key: AuthTestKeys.rsaPublic))
                == "HS256 needs a shared secret, but the key is a PEM key; pin RS256 or ES256 to verify with a public key"
        )
    }

    @Test("RS256 and ES256 need a key")
    func missingKey() async {
        #expect(
            await verifierError(AuthConfiguration(algorithm: .rs256))
                == "RS256 needs a key: the issuer's PEM public key")
        #expect(
            await verifierError(AuthConfiguration(algorithm: .es256))
                == "ES256 needs a key: the issuer's PEM public key")
    }

    @Test("Text that is not PEM, and PEM that holds no usable key, are refused")
    func junkPEM() async {
        #expect(
            await verifierError(AuthConfiguration(algorithm: .rs256, key: "ssh-rsa AAAAB3NzaC1yc2E"))
                == "The key is not PEM text (it has no -----BEGIN line)")
        let junk = "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n"
        #expect(
            await verifierError(AuthConfiguration(algorithm: .rs256, key: junk))
                == "The key is not a readable PEM key: expected an RSA key of at least 2048 bits or an EC P-256 key")
    }

    @Test("A key of the wrong kind for the pinned algorithm is refused, naming both")
    func wrongKind() async {
        let ecKey = ES256PrivateKey()
        #expect(
            await verifierError(AuthConfiguration(algorithm: .rs256, key: ecKey.publicKey.pemRepresentation))
                == "RS256 needs an RSA key, but the key is an EC P-256 public key")
        #expect(
            await verifierError(AuthConfiguration(algorithm: .es256, key: AuthTestKeys.rsaPublic))
                == "ES256 needs an EC P-256 key, but the key is an RSA public key")
        #expect(
            await verifierError(AuthConfiguration(algorithm: .es256, key: AuthTestKeys.p384Public))
                == "The key is an EC key on a curve other than P-256; ES256 needs P-256")
        #expect(
            await minterError(AuthConfiguration(algorithm: .es256, signingKey: AuthTestKeys.rsaPrivate))
                == "ES256 needs an EC P-256 key, but the signingKey is an RSA private key")
    }

    @Test("Minting RS256 or ES256 needs a private key")
    func mintingNeedsPrivateKey() async {
        #expect(
            await minterError(AuthConfiguration(algorithm: .rs256, key: AuthTestKeys.rsaPublic))
                == "Minting RS256 tokens needs a signingKey: a PEM private key")
        #expect(
            await minterError(AuthConfiguration(algorithm: .rs256, signingKey: AuthTestKeys.rsaPublic))
                == "The signingKey is an RSA public key; minting RS256 tokens needs the private key")
        #expect(await minterError(AuthConfiguration(algorithm: .rs256, signingKey: AuthTestKeys.rsaPrivate)) == nil)
    }

    @Test("A signing key with HS256, a negative leeway and empty issuer or audience are refused")
    func inconsistentSettings() async {
        let secret = TokenCrafting.secret
        #expect(
            await verifierError(AuthConfiguration(key: secret, signingKey: AuthTestKeys.rsaPrivate))
                == "A signing key is only used with RS256 or ES256; HS256 signs with its shared secret (key)")
        #expect(
            await verifierError(AuthConfiguration(key: secret, leeway: .seconds(-1)))
                == "The token leeway must not be negative")
        #expect(
            await verifierError(AuthConfiguration(key: secret, issuer: ""))
                == "The token issuer, when set, must not be empty")
        #expect(
            await verifierError(AuthConfiguration(key: secret, audience: ""))
                == "The token audience, when set, must not be empty")
    }

    @Test("The algorithm names are the JWS names")
    func algorithmNames() {
        #expect(TokenAlgorithm.allCases.map(\.rawValue) == ["HS256", "RS256", "ES256"])
        #expect(TokenAlgorithm(rawValue: "none") == nil)
    }
}
