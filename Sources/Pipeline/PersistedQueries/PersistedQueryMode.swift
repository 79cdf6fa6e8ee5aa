/// Which persisted queries a gateway accepts (Apollo's automatic persisted queries, and
/// an allow-list of operations registered ahead of time).
public enum PersistedQueryMode: Equatable, Sendable {
    /// No persisted queries: a request that names one is answered
    /// `PersistedQueryNotSupported`, so that clients stop sending hashes.
    case disabled
    /// Clients register queries by sending them with their hash, and later send only the
    /// hash. At most `maxEntries` of these are kept, the least recently used going first;
    /// registered operations are kept besides, and never evicted.
    case automatic(maxEntries: Int)
    /// Only registered operations run, whether the client sends the hash or the text; no
    /// query is registered by a client.
    case allowList
}
