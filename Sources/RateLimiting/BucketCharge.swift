/// What one operation asks of one bucket: `cost` units of a `limit` per `window`.
public struct BucketCharge: Hashable, Sendable {
    /// What a refusal of the bucket means for the operation.
    public enum Scope: Hashable, Sendable {
        /// A field's (or root type's) limit: over it, those fields are null and the rest
        /// resolves.
        case field
        /// The cost budget: over it, the operation does not run, and no bucket of it is
        /// charged.
        case operation
    }

    public let key: BucketKey
    public let limit: Int
    public let window: Duration
    public let cost: Int
    public let scope: Scope

    public init(key: BucketKey, limit: Int, window: Duration, cost: Int, scope: Scope) {
        self.key = key
        self.limit = limit
        self.window = window
        self.cost = cost
        self.scope = scope
    }

    public var gcra: GCRA { GCRA(limit: limit, window: window) }
}
