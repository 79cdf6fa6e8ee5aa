import Platform
import Synchronization

/// The WebSocket connections open on this instance and the subscriptions they run:
/// counted for `realtimeStatus` and the metrics, and told to go away, each in its own
/// protocol, when the server shuts down.
public final class ConnectionRegistry: ServerStatusProvider {
    private struct State {
        var nextID = 0
        /// How to tell each open connection that the server is going away.
        var connections: [Int: @Sendable () -> Void] = [:]
        var subscriptions = 0
        var draining = false
        /// The readiness checks that failed when last asked.
        var failing: [String] = []
    }

    private let state = Mutex(State())
    let metrics: GatewayMetrics?

    public init(metrics: GatewayMetrics? = nil) {
        self.metrics = metrics
    }

    /// A connection opened; `goAway` is called once if the server shuts down while it is
    /// open (at once when it already is). Returns the id to close it with.
    func open(goAway: @escaping @Sendable () -> Void) -> Int {
        let (id, draining) = state.withLock { state in
            state.nextID += 1
            state.connections[state.nextID] = goAway
            return (state.nextID, state.draining)
        }
        metrics?.openConnections.increment()
        if draining { goAway() }
        return id
    }

    func close(_ id: Int) {
        guard state.withLock({ $0.connections.removeValue(forKey: id) }) != nil else { return }
        metrics?.openConnections.decrement()
    }

    func subscriptionStarted() {
        state.withLock { $0.subscriptions += 1 }
        metrics?.activeSubscriptions.increment()
    }

    func subscriptionEnded() {
        state.withLock { $0.subscriptions -= 1 }
        metrics?.activeSubscriptions.decrement()
    }

    public var openConnections: Int { state.withLock { $0.connections.count } }
    public var activeSubscriptions: Int { state.withLock { $0.subscriptions } }
    /// Whether a part the server needs (the database) failed its last check.
    public var isDegraded: Bool { state.withLock { !$0.failing.isEmpty } }

    /// What the last readiness checks found failing (none when all passed); returns
    /// what was failing before, so a change can be logged once.
    @discardableResult
    public func recordReadiness(failing: [String]) -> [String] {
        state.withLock { state in
            defer { state.failing = failing }
            return state.failing
        }
    }
    /// Whether the server is shutting down (then `/ready` says so).
    public var isDraining: Bool { state.withLock { $0.draining } }

    /// Tells every connection to complete its operations and close with 1001, and waits
    /// until they have, or until `grace` is over: a client that does not answer the
    /// close does not hold up the shutdown.
    public func drain(within grace: Duration) async {
        let goAways = state.withLock { state in
            state.draining = true
            return Array(state.connections.values)
        }
        for goAway in goAways { goAway() }
        let deadline = ContinuousClock.now + grace
        while openConnections > 0, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
