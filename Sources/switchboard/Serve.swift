import ArgumentParser
import Foundation
import Gateway
import Logging
import Resolvers
import Schema

/// `switchboard serve` (the default command): the gateway, configured from flags, then
/// `SWITCHBOARD_*` environment variables, then a YAML file.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve GraphQL over HTTP and WebSocket on /graphql.",
        discussion: """
            Each setting can also be given as an environment variable (--websocket-keep-alive \
            is SWITCHBOARD_WEBSOCKET_KEEP_ALIVE) or in the YAML file of --config (as \
            websocket: {keep-alive: 12s}); a flag wins over the environment, which wins \
            over the file. Durations are written 500ms, 30s, 5m, 1h. SIGTERM or SIGINT \
            shuts down gracefully within --shutdown-grace.
            """
    )

    @Option(help: "A YAML file of settings (or SWITCHBOARD_CONFIG).")
    var config: String?

    @Option(help: help("host")) var host: String?
    @Option(help: help("port")) var port: String?
    @Option(help: help("schema")) var schema: String?
    @Option(help: help("log-level")) var logLevel: String?
    @Option(help: help("auth.algorithm")) var authAlgorithm: String?
    @Option(help: help("auth.secret")) var authSecret: String?
    @Option(help: help("auth.public-key")) var authPublicKey: String?
    @Option(help: help("auth.private-key")) var authPrivateKey: String?
    @Option(help: help("auth.issuer")) var authIssuer: String?
    @Option(help: help("auth.audience")) var authAudience: String?
    @Option(help: help("limits.body-bytes")) var limitsBodyBytes: String?
    @Option(help: help("limits.query-bytes")) var limitsQueryBytes: String?
    @Option(help: help("limits.tokens")) var limitsTokens: String?
    @Option(help: help("limits.operation-timeout")) var limitsOperationTimeout: String?
    @Option(help: help("limits.depth")) var limitsDepth: String?
    @Option(help: help("limits.aliases")) var limitsAliases: String?
    @Option(help: help("limits.root-fields")) var limitsRootFields: String?
    @Option(help: help("introspection")) var introspection: String?
    @Option(help: help("persisted-queries.mode")) var persistedQueriesMode: String?
    @Option(help: help("persisted-queries.max-entries")) var persistedQueriesMaxEntries: String?
    @Option(help: help("persisted-queries.manifest")) var persistedQueriesManifest: String?
    @Option(help: help("websocket.init-timeout")) var websocketInitTimeout: String?
    @Option(help: help("websocket.keep-alive")) var websocketKeepAlive: String?
    @Option(help: help("websocket.idle-timeout")) var websocketIdleTimeout: String?
    @Option(help: help("websocket.max-operations")) var websocketMaxOperations: String?
    @Option(help: help("websocket.max-message-bytes")) var websocketMaxMessageBytes: String?
    @Option(help: help("websocket.max-queued-frames")) var websocketMaxQueuedFrames: String?
    @Option(help: help("shutdown-grace")) var shutdownGrace: String?
    @Option(help: help("trusted-proxy-hops")) var trustedProxyHops: String?
    @Option(help: help("database")) var database: String?
    @Option(help: help("redis")) var redis: String?
    @Option(help: help("rate-limits.enabled")) var rateLimitsEnabled: String?
    @Option(help: help("rate-limits.failure-mode")) var rateLimitsFailureMode: String?
    @Option(help: help("notifications.delivery")) var notificationsDelivery: String?
    @Option(help: help("notifications.webhook-url")) var notificationsWebhookUrl: String?
    @Option(help: help("notifications.batch-window")) var notificationsBatchWindow: String?
    @Option(help: help("notifications.outbox-interval")) var notificationsOutboxInterval: String?
    @Option(help: help("notifications.max-attempts")) var notificationsMaxAttempts: String?

    static func help(_ key: String) -> ArgumentHelp {
        ArgumentHelp(ServerConfiguration.help(for: key))
    }

    /// The flags given, by setting name.
    var flags: [String: String] {
        let given: [(String, String?)] = [
            ("host", host), ("port", port), ("schema", schema), ("log-level", logLevel),
            ("auth.algorithm", authAlgorithm), ("auth.secret", authSecret), ("auth.public-key", authPublicKey),
            ("auth.private-key", authPrivateKey), ("auth.issuer", authIssuer), ("auth.audience", authAudience),
            ("limits.body-bytes", limitsBodyBytes), ("limits.query-bytes", limitsQueryBytes),
            ("limits.tokens", limitsTokens), ("limits.operation-timeout", limitsOperationTimeout),
            ("limits.depth", limitsDepth), ("limits.aliases", limitsAliases), ("limits.root-fields", limitsRootFields),
            ("introspection", introspection), ("persisted-queries.mode", persistedQueriesMode),
            ("persisted-queries.max-entries", persistedQueriesMaxEntries),
            ("persisted-queries.manifest", persistedQueriesManifest), ("websocket.init-timeout", websocketInitTimeout),
            ("websocket.keep-alive", websocketKeepAlive), ("websocket.idle-timeout", websocketIdleTimeout),
            ("websocket.max-operations", websocketMaxOperations),
            ("websocket.max-message-bytes", websocketMaxMessageBytes),
            ("websocket.max-queued-frames", websocketMaxQueuedFrames), ("shutdown-grace", shutdownGrace),
            ("trusted-proxy-hops", trustedProxyHops),
            ("database", database), ("redis", redis), ("rate-limits.enabled", rateLimitsEnabled),
            ("rate-limits.failure-mode", rateLimitsFailureMode), ("notifications.delivery", notificationsDelivery),
            ("notifications.webhook-url", notificationsWebhookUrl),
            ("notifications.batch-window", notificationsBatchWindow),
            ("notifications.outbox-interval", notificationsOutboxInterval),
            ("notifications.max-attempts", notificationsMaxAttempts),
        ]
        return Dictionary(uniqueKeysWithValues: given.compactMap { key, value in value.map { (key, $0) } })
    }

    func run() async throws {
        let configuration = try ServerConfiguration.resolve(
            flags: flags, configFile: config, environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        let logger = Logger(label: "switchboard")
        for name in configuration.unknownVariables {
            logger.warning("\(name) is not a setting (see switchboard serve --help); ignored")
        }
        let schema = try loadSchema(configuration.schemaPaths)
        let verifier = try await configuration.makeVerifier(logger: logger)
        let provider = try configuration.notifications.makeDeliveryProvider(logger: logger)
        let metrics = GatewayMetrics()
        let shared = try SharedState(configuration: configuration, schema: schema, metrics: metrics, logger: logger)
        if let redis = configuration.redis { logger.info("Redis: \(redis) (rate limits and live events)") }
        let opened = try await DatabaseConnector.open(configuration.database, logger: logger)
        logger.info("Database: \(configuration.database)")
        // The database outlives the server: its pool stops after the server has
        // finished the requests in flight.
        try await opened.withServices { database in
            try await Migrations.migrator.migrate(database, logger: logger)
            let notifications = NotificationsDomain(
                database: database, bus: shared.bus, provider: provider,
                settings: .init(batchWindow: configuration.notifications.batchWindow),
                outbox: .init(maxAttempts: configuration.notifications.maxAttempts), logger: logger)
            let server = GatewayServer(
                schema: schema, configuration: configuration.gateway, settings: configuration.server,
                verifier: verifier, logger: logger, metrics: metrics,
                readiness: [notifications.readiness] + shared.readiness,
                jobs: notifications.jobs(
                    outboxInterval: configuration.notifications.outboxInterval, metrics: metrics),
                rateLimits: shared.rateLimits, register: notifications.register(into:))
            do {
                try await server.run { port in
                    logger.notice("Switchboard serving on http://\(configuration.server.host):\(port)/graphql")
                }
            } catch {
                await shared.shutdown()
                throw error
            }
            await shared.shutdown()
        }
    }
}
