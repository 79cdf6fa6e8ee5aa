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

    init(_ value: Value, schema: Schema) {
        self.value = value
        self.schema = schema
    }
}
