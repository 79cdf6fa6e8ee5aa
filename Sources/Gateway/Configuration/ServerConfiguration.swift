import Auth
import GraphQLEngine
import Logging
import Pipeline
import Platform
import Redis
import Settings
import Storage

/// Everything `switchboard serve` can be told, typed, with its defaults: what the
/// server runs on when nothing is set. Each setting that fills it is declared once, in
/// `settingsTable`.
public struct ServerConfiguration: Sendable {
    public var schemaPaths = ["schema.graphql"]
    public var logLevel = Logger.Level.info
    public var server = GatewayServer.Settings()
    public var gateway = GatewayConfiguration()
    public var auth = AuthSettings()
    /// The `persisted-queries.*` settings as given; `gateway` gets what they make.
    public var persistedQueries = PersistedQuerySettings()
    /// Where the tables are: an SQLite file unless set.
    public var database = DatabaseLocation.default
    /// Each served domain's settings (`domains[NotificationSettings.self]`).
    public var domains = DomainSettings()
    /// The Redis every instance shares, for rate limits and live events; nil keeps both in
    /// this process (one instance).
    public var redis: RedisEndpoint?
    public var rateLimits = RateLimitSettings()
    /// `SWITCHBOARD_*` variables that set nothing, for the server to warn about.
    public var unknownVariables: [String] = []

    /// How tokens are checked; keys are read from files when the server starts.
    public struct AuthSettings: Sendable, Equatable {
        /// The only algorithm a token may use.
        public var algorithm = TokenAlgorithm.hs256
        /// The HS256 shared secret; nil for the development secret (with a warning).
        public var secret: String?
        /// A PEM file holding the RS256 or ES256 public key that verifies tokens.
        public var publicKeyFile: String?
        /// A PEM file holding the private key that signs tokens (`switchboard token`).
        public var privateKeyFile: String?
        public var issuer: String?
        public var audience: String?

        public init() {}
    }

    public init() {}

    /// The operation limits, as settings write them (the gateway's are never nil here).
    var operationLimits: OperationLimits {
        get { gateway.validation.limits ?? OperationLimits() }
        set { gateway.validation.limits = newValue }
    }

    /// Every setting, by section in the order `--help` lists them: the server's own, then
    /// each domain's.
    public static let settingsTable = SettingsTable<ServerConfiguration>([
        serverSection, authSection, limitsSection, persistedQueriesSection, webSocketSection, storageSection,
        rateLimitsSection,
    ] + ServedDomains.settingsSections)

    /// The configuration from merged values; a value that does not parse is an error
    /// naming where it came from and what was expected.
    public static func load(_ values: SettingValues) throws(SettingsError) -> ServerConfiguration {
        var configuration = try settingsTable.load(values, into: ServerConfiguration())
        configuration.unknownVariables = values.unknownVariables
        return configuration
    }
}
