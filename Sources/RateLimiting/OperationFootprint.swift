import GraphQLEngine
import Schema

/// What one operation asks of the rate limiter, worked out before it runs: the buckets of
/// the limited fields it selects (each once, however many times, aliases and fragments
/// included, `@skip`/`@include` honoured), its cost, and the cost budget's buckets.
public struct OperationFootprint: Sendable {
    /// The cost an operation can reach at most: sums and products saturate here, so a
    /// hostile `first:` cannot overflow and is refused by any budget.
    public static let maximumCost = 1_000_000_000

    /// The operation's cost (see `@cost` and `@listSize` in schema.graphql). On a field of
    /// an interface or union type, the costliest of the possible types counts.
    public let cost: Int
    /// The limited fields' buckets (cost 1, scope `.field`) in the order the operation
    /// first selects them, then the cost budget's (cost `cost`, scope `.operation`).
    public let charges: [BucketCharge]

    /// The footprint of the operation `operationName` selects in `document`, with the
    /// request's coerced `variables`; a field of an abstract type counts the buckets of
    /// every possible type's fields (which ones run is known only while executing).
    /// Throws what execution would: an unknown operation, a `@skip(if:)` variable missing.
    public init(
        of document: Valid<Document>, operationName: String?, variables: [String: InputValue],
        policies: RateLimitPolicies, caller: RateLimitCaller
    ) throws(GraphQLError) {
        self.init(
            try Shape(of: document, operationName: operationName, variables: variables, policies: policies),
            budgets: policies.costBudgets, caller: caller)
    }

    /// The footprint of `shape` for `caller`: its buckets, keyed by who the caller is.
    init(_ shape: Shape, budgets: [RateLimitPolicy], caller: RateLimitCaller) {
        var charges: [BucketCharge] = []
        for policies in shape.limited {
            for (policy, key) in caller.buckets(of: policies) {
                charges.append(
                    BucketCharge(key: key, limit: policy.limit, window: policy.window, cost: 1, scope: .field))
            }
        }
        for (policy, key) in caller.buckets(of: budgets) {
            charges.append(
                BucketCharge(key: key, limit: policy.limit, window: policy.window, cost: shape.cost, scope: .operation)
            )
        }
        cost = shape.cost
        self.charges = charges
    }

    /// What the footprint owes to the document and variables alone, whoever the caller:
    /// an operation without variables has the same shape every time (see `RateLimitGate`).
    struct Shape: Sendable {
        let cost: Int
        /// The limits of the limited fields selected, one group per coordinate, in the
        /// order the operation first selects them.
        let limited: [[RateLimitPolicy]]

        init(
            of document: Valid<Document>, operationName: String?, variables: [String: InputValue],
            policies: RateLimitPolicies
        ) throws(GraphQLError) {
            let operation = try document.operation(named: operationName)
            try self.init(of: operation, in: document, variables: variables, policies: policies)
        }

        /// The shape of an operation its request has prepared (chosen, variables coerced).
        init(of operation: PreparedOperation, policies: RateLimitPolicies) throws(GraphQLError) {
            try self.init(of: operation.operation, in: operation.document, variables: operation.variables, policies: policies)
        }

        private init(
            of operation: OperationDefinition, in document: Valid<Document>, variables: [String: InputValue],
            policies: RateLimitPolicies
        ) throws(GraphQLError) {
            var walk = FootprintWalk(document: document, variables: variables, policies: policies)
            var cost = 0
            if let root = document.schema.rootType(for: operation.operation) {
                cost = try walk.cost(of: [operation.selectionSet], on: root, scale: .none)
            }
            self.cost = cost
            limited = walk.limited
        }
    }
}
