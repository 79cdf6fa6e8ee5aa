import GraphQLEngine

/// The status a GraphQL outcome is answered with (GraphQL over HTTP, "Status Codes").
/// Under `application/graphql-response+json` a request the server would not run is 4xx;
/// under `application/json`, which legacy clients read as GraphQL only on 200, every
/// well-formed request is 200 but for a document that does not parse.
public enum GraphQLHTTPStatus {
    public enum Outcome: Equatable, Sendable {
        /// The document does not parse.
        case syntaxError
        /// The document does not validate.
        case validationFailed
        /// The executor refused the request: the operation could not be chosen, or the
        /// variables could not be coerced (a response without `data`).
        case requestError
        /// The operation was executed (field errors and all).
        case executed
    }

    public static func status(for outcome: Outcome, as mediaType: GraphQLResponseMediaType) -> Int {
        switch (outcome, mediaType) {
        case (.syntaxError, _): 400
        case (.validationFailed, .graphQLResponseJSON), (.requestError, .graphQLResponseJSON): 422
        case (.validationFailed, .json), (.requestError, .json), (.executed, _): 200
        }
    }

    /// The outcome of an executed request: a response without `data` is a request error.
    public static func outcome(of response: ExecutionResponse) -> Outcome {
        response.data == nil ? .requestError : .executed
    }

    /// GET must not run a mutation (GraphQL over HTTP, "GET"): 405, allowing POST.
    public static let mutationOverGET = HTTPRefusal(
        status: 405, message: "Mutations cannot be sent over GET; use POST.", allow: "POST")
}
