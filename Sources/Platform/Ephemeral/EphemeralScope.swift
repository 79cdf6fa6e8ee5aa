/// What the keys of one atomic update share, and on Redis their hash tag: every key of a
/// scope lives in one slot of a Redis Cluster, so one script may touch them all.
///
/// Choose it as the unit of atomic change: `EphemeralScope("call", callID)` for every key
/// of one call, `EphemeralScope("presence", "user", userID)` for one user's devices and
/// status. Parts are escaped (`KeySegment`), so an id holding `:` or `}` cannot reach
/// into another scope.
public struct EphemeralScope: Hashable, Sendable, CustomStringConvertible {
    /// The escaped parts joined by `:`, as in `presence:user:alice`.
    public let description: String

    public init(_ first: String, _ rest: String...) {
        description = KeySegment.joined([first] + rest)
    }

    /// The key `name` (its parts joined by `:`) in this scope.
    public func key(_ first: String, _ rest: String...) -> EphemeralKey {
        EphemeralKey(scope: self, name: KeySegment.joined([first] + rest))
    }
}
