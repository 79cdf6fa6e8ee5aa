/// What must hold for an `EphemeralUpdate` to apply: judged at the same instant as its
/// operations run, so nothing can change in between.
public enum EphemeralCondition: Hashable, Sendable {
    /// The value at the key is `value`; nil: there is none (never set, deleted or
    /// expired). Compare-and-set: `.valueIs(status, old)` before `.set(status, new)`.
    case valueIs(EphemeralKey, [UInt8]?)
    /// `member` is a live member of the set at the key.
    case hasMember(EphemeralKey, String)
    /// `member` is not a live member of the set at the key (absent, or expired).
    case lacksMember(EphemeralKey, String)

    public var key: EphemeralKey {
        switch self {
        case .valueIs(let key, _), .hasMember(let key, _), .lacksMember(let key, _): key
        }
    }

    var kind: EphemeralEntryKind {
        switch self {
        case .valueIs: .value
        case .hasMember, .lacksMember: .members
        }
    }
}
