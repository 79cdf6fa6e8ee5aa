import Foundation
import Synchronization

/// Buckets in this process's memory: exact for one instance, with nothing to install.
/// A bucket whose TAT has passed is full, the same as absent, so such entries are pruned
/// every `pruneInterval` charges and memory follows the callers active within a window.
public final class InProcessRateLimiter: RateLimiter {
    private let state = Mutex(State())
    private let now: @Sendable () -> Date
    private let pruneInterval: Int

    /// `now` is the clock, passed in so that tests move it by hand.
    public init(now: @escaping @Sendable () -> Date = Date.init, pruneInterval: Int = 1_024) {
        self.now = now
        self.pruneInterval = max(1, pruneInterval)
    }

    public func charge(_ charges: [BucketCharge]) async throws -> [BucketDecision] {
        let now = microseconds()
        return state.withLock { state in
            state.chargesSincePrune += 1
            if state.chargesSincePrune >= pruneInterval {
                state.tats = state.tats.filter { $0.value > now }
                state.chargesSincePrune = 0
            }
            return ChargeBatch.charge(charges, tats: &state.tats, now: now)
        }
    }

    public func status(of charges: [BucketCharge]) async throws -> [BucketDecision] {
        let now = microseconds()
        return state.withLock { state in ChargeBatch.status(of: charges, tats: state.tats, now: now) }
    }

    /// Buckets held, full ones not yet pruned included.
    var bucketCount: Int { state.withLock { $0.tats.count } }

    private func microseconds() -> Int64 {
        Int64((now().timeIntervalSince1970 * 1_000_000).rounded())
    }

    private struct State {
        var tats: [String: Int64] = [:]
        var chargesSincePrune = 0
    }
}
