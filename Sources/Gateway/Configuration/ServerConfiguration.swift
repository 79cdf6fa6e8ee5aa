import GraphQLEngine
import Logging

/// Everything `switchboard serve` can be told, typed, with its defaults: what the
/// server runs on when nothing is set.
public struct ServerConfiguration: Sendable {
    public var schemaPaths = ["schema.graphql"]
    public var logLevel = Logger.Level.info
    public var server = GatewayServer.Settings()
    public var gateway = GatewayConfiguration()
    public var auth = AuthSettings()
    /// Where the tables are: an SQLite file unless set.
    public var database = DatabaseLocation.default
    public var notifications = NotificationSettings()
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

    /// One setting: its name (which gives its flag, variable and YAML key) and what it
    /// does, for `--help`.
    public struct Setting: Sendable {
        public var key: String
        public var help: String
    }

    /// Every setting, in the order `--help` lists them.
    public static let settings: [Setting] = [
        Setting(key: "host", help: "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)."),
        Setting(key: "port", help: "The port to listen on (default 8080; 0 for any free port)."),
        Setting(key: "schema", help: "The schema's SDL files, comma-separated (default schema.graphql)."),
        Setting(key: "log-level", help: "trace, debug, info, notice, warning, error or critical (default info)."),
        Setting(key: "auth.algorithm", help: "The one JWT algorithm accepted: HS256, RS256 or ES256 (default HS256)."),
        Setting(key: "auth.secret", help: "The HS256 shared secret, 32 bytes or more."),
        Setting(key: "auth.public-key", help: "A PEM file with the RS256 or ES256 public key that verifies tokens."),
        Setting(
            key: "auth.private-key", help: "A PEM file with the private key that signs tokens (switchboard token)."),
        Setting(key: "auth.issuer", help: "The iss claim tokens must carry, if set."),
        Setting(key: "auth.audience", help: "The aud claim tokens must carry, if set."),
        Setting(key: "limits.body-bytes", help: "The largest HTTP request body, in bytes (default 2097152)."),
        Setting(key: "limits.query-bytes", help: "The largest GraphQL document, in bytes (default 262144)."),
        Setting(key: "limits.tokens", help: "The most tokens a document may have (default 100000)."),
        Setting(
            key: "limits.operation-timeout", help: "How long an operation may run, e.g. 30s (default 30s; 0 for none)."),
        Setting(key: "limits.depth", help: "How deep selections may nest (default 15; 0 for no limit)."),
        Setting(key: "limits.aliases", help: "The most aliases an operation may use (default 30; 0 for no limit)."),
        Setting(
            key: "limits.root-fields",
            help: "The most root fields an operation may select (default 20; 0 for no limit)."),
        Setting(
            key: "introspection", help: "Whether clients may query __schema and __type: true or false (default true)."),
        Setting(
            key: "persisted-queries.mode",
            help: "automatic (APQ), allow-list (only registered operations run) or off (default automatic)."),
        Setting(key: "persisted-queries.max-entries", help: "Automatic persisted queries kept (default 10000)."),
        Setting(
            key: "persisted-queries.manifest",
            help: "Registered operations: a JSON manifest (hash to query) or a directory of .graphql files."),
        Setting(
            key: "websocket.init-timeout", help: "How long a WebSocket client has to send connection_init (default 3s)."
        ),
        Setting(key: "websocket.keep-alive", help: "How often to ping WebSocket clients (default 12s; 0 for never)."),
        Setting(
            key: "websocket.idle-timeout",
            help: "How long an idle WebSocket client may stay silent (default: no limit)."),
        Setting(key: "websocket.max-operations", help: "The most operations one WebSocket runs at once (default 100)."),
        Setting(key: "websocket.max-message-bytes", help: "The largest WebSocket message, in bytes (default 1048576)."),
        Setting(
            key: "websocket.max-queued-frames",
            help: "Frames waiting for a slow client before it is closed (default 1024)."),
        Setting(key: "shutdown-grace", help: "How long a shutdown waits for work in flight (default 10s)."),
        Setting(
            key: "trusted-proxy-hops",
            help:
                "Proxies in front of the server that append to X-Forwarded-For; the client's address, which signed-out rate limits count, is the one the outermost saw (default 0: the socket's peer)."
        ),
        Setting(
            key: "database",
            help:
                "Where the tables are: an SQLite file path or sqlite:PATH (default switchboard.sqlite), sqlite::memory:, or postgres://user:password@host:5432/database?sslmode=prefer."
        ),
        Setting(
            key: "redis",
            help:
                "A Redis shared by every instance, for rate limits and live events: redis://[user:password@]host:6379[/db] (default: none, both kept in this process)."
        ),
        Setting(
            key: "rate-limits.enabled",
            help: "Whether schema.graphql's @rateLimit and @costBudget are enforced: true or false (default true)."),
        Setting(
            key: "rate-limits.failure-mode",
            help: "While Redis is unreachable, open (run operations unlimited) or closed (refuse them) (default open)."
        ),
        Setting(
            key: "notifications.delivery",
            help: "Where push and email deliveries go: log (one log line each) or webhook (default log)."),
        Setting(
            key: "notifications.webhook-url",
            help: "The http or https URL deliveries are POSTed to as JSON, when notifications.delivery is webhook."),
        Setting(
            key: "notifications.batch-window",
            help: "How long notifications of one type and group key gather into one (default 5m)."),
        Setting(
            key: "notifications.outbox-interval", help: "How often the outbox looks for due deliveries (default 1s)."),
        Setting(
            key: "notifications.max-attempts",
            help: "How many times a delivery is tried before it fails (default 5; 1 to 100)."),
    ]

    /// The configuration from merged values; a value that does not parse is an error
    /// naming where it came from and what was expected.
    public static func load(_ values: ConfigurationValues) throws(ConfigurationError) -> ServerConfiguration {
        let reader = Reader(values: values)
        var configuration = ServerConfiguration()
        configuration.unknownVariables = values.unknownVariables.sorted()
        if let paths = reader.string("schema") {
            configuration.schemaPaths = paths.split(separator: ",").map { $0.trimmingSpaces() }
        }
        if let level = try reader.parse("log-level", "a log level", Logger.Level.init(rawValue:)) {
            configuration.logLevel = level
        }
        configuration.server.host = reader.string("host") ?? configuration.server.host
        configuration.server.port = try reader.int("port", 0...65_535) ?? configuration.server.port

        var auth = configuration.auth
        if let algorithm = try reader.parse(
            "auth.algorithm", "HS256, RS256 or ES256",
            { text in
                TokenAlgorithm(rawValue: text.uppercased())
            })
        {
            auth.algorithm = algorithm
        }
        auth.secret = reader.string("auth.secret")
        auth.publicKeyFile = reader.string("auth.public-key")
        auth.privateKeyFile = reader.string("auth.private-key")
        auth.issuer = reader.string("auth.issuer")
        auth.audience = reader.string("auth.audience")
        configuration.auth = auth

        var gateway = configuration.gateway
        gateway.maxRequestBodyBytes = try reader.int("limits.body-bytes", 1...(1 << 30)) ?? gateway.maxRequestBodyBytes
        gateway.maxQueryBytes = try reader.int("limits.query-bytes", 1...(1 << 30)) ?? gateway.maxQueryBytes
        gateway.documentLimits.maxTokens =
            try reader.int("limits.tokens", 1...10_000_000) ?? gateway.documentLimits.maxTokens
        if let timeout = try reader.duration("limits.operation-timeout") {
            gateway.operationTimeout = timeout == .zero ? nil : timeout
        }
        var limits = gateway.validation.limits ?? OperationLimits()
        for (key, path) in [
            ("limits.depth", \OperationLimits.maxDepth), ("limits.aliases", \.maxAliases),
            ("limits.root-fields", \.maxRootFields),
        ] {
            if let limit = try reader.int(key, 0...10_000) { limits[keyPath: path] = limit == 0 ? nil : limit }
        }
        gateway.validation.limits = limits
        gateway.validation.allowsIntrospection = try reader.bool("introspection") ?? true
        let maxEntries = try reader.int("persisted-queries.max-entries", 1...10_000_000) ?? 10_000
        gateway.persistedQueries =
            try reader.parse("persisted-queries.mode", "automatic, allow-list or off") { text in
                switch text.lowercased() {
                case "automatic": PersistedQueryMode.automatic(maxEntries: maxEntries)
                case "allow-list": .allowList
                case "off": .disabled
                default: nil
                }
            } ?? .automatic(maxEntries: maxEntries)
        if let manifest = values["persisted-queries.manifest"], !manifest.text.isEmpty {
            do {
                gateway.registeredOperations = try PersistedQueryManifest(contentsOf: manifest.text).operations
            } catch {
                throw ConfigurationError("\(manifest.source): \(error)")
            }
        } else if gateway.persistedQueries == .allowList {
            throw ConfigurationError("persisted-queries.mode allow-list needs persisted-queries.manifest")
        }
        configuration.gateway = gateway

        var webSocket = configuration.server.webSocket
        webSocket.connectionInitTimeout =
            try reader.duration("websocket.init-timeout") ?? webSocket.connectionInitTimeout
        if let interval = try reader.duration("websocket.keep-alive") {
            webSocket.keepAliveInterval = interval == .zero ? nil : interval
        }
        if let idle = try reader.duration("websocket.idle-timeout") {
            webSocket.idleTimeout = idle == .zero ? nil : idle
        }
        webSocket.maxOperations = try reader.int("websocket.max-operations", 1...100_000) ?? webSocket.maxOperations
        webSocket.maxMessageBytes =
            try reader.int("websocket.max-message-bytes", 64...(1 << 28)) ?? webSocket.maxMessageBytes
        configuration.server.webSocket = webSocket
        configuration.server.maxQueuedFrames =
            try reader.int("websocket.max-queued-frames", 1...1_000_000) ?? configuration.server.maxQueuedFrames
        configuration.server.shutdownGrace = try reader.duration("shutdown-grace") ?? configuration.server.shutdownGrace
        configuration.server.trustedProxyHops = try reader.int("trusted-proxy-hops", 0...10) ?? 0
        try loadStorage(reader, into: &configuration)
        try loadRedis(reader, into: &configuration)
        return configuration
    }

    /// Reads typed values, with errors that say where a bad one came from.
    struct Reader {
        let values: ConfigurationValues

        func string(_ key: String) -> String? {
            values[key].map(\.text).flatMap { $0.isEmpty ? nil : $0 }
        }

        func parse<T>(_ key: String, _ expected: String, _ convert: (String) -> T?) throws(ConfigurationError) -> T? {
            guard let value = values[key], !value.text.isEmpty else { return nil }
            guard let parsed = convert(value.text) else {
                throw ConfigurationError("\(value.source): expected \(expected), got \"\(value.text)\"")
            }
            return parsed
        }

        func int(_ key: String, _ range: ClosedRange<Int>) throws(ConfigurationError) -> Int? {
            try parse(key, "a whole number from \(range.lowerBound) to \(range.upperBound)") { text in
                Int(text.trimmingSpaces()).flatMap { range.contains($0) ? $0 : nil }
            }
        }

        func duration(_ key: String) throws(ConfigurationError) -> Duration? {
            try parse(key, "a duration such as 500ms, 30s, 5m or 1h", DurationText.parse)
        }

        func bool(_ key: String) throws(ConfigurationError) -> Bool? {
            try parse(key, "true or false") { text in
                switch text.lowercased() {
                case "true", "yes", "on", "1": true
                case "false", "no", "off", "0": false
                default: nil
                }
            }
        }
    }
}
