import GraphQLEngine

/// `@auth(requires:)` of schema.graphql, enforced: every field that carries it gets its
/// resolver (or the default one) wrapped in a check of the caller's role. The check runs
/// before the resolver, so a refused field costs nothing and reveals nothing.
public enum Authorization {
    /// Guards every `@auth` field of `schema` in `table`.
    public static func guardFields(of schema: Schema, in table: inout ResolverTable<RequestContext>) {
        for type in schema.types where type.kind == .object {
            for field in type.fields {
                guard let auth = field.directives.first(where: { $0.name == "auth" }) else { continue }
                // `requires` is a list of roles; a single one is a list of one (input
                // coercion), and none given means USER.
                let roles: [String]
                switch auth.argument(named: "requires") {
                case .enumValue(let name, _)?: roles = [name]
                case .list(let items, _)?:
                    roles = items.compactMap { item in
                        guard case .enumValue(let name, _) = item else { return nil }
                        return name
                    }
                default: roles = ["USER"]
                }
                table.guardField(.field(type.name, field.name), by: check(requiringAnyOf: roles))
            }
        }
    }

    static func check(requiringAnyOf roles: [String]) -> ResolverTable<RequestContext>.FieldCheck {
        let named = roles.count == 1 ? "the \(roles[0]) role" : "one of the roles " + roles.joined(separator: ", ")
        return { field throws(GraphQLError) in
            let info = field.resolve
            guard !roles.contains(where: field.context.has(role:)) else { return }
            if field.context.user == nil {
                throw GraphQLError(
                    message: "Sign in to read \(info.parentType.name).\(info.field.name).", code: "UNAUTHENTICATED")
            }
            throw GraphQLError(
                message: "\(info.parentType.name).\(info.field.name) needs \(named).", code: "FORBIDDEN")
        }
    }
}
