/// State that lives for seconds or minutes and is shared by every instance: presence
/// entries, ringing calls, typing, signal sequences. One protocol, two stores that pass
/// one test suite: `InProcessEphemeralStore` (one instance, the default) and the Redis
/// one (many instances).
///
/// Keys belong to scopes (`EphemeralScope`); an update changes the keys of one scope
/// atomically, conditions included. Reads take keys of any scopes in one round trip.
/// Expired entries and members are invisible at once, whoever looks. Expiry is judged by
/// the store's clock: Redis's own on Redis, so every instance agrees.
public protocol EphemeralStore: Sendable {
    /// Applies `update` all or nothing (see `EphemeralUpdate`). Throws
    /// `EphemeralStoreError` before changing anything when the update is malformed or
    /// meets a key of another kind, a value that is no counter, or a counter's limit.
    func apply(_ update: EphemeralUpdate) async throws -> EphemeralUpdate.Outcome

    /// The values at `keys` (nil where there is none), in order: one round trip.
    func values(_ keys: [EphemeralKey]) async throws -> [[UInt8]?]

    /// The live members of the sets at `keys`, each sorted, in order: one round trip.
    func members(_ keys: [EphemeralKey]) async throws -> [[String]]

    /// The log's entries after sequence number `after` (0: all it keeps), oldest first.
    func entries(of log: EphemeralKey, after: Int64) async throws -> [EphemeralLogEntry]

    /// Removes the set's expired members and gives them, sorted: each expired member is
    /// given to one caller, so an instance that finds another's members gone can act on
    /// them alone. Expired members are otherwise kept (invisible) until their set
    /// expires, with its latest member.
    func pruneMembers(of key: EphemeralKey) async throws -> [String]
}
