import GraphQLEngine

/// What a resolver of a domain is given: the engine's `ResolveInfo` with the caller's
/// context as the concrete type the domain is written for, so that no resolver ever casts
/// it back (and none can mistake a missing context for a signed-out caller).
public struct FieldInfo<Context: Sendable>: Sendable {
    /// Who is asking.
    public let context: Context
    /// The rest: parent, arguments, schema field, path, and the request's loads.
    public let resolve: ResolveInfo

    public init(context: Context, resolve: ResolveInfo) {
        self.context = context
        self.resolve = resolve
    }

    public var parent: any Sendable { resolve.parent }
    public var arguments: [String: InputValue] { resolve.arguments }
    public var path: [GraphQLError.PathComponent] { resolve.path }

    /// `key` through `loader`, batched with the other loads of the request.
    public func load<Key, Value>(_ key: Key, with loader: DataLoader<Key, Value>) async throws -> Value? {
        try await resolve.load(key, with: loader)
    }
}

/// How one field of a domain is resolved: in line when it can be, awaited when it must.
public enum FieldResolver<Context: Sendable>: Sendable {
    case sync(@Sendable (FieldInfo<Context>) throws -> FieldValue)
    case async(@Sendable (FieldInfo<Context>) async throws -> FieldValue)
}

/// The event stream of a subscription root field, opened for one subscriber.
public typealias EventSource<Context: Sendable> = @Sendable (FieldInfo<Context>) async throws -> EventStream
