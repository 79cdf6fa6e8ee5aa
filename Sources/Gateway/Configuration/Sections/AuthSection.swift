import Auth
import Settings

extension ServerConfiguration {
    /// `auth.*`: how tokens are checked. Which key files go with which algorithm is
    /// checked when the keys are read (`AuthSettings.authConfiguration()`).
    static let authSection = SettingsSection<ServerConfiguration>(
        "auth", title: "Auth (JWT bearer tokens)",
        settings: [
            Setting(
                "algorithm", \.auth.algorithm, .oneOf(TokenAlgorithm.allCases), help: "The one JWT algorithm accepted.",
                examples: ["RS256", "es256"], bad: "none"),
            Setting(
                "secret", \.auth.secret, SettingParser.text.optional,
                help: "The HS256 shared secret, 32 bytes or more.",
                examples: ["a-secret-of-thirty-two-bytes-or-more", "another"]),
            Setting(
                "public-key", \.auth.publicKeyFile, SettingParser.text.optional,
                help: "A PEM file with the RS256 or ES256 public key that verifies tokens.",
                examples: ["keys/public.pem", "other.pem"]),
            Setting(
                "private-key", \.auth.privateKeyFile, SettingParser.text.optional,
                help: "A PEM file with the private key that signs tokens (switchboard token).",
                examples: ["keys/private.pem", "other.pem"]),
            Setting(
                "issuer", \.auth.issuer, SettingParser.text.optional, help: "The iss claim tokens must carry, if set.",
                examples: ["https://id.example", "other"]),
            Setting(
                "audience", \.auth.audience, SettingParser.text.optional,
                help: "The aud claim tokens must carry, if set.", examples: ["switchboard", "other"]),
        ])
}
