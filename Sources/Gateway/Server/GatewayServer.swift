import Auth
import GraphQLEngine
import Hummingbird
import HummingbirdWebSocket
import Logging
import Pipeline
import Platform
import RateLimiting
import ServiceLifecycle
import Transports
import UnixSignals

/// The gateway as a running server: GraphQL over HTTP and both WebSocket subprotocols on
/// `/graphql`, and the operator's routes (`/health`, `/ready`, `/metrics`, `/status`),
/// on Hummingbird 2. The protocols themselves live in `HTTP/` and `WebSocket/`; this is
/// the wiring between them and the sockets.
public struct GatewayServer: Sendable {
    /// Where and how the server listens.
    public struct Settings: Sendable {
        public var host: String
        /// 0 for a port the system picks (tests); the chosen one is reported when bound.
        public var port: Int
        public var webSocket: TransportWSStateMachine.Configuration
        /// Frames a connection may have waiting to be written before it is closed as a
        /// slow consumer.
        public var maxQueuedFrames: Int
        /// How long a shutdown waits for connections and requests to finish.
        public var shutdownGrace: Duration
        /// Proxies in front of the server that append to `X-Forwarded-For`; 0 takes the
        /// socket's peer as the client (see `ClientAddress`).
        public var trustedProxyHops = 0

        public init(
            host: String = "127.0.0.1", port: Int = 8080,
            webSocket: TransportWSStateMachine.Configuration = .init(), maxQueuedFrames: Int = 1_024,
            shutdownGrace: Duration = .seconds(10)
        ) {
            self.host = host
            self.port = port
            self.webSocket = webSocket
            self.maxQueuedFrames = maxQueuedFrames
            self.shutdownGrace = shutdownGrace
        }
    }

    public let settings: Settings
    /// The one path of every operation, whatever its transport.
    public let pipeline: OperationPipeline
    /// GraphQL over HTTP, on the pipeline.
    let http: GraphQLOverHTTP
    public let verifier: TokenVerifier
    public let registry: ConnectionRegistry
    public let metrics: GatewayMetrics
    public let logger: Logger
    /// What `realtimeStatus` resolves to, as the raw JSON route serves it.
    let status: @Sendable () -> [UInt8]
    /// What `/ready` checks besides the server itself.
    let readiness: [ReadinessCheck]
    /// Work that runs beside the server and stops before it (the outbox, purges).
    let jobs: [any Service]
    /// A delivery lane per event loop: a shared subscription's frames are written one pass
    /// per loop.
    let lanes = EventLoopLanes()

    /// A server for `schema`, composed of `domains`: the system fields
    /// (`realtimeStatus`, `heartbeat`, `rateLimitStatus`) resolve from this server's own
    /// connections and limits, each domain adds its resolvers, jobs and readiness checks,
    /// and every `@auth` field is then guarded, and with `rateLimits` every rate-limited
    /// one. A resolver for a field the schema lacks, or a root field nothing resolves,
    /// stops it with the coordinate. `readiness` and `jobs` are the platform's own (Redis).
    public init(
        schema: Schema, configuration: GatewayConfiguration = GatewayConfiguration(),
        settings: Settings = Settings(), verifier: TokenVerifier, logger: Logger = Logger(label: "switchboard"),
        metrics: GatewayMetrics = GatewayMetrics(), domains: [any Domain] = [], readiness: [ReadinessCheck] = [],
        jobs: [any Service] = [], rateLimits: RateLimitGate? = nil
    ) throws(ResolverBindingError) {
        let registry = ConnectionRegistry(metrics: metrics)
        let features = domains.map { type(of: $0).name }
        var resolvers = ResolverTable<Caller>()
        SystemResolvers.register(into: &resolvers, status: registry, features: features)
        RateLimitStatusResolver.register(into: &resolvers, gate: rateLimits)
        for domain in domains { domain.register(into: &resolvers) }
        Authorization.guardFields(of: schema, in: &resolvers)
        if let rateLimits { RateLimitGuard.guardFields(of: schema, in: &resolvers, policies: rateLimits.policies) }
        pipeline = OperationPipeline(
            schema: schema, resolvers: try resolvers.bind(to: schema), configuration: configuration,
            rateLimits: rateLimits, metrics: metrics)
        http = GraphQLOverHTTP(pipeline: pipeline)
        self.settings = settings
        self.verifier = verifier
        self.registry = registry
        self.metrics = metrics
        self.logger = logger
        status = SystemResolvers.statusJSON(status: registry, features: features)
        let readiness = domains.flatMap(\.readiness) + readiness
        self.readiness = readiness
        let jobs = domains.flatMap(\.jobs).map { $0 as any Service } + jobs
        // The checks also run on a timer, so `realtimeStatus` says DEGRADED while a part
        // is down even when nothing polls /ready.
        let monitor = PeriodicJob(name: "The readiness checks", every: .seconds(10), logger: logger) {
            [registry] in
            let failing = await ReadinessCheck.failing(readiness, timeout: .seconds(2))
            let before = registry.recordReadiness(failing: failing)
            for name in failing where !before.contains(name) { logger.error("Not ready: \(name) does not answer") }
            for name in before where !failing.contains(name) { logger.notice("Ready again: \(name) answers") }
        }
        self.jobs = readiness.isEmpty ? jobs : jobs + [monitor]
    }

    /// The Hummingbird application; `onBound` hears the port it listens on.
    public func application(
        onBound: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: router(),
            server: .http1WebSocketUpgrade(
                configuration: .init(
                    http1: .init(idleTimeout: .seconds(60)),
                    ws: .init(maxFrameSize: settings.webSocket.maxMessageBytes, autoPing: .disabled)),
                shouldUpgrade: { request, channel, _ in
                    upgrade(
                        request, channel: channel,
                        clientAddress: ClientAddress.resolve(
                            peer: channel.remoteAddress?.ipAddress,
                            forwardedFor: request.headerFields[values: .xForwardedFor],
                            trustedProxyHops: settings.trustedProxyHops))
                }),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: "switchboard"),
            onServerRunning: { channel in await onBound(channel.localAddress?.port ?? settings.port) },
            logger: logger)
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully (see `serviceGroup`).
    public func run(onBound: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await serviceGroup(onBound: onBound).run()
    }

    /// The server as a service group that shuts down gracefully on `signals` (or when
    /// told to): WebSocket clients have their operations completed and are closed with
    /// 1001, the listener stops, and requests in flight finish, within the grace time;
    /// after it, what is left is cancelled.
    public func serviceGroup(
        signals: [UnixSignal] = [.sigterm, .sigint], onBound: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> ServiceGroup {
        // A ServiceGroup shuts its services down last to first: the jobs, then the
        // WebSocket drain before the HTTP server, so sockets close with 1001 rather than
        // the server's generic close.
        var configuration = ServiceGroupConfiguration(
            services: [
                .init(service: application(onBound: onBound)),
                .init(service: WebSocketDrain(registry: registry, grace: settings.shutdownGrace)),
            ] + jobs.map { .init(service: $0) },
            gracefulShutdownSignals: signals,
            logger: logger)
        configuration.maximumGracefulShutdownDuration = settings.shutdownGrace * 2
        return ServiceGroup(configuration: configuration)
    }
}

/// On graceful shutdown, sends every WebSocket connection away before the HTTP server
/// itself stops.
struct WebSocketDrain: Service {
    let registry: ConnectionRegistry
    let grace: Duration

    func run() async throws {
        // Cancelled rather than shut down gracefully: nothing to wait for.
        guard (try? await gracefulShutdown()) != nil else { return }
        await registry.drain(within: grace)
    }
}
