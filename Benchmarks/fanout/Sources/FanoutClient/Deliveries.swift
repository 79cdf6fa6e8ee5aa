import Synchronization

/// When each event reached each subscriber, recorded as frames arrive (on any of the
/// client's event loops) and read once the event is over.
final class Deliveries: Sendable {
    private struct State {
        /// Arrival times in nanoseconds (uptime clock), by event title.
        var arrivals: [String: [UInt64]] = [:]
        /// Connections that have received at least one warm-up event.
        var warmed: Set<Int> = []
        var connected = 0
        var failures: [String] = []
    }

    private let state = Mutex(State())

    func arrived(_ title: String, at time: UInt64, connection: Int) {
        state.withLock { state in
            if title.hasPrefix("w") {
                state.warmed.insert(connection)
            } else {
                state.arrivals[title, default: []].append(time)
            }
        }
    }

    func acknowledged() { state.withLock { $0.connected += 1 } }
    func failed(_ reason: String) { state.withLock { $0.failures.append(reason) } }

    var connected: Int { state.withLock { $0.connected } }
    var warmedCount: Int { state.withLock { $0.warmed.count } }
    var failures: [String] { state.withLock { $0.failures } }

    func count(of title: String) -> Int { state.withLock { $0.arrivals[title]?.count ?? 0 } }
    func arrivals(of title: String) -> [UInt64] { state.withLock { $0.arrivals[title] ?? [] } }
}

/// Latencies of one event, or of all, in milliseconds.
struct LatencySummary {
    let p50: Double
    let p99: Double
    let max: Double

    init?(milliseconds: [Double]) {
        guard !milliseconds.isEmpty else { return nil }
        let sorted = milliseconds.sorted()
        func percentile(_ p: Double) -> Double {
            sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)]
        }
        p50 = percentile(0.50)
        p99 = percentile(0.99)
        max = sorted[sorted.count - 1]
    }
}
