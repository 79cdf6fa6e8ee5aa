import GraphQLEngine

/// What the pipeline made of one request: the operation's kind once known, what to answer,
/// and what the rate limits add to the answer (headers, and `extensions` already merged
/// into a response).
public struct OperationOutcome: Sendable {
    public enum Answer: Sendable {
        /// Not run, and why; the transport picks the status.
        case rejected(Rejection)
        /// A query or mutation executed (field errors and all).
        case response(ExecutionResponse)
        /// A subscription started: its responses, one per event, encoded.
        case stream(SubscriptionResponses)
    }

    public var answer: Answer
    /// The operation's kind, once the document named one.
    public var operationType: OperationType?
    /// `RateLimit-Policy`, `RateLimit` and `Retry-After`, when rate limits apply.
    public var headers: [(name: String, value: String)] = []
    /// What the request came to, for metrics and logs.
    public var report: OperationReport

    init(_ answer: Answer, operationType: OperationType?, headers: [(name: String, value: String)] = []) {
        self.answer = answer
        self.operationType = operationType
        self.headers = headers
        report = OperationReport(answer, operationType: operationType)
    }
}

/// Why an operation was not run, by the step that refused it.
public enum Rejection: Sendable {
    /// The persisted query (or the query's size) refused: see `PersistedQueryRefusal`.
    case persistedQuery(PersistedQueryRefusal)
    /// The document does not parse.
    case syntaxError(GraphQLError)
    /// The document does not validate.
    case invalid([GraphQLError])
    /// The operation is of a kind the transport cannot carry (a mutation over GET).
    case notCarried(OperationType)
    /// No operation could be chosen, the variables could not be coerced, or the
    /// subscription's event stream could not be opened: a response without `data`.
    case requestError([GraphQLError])
    /// The rate limits refused it (429), or could not be checked and fail closed (503);
    /// the response's `extensions` say what it would have cost.
    case rateLimited(GraphQLError, status: Int, extensions: [String: InputValue])

    /// The errors a response refusing the operation carries.
    public var errors: [GraphQLError] {
        switch self {
        case .persistedQuery(let refusal): [refusal.error]
        case .syntaxError(let error): [error]
        case .invalid(let errors), .requestError(let errors): errors
        case .notCarried(let type): [Self.notCarriedError(type)]
        case .rateLimited(let error, _, _): [error]
        }
    }

    /// The response refusing the operation: its errors, no `data`.
    public var response: ExecutionResponse {
        if case .rateLimited(let error, _, let extensions) = self {
            return ExecutionResponse(data: nil, errors: [error], extensions: extensions)
        }
        return ExecutionResponse(data: nil, errors: errors)
    }

    static func notCarriedError(_ type: OperationType) -> GraphQLError {
        switch type {
        case .subscription:
            GraphQLError(
                message: "Subscriptions are served over WebSocket on /graphql (graphql-transport-ws or graphql-ws).",
                code: "OPERATION_RESOLUTION_FAILURE")
        case .mutation:
            GraphQLError(message: "Mutations cannot be sent over GET; use POST.", code: "BAD_REQUEST")
        case .query:
            GraphQLError(message: "Queries cannot be sent over this transport.", code: "BAD_REQUEST")
        }
    }
}
