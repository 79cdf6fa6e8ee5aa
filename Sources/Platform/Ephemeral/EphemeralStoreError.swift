/// An update or read the ephemeral store refuses before changing anything. (A store that
/// cannot be reached throws its own errors: `RedisError` for Redis.)
public enum EphemeralStoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An update's keys are of two scopes; one update changes one scope (one Redis slot).
    case mixedScopes(EphemeralScope, EphemeralScope)
    /// An update uses the key as two kinds of entry (a value and a set, say).
    case mixedKinds(EphemeralKey)
    /// An expiry that is not positive.
    case invalidExpiry(EphemeralKey, Duration)
    /// A log asked to keep fewer than one entry.
    case invalidLogLength(EphemeralKey, Int)
    /// The key holds another kind of entry than the operation works on.
    case wrongKind(EphemeralKey)
    /// The value to increment is not a decimal integer within ±(2^53 − 1).
    case notACounter(EphemeralKey)
    /// The increment would take the counter beyond ±(2^53 − 1) (the integers Lua and Redis
    /// scripts keep exactly).
    case counterOutOfRange(EphemeralKey)

    public var description: String {
        switch self {
        case .mixedScopes(let first, let second):
            "An ephemeral update changes one scope, not both \(first) and \(second)"
        case .mixedKinds(let key):
            "An ephemeral update uses \(key) as two kinds of entry"
        case .invalidExpiry(let key, let duration):
            "The expiry of \(key) must be positive, not \(duration)"
        case .invalidLogLength(let key, let length):
            "The log \(key) must keep at least one entry, not \(length)"
        case .wrongKind(let key):
            "\(key) holds another kind of entry"
        case .notACounter(let key):
            "\(key) holds a value that is not a counter (a decimal integer within ±(2^53 − 1))"
        case .counterOutOfRange(let key):
            "Incrementing \(key) would take it beyond ±(2^53 − 1)"
        }
    }
}
