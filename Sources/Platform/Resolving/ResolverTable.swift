import GraphQLEngine

/// The resolvers a server is composed of, by schema coordinate, written against one
/// concrete context type. Domains add theirs (`table[.query("notifications")] = ...`);
/// guards wrap fields (`guardFields`); `bind(to:)` checks every coordinate against the
/// schema and gives the engine its `Resolvers`.
public struct ResolverTable<Context: Sendable>: Sendable {
    private(set) var fields: [FieldCoordinate: FieldResolver<Context>] = [:]
    private(set) var sources: [String: EventSource<Context>] = [:]
    /// Field checks, in the order they were added, by the coordinates they wrap.
    private var checks: [(coordinate: FieldCoordinate, check: FieldCheck)] = []

    public typealias FieldCheck = @Sendable (FieldInfo<Context>) throws(GraphQLError) -> Void

    public init() {}

    /// The resolver of `coordinate`; nil leaves the field to the default resolver (the
    /// parent's key, or what a `FieldResolving` parent says).
    public subscript(_ coordinate: FieldCoordinate) -> FieldResolver<Context>? {
        get { fields[coordinate] }
        set { fields[coordinate] = newValue }
    }

    /// The event stream of the subscription root field `field`.
    public subscript(subscription field: String) -> EventSource<Context>? {
        get { sources[field] }
        set { sources[field] = newValue }
    }

    /// Runs `check` before the field at `coordinate` resolves (its resolver or the
    /// default one): when the check throws, the field is that error and the resolver is
    /// not called. How `@auth` and rate limits guard fields without changing their kind.
    public mutating func guardField(_ coordinate: FieldCoordinate, by check: @escaping FieldCheck) {
        checks.append((coordinate, check))
    }
}

extension ResolverTable {
    /// How much of the schema the table must resolve.
    public enum Coverage: Sendable {
        /// Every root field: a server's whole table.
        case everyRootField
        /// Only what is registered must fit: a test of one part.
        case registeredFields
    }

    /// The engine's resolvers for `schema`, after checking that every coordinate names a
    /// field the schema has and, by default, that every root field has a resolver (every
    /// subscription field an event stream). What is wrong stops start-up, each problem
    /// named by its coordinate.
    public func bind(
        to schema: Schema, coverage: Coverage = .everyRootField
    ) throws(ResolverBindingError) -> Resolvers {
        var problems: [ResolverBindingError.Problem] = []
        var bound = Resolvers()
        var resolved: Set<String> = []
        for (coordinate, resolver) in fields {
            switch Self.locate(coordinate, in: schema) {
            case .failure(let problem): problems.append(problem)
            case .success(let (type, field)):
                bound[type.name, field.name] = Self.engineResolver(resolver)
                resolved.insert("\(type.name).\(field.name)")
            }
        }
        for (field, source) in sources {
            let coordinate = FieldCoordinate.subscription(field)
            switch Self.locate(coordinate, in: schema) {
            case .failure(let problem): problems.append(problem)
            case .success:
                bound[subscription: field] = { info in try await source(FieldInfo(context: try Self.context(of: info), resolve: info)) }
            }
        }
        for (coordinate, check) in checks {
            switch Self.locate(coordinate, in: schema) {
            case .failure(let problem): problems.append(problem)
            case .success(let (type, field)):
                bound[type.name, field.name] = .checked(bound[type.name, field.name]) { info throws(GraphQLError) in
                    try check(FieldInfo(context: try Self.context(of: info), resolve: info))
                }
            }
        }
        for operation in [OperationType.query, .mutation, .subscription] where coverage == .everyRootField {
            guard let root = schema.rootType(for: operation) else { continue }
            for field in root.fields {
                let missing =
                    operation == .subscription
                    ? sources[field.name] == nil : !resolved.contains("\(root.name).\(field.name)")
                if missing { problems.append(.unresolved(FieldCoordinate(.root(operation), field.name))) }
            }
        }
        guard problems.isEmpty else {
            throw ResolverBindingError(problems: problems.sorted { $0.description < $1.description })
        }
        return bound
    }

    /// The object type and field `coordinate` names in `schema`, or why it names none.
    static func locate(
        _ coordinate: FieldCoordinate, in schema: Schema
    ) -> Result<(NamedType, SchemaField), ResolverBindingError.Problem> {
        let type: NamedType
        switch coordinate.owner {
        case .root(let operation):
            guard let root = schema.rootType(for: operation) else {
                return .failure(.noRootType(coordinate))
            }
            type = root
        case .type(let name):
            guard let named = schema.type(named: name) else {
                let known = schema.types.filter { $0.kind == .object }.map(\.name)
                return .failure(.unknownType(coordinate, suggestions: Suggestion.names(similarTo: name, among: known)))
            }
            guard named.kind == .object else { return .failure(.notAnObjectType(coordinate)) }
            type = named
        }
        guard let field = type.fields.first(where: { $0.name == coordinate.field }) else {
            let suggestions = Suggestion.names(similarTo: coordinate.field, among: type.fields.map(\.name))
            return .failure(.unknownField(coordinate, on: type.name, suggestions: suggestions))
        }
        return .success((type, field))
    }

    /// The context a resolver is written for, from what the executor was given. Only the
    /// operation pipeline executes, always with a `Context`; were anything else to, the
    /// field fails loudly rather than run as someone else.
    static func context(of info: ResolveInfo) throws(GraphQLError) -> Context {
        guard let context = info.context as? Context else {
            throw GraphQLError(
                message: "\(info.parentType.name).\(info.field.name) was executed without the caller's context.",
                path: info.path, code: "INTERNAL_SERVER_ERROR")
        }
        return context
    }

    static func engineResolver(_ resolver: FieldResolver<Context>) -> Resolver {
        switch resolver {
        case .sync(let body):
            .sync { info in try body(FieldInfo(context: try context(of: info), resolve: info)) }
        case .async(let body):
            .async { info in try await body(FieldInfo(context: try context(of: info), resolve: info)) }
        }
    }
}
