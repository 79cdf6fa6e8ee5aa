import Synchronization

/// The queries a gateway knows by hash: the registered operations (from a manifest, fixed
/// at start-up, never evicted) and those clients registered automatically, of which at
/// most `maxAutomaticEntries` are kept, the least recently used going first. Shared by
/// every request: the automatic entries are behind a lock.
public final class PersistedQueryStore: Sendable {
    public let mode: PersistedQueryMode
    /// Hash to query text, as loaded from the manifest; read without a lock as it never
    /// changes.
    public let registered: [String: String]
    private let automatic: Mutex<RecentlyUsedQueries>

    public init(mode: PersistedQueryMode = .automatic(maxEntries: 10_000), registered: [String: String] = [:]) {
        self.mode = mode
        self.registered = registered
        self.automatic = Mutex(RecentlyUsedQueries())
    }

    /// How many automatic entries are kept: none unless the mode is automatic.
    public var maxAutomaticEntries: Int {
        if case .automatic(let maxEntries) = mode { max(0, maxEntries) } else { 0 }
    }

    /// The query registered or remembered under `hash`; a remembered one becomes the most
    /// recently used.
    public func query(forHash hash: String) -> String? {
        if let query = registered[hash] { return query }
        return automatic.withLock { $0.touch(hash) }
    }

    /// Keeps `query` under `hash` (which the caller has checked is its hash), evicting the
    /// least recently used entries over the bound. Registered hashes are left alone.
    public func remember(_ query: String, hash: String) {
        let capacity = maxAutomaticEntries
        guard capacity > 0, registered[hash] == nil else { return }
        automatic.withLock { $0.insert(query, hash: hash, capacity: capacity) }
    }

    /// How many queries clients have registered and are still kept.
    public var automaticCount: Int { automatic.withLock { $0.entries.count } }
}

/// Automatic entries in order of use. Each use appends a stamped record to `order`; a
/// record whose stamp is no longer its entry's is stale and skipped when evicting. The
/// log is rebuilt from the live entries when stale records outnumber them, so every
/// operation costs O(1) amortised.
private struct RecentlyUsedQueries {
    var entries: [String: (query: String, stamp: UInt64)] = [:]
    var order: [(hash: String, stamp: UInt64)] = []
    /// Records before this index have been consumed by eviction.
    var start = 0
    var clock: UInt64 = 0

    mutating func touch(_ hash: String) -> String? {
        guard let entry = entries[hash] else { return nil }
        stamp(hash, query: entry.query)
        return entry.query
    }

    mutating func insert(_ query: String, hash: String, capacity: Int) {
        stamp(hash, query: query)
        while entries.count > capacity { evictOldest() }
    }

    private mutating func stamp(_ hash: String, query: String) {
        clock += 1
        entries[hash] = (query, clock)
        order.append((hash, clock))
        if order.count - start > 2 * entries.count + 64 { compact() }
    }

    private mutating func evictOldest() {
        while start < order.count {
            let record = order[start]
            start += 1
            if entries[record.hash]?.stamp == record.stamp {
                entries[record.hash] = nil
                return
            }
        }
    }

    private mutating func compact() {
        order = order[start...].filter { entries[$0.hash]?.stamp == $0.stamp }
        start = 0
    }
}
