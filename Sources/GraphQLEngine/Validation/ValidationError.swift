import Synchronization

/// One thing validation found wrong, and the nodes it concerns.
public struct ValidationError: Error, Hashable, Sendable {
    public let diagnostic: ValidationDiagnostic
    /// The nodes the error concerns, in the order the message names them.
    public let spans: [SourceSpan]

    public init(_ diagnostic: ValidationDiagnostic, spans: [SourceSpan]) {
        self.diagnostic = diagnostic
        self.spans = spans
    }

    public var message: String { diagnostic.message }
    public var rule: String { diagnostic.rule }

    public func locations(in source: Source) -> [SourceLocation] {
        spans.map { source.location(of: Int($0.start)) }
    }

    /// The error as a response carries it (spec 7.1.2).
    public func graphQLError(in source: Source) -> GraphQLError {
        GraphQLError(message: message, locations: locations(in: source))
    }
}

/// A value that passed validation: only validation makes one, so code that takes a
/// `Valid<Document>` (the executor) cannot be handed a document nobody validated.
public struct Valid<Value: Sendable>: Sendable {
    public let value: Value
    /// The schema the value was validated against.
    public let schema: Schema
    /// Execution plans that depend on nothing but the document (see `PlanCache`): kept
    /// with it, so a document the cache hands out again is not planned again.
    let plans = PlanCache()
    /// What layers above the engine keep of the document (see `DocumentMemos`).
    public let memos = DocumentMemos()

    init(_ value: Value, schema: Schema) {
        self.value = value
        self.schema = schema
    }
}

/// Facts the layers above the engine derive from a validated document alone (the
/// gateway's rate-limit footprint of an operation without variables), kept with the
/// document so that one the cache hands out again is not walked again. Bounded: past
/// `maxEntries`, values are made but not kept.
public final class DocumentMemos: Sendable {
    private static let maxEntries = 32
    private let entries = Mutex<[String: any Sendable]>([:])

    init() {}

    /// The value kept under `key`, made by `make` the first time.
    public func value<Value: Sendable>(for key: String, make: () -> Value) -> Value {
        // Unwrapped before the cast: a missing entry cast to an optional `Value` would
        // pass as a kept nil.
        if let stored = entries.withLock({ $0[key] }), let known = stored as? Value { return known }
        let made = make()
        entries.withLock { entries in
            if entries.count < Self.maxEntries { entries[key] = made }
        }
        return made
    }
}
