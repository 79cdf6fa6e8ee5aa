import GraphQLEngine

/// The rate limits and costs schema.graphql declares (`@rateLimit`, `@costBudget`,
/// `@cost`, `@listSize`), read once at start-up into what the limiter looks up per
/// operation. Both the in-process and the Redis limiter enforce these same policies.
public struct RateLimitPolicies: Sendable {
    /// The coordinate that names the cost budget's buckets: a directive's schema
    /// coordinate, so no type or field can share it.
    public static let costBudgetCoordinate = "@costBudget"

    /// `@rateLimit` on fields, by coordinate (`Mutation.sendNotification`).
    public let fieldPolicies: [String: [RateLimitPolicy]]
    /// `@rateLimit` on root operation types, by type name (`Query`): the default of their
    /// root fields that have none of their own.
    public let typePolicies: [String: [RateLimitPolicy]]
    /// `@costBudget` on the schema.
    public let costBudgets: [RateLimitPolicy]
    /// `@cost(weight:)` on fields, by coordinate.
    public let fieldWeights: [String: Int]
    /// `@cost(weight:)` on object types, by type name: the weight of fields returning them.
    public let typeWeights: [String: Int]
    /// `@listSize` on fields, by coordinate.
    public let listSizes: [String: ListSize]

    public init(
        fieldPolicies: [String: [RateLimitPolicy]] = [:], typePolicies: [String: [RateLimitPolicy]] = [:],
        costBudgets: [RateLimitPolicy] = [], fieldWeights: [String: Int] = [:], typeWeights: [String: Int] = [:],
        listSizes: [String: ListSize] = [:]
    ) {
        self.fieldPolicies = fieldPolicies
        self.typePolicies = typePolicies
        self.costBudgets = costBudgets
        self.fieldWeights = fieldWeights
        self.typeWeights = typeWeights
        self.listSizes = listSizes
    }

    /// The limits that count a selection of `field` on `type`: its own, or for a root
    /// field without any, its root type's default (whose buckets all such fields share).
    public func policies(forField field: String, on type: String) -> [RateLimitPolicy] {
        if let own = fieldPolicies[type + "." + field] { return own }
        return typePolicies[type] ?? []
    }

    /// The weight of `field` on `type`, returning `returnType`: `@cost` of the field, else
    /// of the returned type, else 1 for composite types and 0 for leaves.
    public func weight(ofField field: String, on type: String, returning returnType: NamedType) -> Int {
        fieldWeights[type + "." + field] ?? typeWeights[returnType.name] ?? (returnType.kind.isComposite ? 1 : 0)
    }
}
