import ArgumentParser
import Foundation
import Gateway
import Logging
import Platform
import Schema
import Storage

/// `switchboard serve` (the default command): the gateway, configured from flags, then
/// `SWITCHBOARD_*` environment variables, then a YAML file.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve GraphQL over HTTP and WebSocket on /graphql.",
        discussion: """
            Each setting below is a flag, an environment variable (--websocket-keep-alive \
            is SWITCHBOARD_WEBSOCKET_KEEP_ALIVE) or a key in the YAML file of --config (as \
            websocket: {keep-alive: 12s}, or websocket.keep-alive: 12s); a flag wins over \
            the environment, which wins over the file. Durations are written 500ms, 30s, 5m, \
            1h. SIGTERM or SIGINT shuts down gracefully within --shutdown-grace.

            \(ServerConfiguration.settingsHelp)
            """
    )

    @Option(help: "A YAML file of settings (or SWITCHBOARD_CONFIG).")
    var config: String?

    /// The settings flags, read against their declarations rather than declared here.
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("Settings, as --key value or --key=value (listed above).", valueName: "setting"))
    var settings: [String] = []

    static func help(_ key: String) -> ArgumentHelp {
        ArgumentHelp(ServerConfiguration.help(for: key))
    }

    /// The settings flags given, by key.
    func flags() throws -> [String: String] {
        do {
            return try ServerConfiguration.flags(from: settings)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func validate() throws {
        _ = try flags()
    }

    func run() async throws {
        let configuration = try ServerConfiguration.resolve(
            flags: flags(), configFile: config, environment: ProcessInfo.processInfo.environment)
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
        let metrics = GatewayMetrics()
        let shared = try SharedState(configuration: configuration, schema: schema, metrics: metrics, logger: logger)
        if let redis = configuration.redis { logger.info("Redis: \(redis) (rate limits and live events)") }
        let opened = try await DatabaseConnector.open(configuration.database, logger: logger)
        logger.info("Database: \(configuration.database)")
        // The database outlives the server: its pool stops after the server has
        // finished the requests in flight.
        try await opened.withServices { database in
            try await ServedDomains.migrator.migrate(database, logger: logger)
            let platform = DomainPlatform(database: database, bus: shared.bus, metrics: metrics, logger: logger)
            let server = try GatewayServer(
                schema: schema, configuration: configuration.gateway, settings: configuration.server,
                verifier: verifier, logger: logger, metrics: metrics,
                domains: try ServedDomains.make(on: platform, configuration: configuration),
                readiness: [ReadinessCheck(name: "database") { await database.isReachable() }] + shared.readiness,
                rateLimits: shared.rateLimits)
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
