import Auth
import Foundation
import Logging
import Settings

extension ServerConfiguration.AuthSettings {
    /// The auth settings with key files read: what the verifier and minter take.
    public func authConfiguration() throws(SettingsError) -> AuthConfiguration {
        func read(_ path: String?, _ setting: String) throws(SettingsError) -> String? {
            guard let path else { return nil }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw SettingsError("\(setting): cannot read the key file \(path)")
            }
            return String(decoding: data, as: UTF8.self)
        }
        let key: String?
        switch algorithm {
        case .hs256:
            if publicKeyFile != nil {
                throw SettingsError("auth.public-key is for RS256 or ES256; HS256 checks with auth.secret")
            }
            key = secret
        case .rs256, .es256:
            if secret != nil {
                throw SettingsError("auth.secret is for HS256; \(algorithm.rawValue) checks with auth.public-key")
            }
            // The private key's public half verifies too, so one file is enough.
            if let publicKey = try read(publicKeyFile, "auth.public-key") {
                key = publicKey
            } else {
                key = try read(privateKeyFile, "auth.private-key")
            }
            guard key != nil else {
                throw SettingsError("\(algorithm.rawValue) needs auth.public-key (a PEM file)")
            }
        }
        return AuthConfiguration(
            algorithm: algorithm, key: key,
            signingKey: algorithm == .hs256 ? nil : try read(privateKeyFile, "auth.private-key"), issuer: issuer,
            audience: audience)
    }
}

extension ServerConfiguration {
    /// The token verifier the server checks credentials with; a warning is logged when
    /// it runs on the development secret, which anyone can mint tokens for.
    public func makeVerifier(logger: Logger) async throws -> TokenVerifier {
        let configuration = try auth.authConfiguration()
        if configuration.usesDevelopmentSecret {
            logger.warning(
                "Tokens are checked with the built-in development secret: set auth.secret (SWITCHBOARD_AUTH_SECRET) in production"
            )
        }
        do {
            return try await TokenVerifier(configuration)
        } catch {
            throw SettingsError("auth: \(error)")
        }
    }
}
