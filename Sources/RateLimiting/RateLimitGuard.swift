import GraphQLEngine
import Platform
import Schema

/// Makes a field that is over its rate limit resolve to null with an error, while the
/// rest of the operation resolves: every field with a `@rateLimit` (or a root field under
/// its type's) checks the refusals `RateLimitGate` put in the request's context.
public enum RateLimitGuard {
    public static func guardFields(
        of schema: Schema, in table: inout ResolverTable<RequestContext>, policies: RateLimitPolicies
    ) {
        for type in schema.types where type.kind == .object && !type.isBuiltIn {
            for field in type.fields {
                guard let coordinate = policies.policies(forField: field.name, on: type.name).first?.coordinate
                else { continue }
                table.guardField(.field(type.name, field.name)) { field throws(GraphQLError) in
                    guard let seconds = field.context.rateLimitRefusals[coordinate] else { return }
                    let info = field.resolve
                    throw refusal(of: "\(info.parentType.name).\(info.field.name)", by: coordinate, retryAfter: seconds)
                }
            }
        }
    }

    /// `RATE_LIMITED` with `retryAfter` in seconds; the message names the limit's
    /// coordinate when it is the root type's rather than the field's own.
    static func refusal(of field: String, by coordinate: String, retryAfter seconds: Int) -> GraphQLError {
        let limit = coordinate == field ? "its rate limit" : "the rate limit of \(coordinate)"
        return GraphQLError(
            message: "\(field) is over \(limit); try again in \(seconds) s.", code: "RATE_LIMITED",
            extensions: ["retryAfter": .int(seconds)])
    }
}
