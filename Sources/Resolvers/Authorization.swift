import GraphQLEngine

/// `@auth(requires:)` of schema.graphql, enforced: every field that carries it gets its
/// resolver (or the default one) wrapped in a check of the caller's role. The check runs
/// before the resolver, so a refused field costs nothing and reveals nothing.
public enum Authorization {
    /// The resolvers with every `@auth` field of `schema` guarded.
    public static func guarding(_ resolvers: Resolvers, in schema: Schema) -> Resolvers {
        var result = resolvers
        for type in schema.types where type.kind == .object {
            for field in type.fields {
                guard let auth = field.directives.first(where: { $0.name == "auth" }) else { continue }
                let role: String
                if case .enumValue(let name, _)? = auth.argument(named: "requires") {
                    role = name
                } else {
                    role = "USER"
                }
                result[type.name, field.name] = guarded(resolvers[type.name, field.name], requiring: role)
            }
        }
        return result
    }

    static func guarded(_ resolver: Resolver?, requiring role: String) -> Resolver {
        @Sendable func check(_ info: ResolveInfo) throws(GraphQLError) {
            let context = info.context as? RequestContext ?? .anonymous
            guard !context.has(role: role) else { return }
            if context.user == nil {
                throw GraphQLError(
                    message: "Sign in to read \(info.parentType.name).\(info.field.name).", code: "UNAUTHENTICATED")
            }
            throw GraphQLError(
                message: "\(info.parentType.name).\(info.field.name) needs the \(role) role.", code: "FORBIDDEN")
        }
        switch resolver {
        case .async(let body)?:
            return .async { info in
                try check(info)
                return try await body(info)
            }
        case .sync(let body)?:
            return .sync { info in
                try check(info)
                return try body(info)
            }
        case nil:
            return .sync { info in
                try check(info)
                return try Resolvers.defaultValue(info)
            }
        }
    }
}
