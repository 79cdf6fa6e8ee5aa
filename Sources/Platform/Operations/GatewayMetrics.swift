import Prometheus
import Synchronization

/// The gateway's Prometheus metrics, served on `/metrics`: what operators graph and
/// alert on. Every series is made once here, so a typo in a name cannot split a metric.
public struct GatewayMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    public let openConnections: Gauge
    public let activeSubscriptions: Gauge
    /// The operation series every request touches, made once: the registry's look-up of a
    /// labelled series (its name, labels and lock) costs more than counting.
    private let operations: [OperationSeries: Counter]
    private let durations: [String: DurationHistogram]
    /// Error counters by code, made when a code is first seen.
    private let errorCounters: ErrorCounters

    /// The transports and operation types whose series are made up front.
    static let transports = ["http", "websocket"]
    static let operationTypes = ["query", "mutation", "subscription", "unknown"]

    private struct OperationSeries: Hashable {
        let transport: String
        let operationType: String
        let outcome: Outcome
    }

    /// Latency buckets from 1 ms to 10 s: most operations answer in the first few, a
    /// slow resolver shows in the last.
    static let latencyBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1),
        .seconds(2.5), .seconds(5), .seconds(10),
    ]

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        openConnections = registry.makeGauge(
            descriptor: Self.name("websocket_connections", help: "WebSocket connections open on this instance."))
        activeSubscriptions = registry.makeGauge(
            descriptor: Self.name("active_subscriptions", help: "Subscriptions running on this instance."))
        var operations: [OperationSeries: Counter] = [:]
        var durations: [String: DurationHistogram] = [:]
        for operationType in Self.operationTypes {
            durations[operationType] = Self.durationHistogram(registry, operationType)
            for transport in Self.transports {
                for outcome in Outcome.allCases {
                    operations[OperationSeries(transport: transport, operationType: operationType, outcome: outcome)] =
                        Self.operationCounter(registry, transport, operationType, outcome)
                }
            }
        }
        self.operations = operations
        self.durations = durations
        errorCounters = ErrorCounters(registry: registry)
    }

    /// A metric's name in the `switchboard_` namespace.
    public static func name(_ metric: String, unit: String = "", help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "switchboard", metricName: metric, unitName: unit, helpText: help)
    }

    /// What one operation came to, over HTTP or WebSocket.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Executed without an error.
        case ok
        /// Executed, with field errors beside the data.
        case partial
        /// Refused before execution: unreadable request, syntax, validation, variables.
        case refused
        /// No data: the operation failed as a whole (a timeout, a null at the root).
        case failed
    }

    /// Counts an operation, its latency, and each error code it answered with.
    /// `operationType` is `query`, `mutation` or `subscription`, or `unknown` when the
    /// request never got as far as naming one.
    public func recordOperation(
        transport: String, operationType: String, outcome: Outcome, duration: Duration, errorCodes: [String]
    ) {
        let series = OperationSeries(transport: transport, operationType: operationType, outcome: outcome)
        (operations[series] ?? Self.operationCounter(registry, transport, operationType, outcome)).increment()
        (durations[operationType] ?? Self.durationHistogram(registry, operationType)).record(duration)
        for code in errorCodes { errorCounters[code].increment() }
    }

    private static func operationCounter(
        _ registry: PrometheusCollectorRegistry, _ transport: String, _ operationType: String, _ outcome: Outcome
    ) -> Counter {
        registry.makeCounter(
            descriptor: name(
                "operations", unit: "total", help: "GraphQL operations by transport, operation type and outcome."),
            labels: [("transport", transport), ("operation_type", operationType), ("outcome", outcome.rawValue)])
    }

    private static func durationHistogram(
        _ registry: PrometheusCollectorRegistry, _ operationType: String
    ) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: name(
                "operation_duration", unit: "seconds",
                help: "Time from request to answer (for subscriptions, to the start of the stream)."),
            labels: [("operation_type", operationType)], buckets: latencyBuckets)
    }

    /// The `errors` counter of each code, kept once made.
    private final class ErrorCounters: Sendable {
        let registry: PrometheusCollectorRegistry
        private let counters = Mutex<[String: Counter]>([:])

        init(registry: PrometheusCollectorRegistry) { self.registry = registry }

        subscript(code: String) -> Counter {
            if let known = counters.withLock({ $0[code] }) { return known }
            let counter = registry.makeCounter(
                descriptor: GatewayMetrics.name(
                    "errors", unit: "total", help: "GraphQL errors sent to clients, by extensions.code."),
                labels: [("code", code)])
            counters.withLock { $0[code] = counter }
            return counter
        }
    }

    /// The metrics in Prometheus' text exposition format.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
