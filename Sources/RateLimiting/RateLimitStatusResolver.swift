import GraphQLEngine
import Platform
import Schema

/// `Query.rateLimitStatus`: every limit that counts the caller, as it stands, read from
/// the limiter without charging.
public enum RateLimitStatusResolver {
    public static func register(into resolvers: inout ResolverTable<RequestContext>, gate: RateLimitGate?) {
        resolvers[.query("rateLimitStatus")] = .async { info in
            guard let gate else { return .jsonObject(["enabled": .boolean(false), "buckets": .list([])]) }
            let context = info.context
            let caller = RateLimitCaller(
                user: context.user, tenant: context.tenant, ip: context.clientAddress ?? "unknown")
            let charges = gate.policies.everyPolicy.flatMap { policies in
                caller.buckets(of: policies).map { policy, key in
                    BucketCharge(key: key, limit: policy.limit, window: policy.window, cost: 0, scope: .field)
                }
            }
            let decisions: [BucketDecision]
            do {
                decisions = try await gate.limiter.status(of: charges)
            } catch {
                throw GraphQLError(
                    message: "The rate limiter cannot be read just now.", path: info.path,
                    code: "RATE_LIMITER_UNAVAILABLE")
            }
            let buckets = decisions.map { decision -> InputValue in
                .object([
                    "coordinate": .string(decision.key.coordinate), "by": .enumValue(decision.key.by.rawValue),
                    "limit": .int(decision.limit), "windowSeconds": .int(Int(decision.window.components.seconds)),
                    "remaining": .int(decision.remaining),
                    "resetAfterSeconds": .int(
                        decision.resetAfter > .zero ? RateLimitGate.seconds(decision.resetAfter) : 0),
                ])
            }
            return .jsonObject(["enabled": .boolean(true), "buckets": .list(buckets)])
        }
    }
}

extension RateLimitPolicies {
    /// Every declared limit, grouped by coordinate (the cost budget, then root types,
    /// then fields, each in name order), as `RateLimitCaller.buckets(of:)` takes them.
    var everyPolicy: [[RateLimitPolicy]] {
        var groups: [[RateLimitPolicy]] = costBudgets.isEmpty ? [] : [costBudgets]
        groups += typePolicies.sorted { $0.key < $1.key }.map(\.value)
        groups += fieldPolicies.sorted { $0.key < $1.key }.map(\.value)
        return groups
    }
}
