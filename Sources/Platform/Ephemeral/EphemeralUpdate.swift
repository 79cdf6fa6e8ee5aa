/// Changes to keys of one scope, applied all or nothing: when every condition holds,
/// every operation runs, in order, as one step that no other update or read can see
/// half done (one Lua script on Redis, one lock in process); otherwise nothing changes.
///
///     // Only real changes: the device's entry and the aggregate status together,
///     // the status only if nobody changed it since it was read.
///     EphemeralUpdate(if: [.valueIs(status, old)], [
///         .addMember(devices, deviceID, expiresIn: .seconds(30)),
///         .set(status, new, expiresIn: nil),
///     ])
public struct EphemeralUpdate: Hashable, Sendable {
    public var conditions: [EphemeralCondition]
    public var operations: [EphemeralOperation]

    public init(if conditions: [EphemeralCondition] = [], _ operations: [EphemeralOperation]) {
        self.conditions = conditions
        self.operations = operations
    }

    public enum Outcome: Hashable, Sendable {
        /// Every condition held; what each operation gave, in order.
        case applied([Int64])
        /// The condition at this index (the first that failed) did not hold; nothing
        /// changed.
        case conditionFailed(Int)
    }

    /// The longest expiry the store takes: what lives longer is not ephemeral.
    public static let longestExpiry = Duration.seconds(366 * 86_400)

    /// A counter's values, and an increment's, stay within ±(2^53 − 1): integers that
    /// Lua's numbers (Redis scripts) hold exactly, and a sum past them is seen as such.
    public static let counterLimit: Int64 = (1 << 53) - 1

    /// The update's scope (nil when it names no key), after the checks both stores make
    /// before changing anything: one scope, one kind of entry per key, expiries within
    /// (0, `longestExpiry`], logs keeping at least one entry, increments within the
    /// counters' range.
    public func validated() throws(EphemeralStoreError) -> EphemeralScope? {
        var scope: EphemeralScope?
        var kinds: [EphemeralKey: EphemeralEntryKind] = [:]
        func note(_ key: EphemeralKey, _ kind: EphemeralEntryKind?) throws(EphemeralStoreError) {
            if let scope, scope != key.scope { throw .mixedScopes(scope, key.scope) }
            scope = key.scope
            guard let kind else { return }
            if let known = kinds[key], known != kind { throw .mixedKinds(key) }
            kinds[key] = kind
        }
        for condition in conditions {
            try note(condition.key, condition.kind)
        }
        for operation in operations {
            let key = operation.key
            try note(key, operation.kind)
            switch operation {
            case .set(_, _, let expiry), .increment(_, _, let expiry):
                if let expiry { try Self.check(expiry, of: key) }
            case .expire(_, let expiry), .addMember(_, _, let expiry):
                try Self.check(expiry, of: key)
            case .append(_, _, let keepingLast, let expiry):
                guard keepingLast >= 1 else { throw .invalidLogLength(key, keepingLast) }
                try Self.check(expiry, of: key)
            case .delete, .removeMember:
                break
            }
            if case .increment(_, let by, _) = operation, by < -Self.counterLimit || by > Self.counterLimit {
                throw .counterOutOfRange(key)
            }
        }
        return scope
    }

    private static func check(_ expiry: Duration, of key: EphemeralKey) throws(EphemeralStoreError) {
        guard expiry > .zero, expiry <= longestExpiry else { throw .invalidExpiry(key, expiry) }
    }
}
