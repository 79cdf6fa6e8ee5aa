import GraphQLEngine
import Pipeline
import Platform

/// GraphQL over HTTP on `/graphql` (graphql/graphql-over-http): reads the request's
/// parameters from a GET's URL or a POST's JSON body, hands them to the operation
/// pipeline, and answers with the status and media type the spec gives for the outcome.
/// Everything between (documents, persisted queries, operation choice, variables, rate
/// limits, execution) is the pipeline's, shared with every other transport.
public struct GraphQLOverHTTP: Sendable {
    public let pipeline: OperationPipeline

    public init(pipeline: OperationPipeline) {
        self.pipeline = pipeline
    }

    /// Answers `request` from `caller`; `receivedAt` is when the server got it.
    public func respond(
        to request: HTTPExchange.Request, caller: RequestContext, receivedAt: ContinuousClock.Instant = .now
    ) async -> HTTPExchange.Response {
        func refusedEarly(_ response: HTTPExchange.Response) -> HTTPExchange.Response {
            counted(response, method: request.method, since: receivedAt)
        }
        guard let mediaType = GraphQLResponseMediaType.negotiate(accept: request.accept) else {
            let refusal = HTTPRefusal(
                status: 406,
                message: "Accept application/graphql-response+json or application/json; got \(request.accept ?? "")")
            return refusedEarly(Self.refuse(refusal, as: .json))
        }
        let operation: OperationRequest
        switch GraphQLHTTPRequest.parse(
            method: request.method, contentType: request.contentType, queryItems: request.queryItems,
            body: request.body, maxBodyBytes: pipeline.configuration.maxRequestBodyBytes)
        {
        case .success(let parsed): operation = parsed
        case .failure(let refusal): return refusedEarly(Self.refuse(refusal, as: mediaType))
        }
        let transport = Self.transport(request.method)
        let outcome = await pipeline.run(
            GraphQLRequest(operation, caller: caller, transport: transport, receivedAt: receivedAt))
        var answer = Self.answer(outcome, as: mediaType)
        answer.headers += outcome.headers
        return answer
    }

    /// `answer`, to a request refused before the pipeline read it (bad credentials, an
    /// unreadable request), counted as the pipeline counts its own.
    public func counted(
        _ answer: HTTPExchange.Response, method: String, since receivedAt: ContinuousClock.Instant
    ) -> HTTPExchange.Response {
        pipeline.record(answer.report, over: Self.transport(method), since: receivedAt)
        return answer
    }

    /// The transport of a request by its method: a GET carries queries only.
    static func transport(_ method: String) -> Transport {
        .http(method: method == "GET" ? .get : .post)
    }

    /// The outcome in HTTP's terms.
    static func answer(_ outcome: OperationOutcome, as mediaType: GraphQLResponseMediaType) -> HTTPExchange.Response {
        let status: Int
        var headers = [(name: "Content-Type", value: mediaType.contentType)]
        let body: ExecutionResponse
        switch outcome.answer {
        case .response(let response):
            status = GraphQLHTTPStatus.status(for: GraphQLHTTPStatus.outcome(of: response), as: mediaType)
            body = response
        case .stream:
            // Not reached: HTTP carries no subscriptions, and the pipeline refuses them.
            status = 500
            body = ExecutionResponse(data: nil, errors: [GraphQLError(message: "No stream over HTTP.")])
        case .rejected(let rejection):
            body = rejection.response
            switch rejection {
            case .persistedQuery(let refusal):
                status = refusal.status(as: mediaType)
                // A CDN keeping PersistedQueryNotFound would answer every later GET of
                // the hash with it, after the client had registered the query.
                if refusal == .notFound { headers.append(("Cache-Control", "private, no-cache, must-revalidate")) }
            case .syntaxError: status = GraphQLHTTPStatus.status(for: .syntaxError, as: mediaType)
            case .invalid: status = GraphQLHTTPStatus.status(for: .validationFailed, as: mediaType)
            case .notCarried(.mutation):
                status = GraphQLHTTPStatus.mutationOverGET.status
                if let allow = GraphQLHTTPStatus.mutationOverGET.allow { headers.append(("Allow", allow)) }
            case .notCarried, .requestError: status = GraphQLHTTPStatus.status(for: .requestError, as: mediaType)
            case .rateLimited(_, let refusalStatus, _): status = refusalStatus
            }
        }
        return HTTPExchange.Response(status: status, headers: headers, body: body.json, report: outcome.report)
    }

    /// The answer to a request refused before its document is read (the server's own
    /// limits too, such as a body that is too large to be read at all), in the media
    /// type the client accepts.
    public static func refuse(
        _ refusal: HTTPRefusal, accept: String?, code: String = "BAD_REQUEST"
    ) -> HTTPExchange.Response {
        refuse(refusal, as: GraphQLResponseMediaType.negotiate(accept: accept) ?? .json, code: code)
    }

    /// A refusal as a GraphQL response with its one error, so clients read it as they
    /// read any other.
    static func refuse(
        _ refusal: HTTPRefusal, as mediaType: GraphQLResponseMediaType, code: String = "BAD_REQUEST"
    ) -> HTTPExchange.Response {
        var headers = [(name: "Content-Type", value: mediaType.contentType)]
        if let allow = refusal.allow { headers.append(("Allow", allow)) }
        let error = GraphQLError(message: refusal.message, code: code)
        let body = ExecutionResponse(data: nil, errors: [error])
        return HTTPExchange.Response(
            status: refusal.status, headers: headers, body: body.json,
            report: OperationReport(outcome: .refused, errors: [error]))
    }
}
