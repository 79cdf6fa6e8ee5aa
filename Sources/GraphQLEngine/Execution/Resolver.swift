/// How one field's value is found (spec 6.4.2 "ResolveFieldValue"). A synchronous
/// resolver is called in line, with no task; an asynchronous one is awaited.
public enum Resolver: Sendable {
    case sync(@Sendable (ResolveInfo) throws -> FieldValue)
    case async(@Sendable (ResolveInfo) async throws -> FieldValue)
}

/// What a resolver is given: the parent object's value, the field's coerced arguments,
/// the request's context, and where in the schema and response the field is.
public struct ResolveInfo: Sendable {
    public let schema: Schema
    public let parent: any Sendable
    public let arguments: [String: InputValue]
    public let context: any Sendable
    public let field: SchemaField
    public let parentType: NamedType
    public let path: [GraphQLError.PathComponent]
    /// The request's loads, for `load(_:with:)`.
    let loads: LoadScheduler
}

/// The resolvers of a schema, by type and field name. A field without one reads the key
/// of its name from a JSON parent (`InputValue` object), the default resolver.
public struct Resolvers: Sendable {
    private var byType: [String: [String: Resolver]] = [:]
    /// Whether any resolver is asynchronous: only then are a list's items worth
    /// completing at once, each in a task.
    private(set) var hasAsynchronousResolvers = false
    private var sources: [String: SubscriptionSource] = [:]

    public init() {}

    /// The source stream of a subscription root field, by the field's name. Each of its
    /// events is the root value of one execution of the subscription's selection set, so
    /// `self[subscriptionType, field]` (by default, the event's key of the field's name)
    /// resolves the field from the event.
    public subscript(subscription field: String) -> SubscriptionSource? {
        get { sources[field] }
        set { sources[field] = newValue }
    }

    public subscript(type: String, field: String) -> Resolver? {
        get { byType[type]?[field] }
        set {
            byType[type, default: [:]][field] = newValue
            if case .async? = newValue { hasAsynchronousResolvers = true }
        }
    }

    /// What the default resolver gives for the field: for a resolver that wraps it
    /// (`@auth` guards), the same value a field without a resolver gets.
    public static func defaultValue(_ info: ResolveInfo) throws -> FieldValue {
        try ParentValue(info.parent).resolvedByDefault(info.field) { info }
    }

    /// The field's resolver: the one given, else introspection's for meta-fields and
    /// introspection types; nil for the default resolver.
    func resolver(for field: SchemaField, on type: NamedType) -> Resolver? {
        byType[type.name]?[field.name] ?? Introspection.resolver(for: field, on: type)
    }
}

/// A Swift value that resolves its own fields: where a field of its type has no resolver
/// of its own, the default resolver asks the value. The protocol form of a resolver, for
/// domain types that know their fields.
public protocol FieldResolving: Sendable {
    /// The value of the field `info.field` of this value, given its coerced arguments.
    func resolveField(_ info: ResolveInfo) throws -> FieldValue
}

/// The object whose fields are being executed, told apart once per object rather than
/// cast for each field: a JSON object (`InputValue`), which the default resolver reads by
/// key; a value that resolves its own fields; or any other value, which only resolvers
/// read.
enum ParentValue: Sendable {
    case json([String: InputValue])
    case resolving(any FieldResolving)
    case other(any Sendable)

    init(_ value: any Sendable) {
        if let json = value as? InputValue, case .object(let fields) = json {
            self = .json(fields)
        } else if let resolving = value as? any FieldResolving {
            self = .resolving(resolving)
        } else {
            self = .other(value)
        }
    }

    /// The default resolver (spec 6.4.2 leaves it to the implementation): a JSON object's
    /// key of the field's name, or what a `FieldResolving` value says (asked with the
    /// `ResolveInfo` that `info` makes, only then); anything else has no such field.
    func resolvedByDefault(_ field: SchemaField, info: () -> ResolveInfo) throws -> FieldValue {
        switch self {
        case .json(let object): object[field.name].map(FieldValue.init(json:)) ?? .null
        case .resolving(let value): try value.resolveField(info())
        case .other: .null
        }
    }

    /// The value as resolvers are given it.
    var boxed: any Sendable {
        switch self {
        case .json(let fields): InputValue.object(fields)
        case .resolving(let value): value
        case .other(let value): value
        }
    }
}

extension Resolver {
    /// `resolver` (the default resolver when nil) with `check` run first: when the check
    /// throws, the field is that error and the resolver is not called. How guards such as
    /// `@auth` and rate limits wrap a field without changing its kind.
    public static func checked(
        _ resolver: Resolver?, by check: @escaping @Sendable (ResolveInfo) throws(GraphQLError) -> Void
    ) -> Resolver {
        switch resolver {
        case .async(let body)?:
            .async { info in
                try check(info)
                return try await body(info)
            }
        case .sync(let body)?:
            .sync { info in
                try check(info)
                return try body(info)
            }
        case nil:
            .sync { info in
                try check(info)
                return try Resolvers.defaultValue(info)
            }
        }
    }
}
