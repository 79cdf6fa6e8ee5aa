/// One change of an `EphemeralUpdate`. Each gives a number (`EphemeralUpdate.Outcome`),
/// as Redis's commands do.
///
/// A key holds one kind of entry: a value (bytes; a counter is a value written in
/// decimal), a set of members, each with its own expiry, or a log. `set` replaces
/// whatever is there; the other kinds' operations refuse a key of another kind.
public enum EphemeralOperation: Hashable, Sendable {
    /// Writes `value`, expiring after `expiresIn` (nil: never; it stays until deleted).
    /// Gives 1.
    case set(EphemeralKey, [UInt8], expiresIn: Duration?)
    /// Removes the entry, of any kind. Gives 1 when there was one, else 0.
    case delete(EphemeralKey)
    /// The entry, of any kind, now expires after `in`. Gives 1 when there is one, else 0.
    case expire(EphemeralKey, in: Duration)
    /// Adds `by` to the counter (a missing one is 0) and gives its new value, which
    /// stays within ±(2^53 − 1). `expiresIn` renews its expiry; nil leaves the expiry as it
    /// was (none for a new counter).
    case increment(EphemeralKey, by: Int64, expiresIn: Duration?)
    /// Adds `member`, or renews it: it is live for `expiresIn` from now. The set expires
    /// with its latest member. Gives 1 when the member was not live, 0 when renewed.
    case addMember(EphemeralKey, String, expiresIn: Duration)
    /// Removes `member`. Gives 1 when it was live, else 0.
    case removeMember(EphemeralKey, String)
    /// Appends `entry` to the log and gives its sequence number: one more than the last
    /// entry's, 1 in a new log. The log keeps its `keepingLast` newest entries and
    /// expires `expiresIn` after its latest append.
    case append(EphemeralKey, [UInt8], keepingLast: Int, expiresIn: Duration)

    public var key: EphemeralKey {
        switch self {
        case .set(let key, _, _), .delete(let key), .expire(let key, _), .increment(let key, _, _),
            .addMember(let key, _, _), .removeMember(let key, _), .append(let key, _, _, _):
            key
        }
    }

    /// The kind of entry the operation works on; nil for those that take any kind.
    var kind: EphemeralEntryKind? {
        switch self {
        case .set, .increment: .value
        case .delete, .expire: nil
        case .addMember, .removeMember: .members
        case .append: .log
        }
    }
}
