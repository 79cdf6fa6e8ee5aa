import Synchronization

/// The ephemeral store of a single instance, the default: entries in this process's
/// memory, under one lock, so an update is atomic by holding it.
///
/// An expired entry is invisible at once and dropped when next touched; every so many
/// updates (at least `sweepAfter`, and at least as many as the entries the last sweep
/// left, so the work per update stays constant) all expired entries are swept, so
/// memory follows what is live, not what was ever written.
public final class InProcessEphemeralStore: EphemeralStore {
    typealias Instant = ContinuousClock.Instant

    private let state = Mutex(State())
    private let now: @Sendable () -> Instant
    private let sweepAfter: Int

    /// `now` is the clock (monotonic, so a step of the wall clock moves no expiry),
    /// passed in so that tests move it by hand.
    public init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }, sweepAfter: Int = 1_024) {
        self.now = now
        self.sweepAfter = max(1, sweepAfter)
    }

    public func apply(_ update: EphemeralUpdate) async throws -> EphemeralUpdate.Outcome {
        guard try update.validated() != nil else { return .applied([]) }
        let now = now()
        return try state.withLock { state throws(EphemeralStoreError) in
            let outcome = try state.apply(update, now: now)
            state.updatesSinceSweep += 1
            if state.updatesSinceSweep >= max(sweepAfter, state.entriesAfterSweep) {
                state.entries = state.entries.filter { $0.value.isLive(at: now) }
                state.updatesSinceSweep = 0
                state.entriesAfterSweep = state.entries.count
            }
            return outcome
        }
    }

    public func values(_ keys: [EphemeralKey]) async throws -> [[UInt8]?] {
        try read(keys) { key, content throws(EphemeralStoreError) in
            switch content {
            case nil: return nil
            case .value(let bytes): return bytes
            default: throw .wrongKind(key)
            }
        }
    }

    public func members(_ keys: [EphemeralKey]) async throws -> [[String]] {
        let now = now()
        return try read(keys, at: now) { key, content throws(EphemeralStoreError) in
            switch content {
            case nil: return []
            case .members(let members): return members.filter { $0.value > now }.keys.sorted()
            default: throw .wrongKind(key)
            }
        }
    }

    public func entries(of log: EphemeralKey, after: Int64) async throws -> [EphemeralLogEntry] {
        try read([log]) { key, content throws(EphemeralStoreError) in
            switch content {
            case nil: return []
            case .log(let entries): return entries.filter { $0.sequence > after }
            default: throw .wrongKind(key)
            }
        }[0]
    }

    public func pruneMembers(of key: EphemeralKey) async throws -> [String] {
        let now = now()
        return try state.withLock { state throws(EphemeralStoreError) in
            guard var entry = state.live(key, at: now) else { return [] }
            guard case .members(var members) = entry.content else { throw .wrongKind(key) }
            let expired = members.filter { $0.value <= now }.keys.sorted()
            guard !expired.isEmpty else { return [] }
            for member in expired { members[member] = nil }
            entry.content = .members(members)
            state.entries[key] = members.isEmpty ? nil : entry
            return expired
        }
    }

    /// Entries held, expired ones not yet swept included (for tests).
    var entryCount: Int { state.withLock { $0.entries.count } }

    /// `body` on what each live key holds (nil: nothing), under the lock.
    private func read<Value>(
        _ keys: [EphemeralKey], at now: Instant? = nil,
        _ body: (EphemeralKey, Entry.Content?) throws(EphemeralStoreError) -> Value
    ) throws(EphemeralStoreError) -> [Value] {
        let now = now ?? self.now()
        return try state.withLock { state throws(EphemeralStoreError) in
            var values: [Value] = []
            values.reserveCapacity(keys.count)
            for key in keys {
                values.append(try body(key, state.live(key, at: now)?.content))
            }
            return values
        }
    }

    struct Entry {
        enum Content {
            case value([UInt8])
            /// Each member's expiry.
            case members([String: Instant])
            case log([EphemeralLogEntry])
        }

        var content: Content
        /// Nil: never.
        var expiry: Instant?

        func isLive(at now: Instant) -> Bool {
            expiry.map { $0 > now } ?? true
        }
    }

    struct State {
        var entries: [EphemeralKey: Entry] = [:]
        var updatesSinceSweep = 0
        var entriesAfterSweep = 0

        /// The entry at `key` unless it expired; an expired one is dropped.
        mutating func live(_ key: EphemeralKey, at now: Instant) -> Entry? {
            guard let entry = entries[key] else { return nil }
            guard entry.isLive(at: now) else {
                entries[key] = nil
                return nil
            }
            return entry
        }
    }
}
