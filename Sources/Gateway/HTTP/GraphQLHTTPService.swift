import GraphQLEngine

/// The parts of an HTTP request that GraphQL over HTTP reads, and the response to send:
/// what the server hands the service and writes back, so the protocol is tested without
/// sockets.
public struct HTTPExchange: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var accept: String?
        public var contentType: String?
        public var queryItems: [(name: String, value: String)]
        public var body: [UInt8]

        public init(
            method: String, accept: String? = nil, contentType: String? = nil,
            queryItems: [(name: String, value: String)] = [], body: [UInt8] = []
        ) {
            self.method = method
            self.accept = accept
            self.contentType = contentType
            self.queryItems = queryItems
            self.body = body
        }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        /// What the request came to, for the metrics and the request's log line.
        public var report: Report

        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// What a request came to, beside the bytes of its answer.
    public struct Report: Sendable {
        /// The operation's type, once the document named one.
        public var operationType: OperationType?
        public var outcome: GatewayMetrics.Outcome
        /// The `extensions.code` of each error in the answer.
        public var errorCodes: [String]

        init(operationType: OperationType? = nil, outcome: GatewayMetrics.Outcome, errors: [GraphQLError]) {
            self.operationType = operationType
            self.outcome = outcome
            errorCodes = errors.compactMap(\.code)
        }

        /// The report of an answer from the executor (or one shaped like it).
        init(_ response: ExecutionResponse, operationType: OperationType?) {
            let outcome: GatewayMetrics.Outcome =
                response.data == nil ? .failed : response.errors.isEmpty ? .ok : .partial
            self.init(operationType: operationType, outcome: outcome, errors: response.errors)
        }
    }
}

/// GraphQL over HTTP on `/graphql`: reads the request, finds the document (by its text or
/// its persisted hash) in the cache (parsing and validating it the first time), refuses a
/// mutation over GET, executes, and
/// answers with the status and media type the spec gives for the outcome.
public struct GraphQLHTTPService: Sendable {
    public let executor: Executor
    public let documents: DocumentCache
    /// Queries known by hash: registered ones and those clients registered (APQ).
    public let persistedQueries: PersistedQueryStore
    public let configuration: GatewayConfiguration
    /// Rate limits charged before each operation runs; nil runs every operation unlimited.
    public let rateLimits: RateLimitGate?

    public init(
        schema: Schema, resolvers: Resolvers, configuration: GatewayConfiguration = GatewayConfiguration(),
        rateLimits: RateLimitGate? = nil
    ) {
        self.configuration = configuration
        self.rateLimits = rateLimits
        executor = Executor(resolvers: resolvers, timeout: configuration.operationTimeout)
        documents = DocumentCache(
            schema: schema, parseOptions: configuration.documentLimits, validationOptions: configuration.validation)
        persistedQueries = PersistedQueryStore(
            mode: configuration.persistedQueries, registered: configuration.registeredOperations)
    }

    public func respond(to request: HTTPExchange.Request, context: any Sendable = ()) async -> HTTPExchange.Response {
        guard let mediaType = GraphQLResponseMediaType.negotiate(accept: request.accept) else {
            let refusal = HTTPRefusal(
                status: 406,
                message: "Accept application/graphql-response+json or application/json; got \(request.accept ?? "")")
            return Self.refuse(refusal, as: .json)
        }
        let operation: OperationRequest
        switch GraphQLHTTPRequest.parse(
            method: request.method, contentType: request.contentType, queryItems: request.queryItems,
            body: request.body, maxBodyBytes: configuration.maxRequestBodyBytes)
        {
        case .success(let parsed): operation = parsed
        case .failure(let refusal): return Self.refuse(refusal, as: mediaType)
        }
        let document: Valid<Document>
        switch self.document(for: operation) {
        case .failure(let refusal):
            return refusal.response(as: mediaType)
        case .success(.syntaxError(let error)):
            return Self.answer(ExecutionResponse(data: nil, errors: [error]), .syntaxError, nil, as: mediaType)
        case .success(.invalid(let errors)):
            return Self.answer(ExecutionResponse(data: nil, errors: errors), .validationFailed, nil, as: mediaType)
        case .success(.valid(let valid)):
            document = valid
        }
        // Only the operation's kind is looked at here; choosing it fails below, in the
        // executor, with the request error the spec words.
        let operationType = (try? document.operation(named: operation.operationName))?.operation
        switch operationType {
        case .mutation? where request.method == "GET":
            return Self.refuse(GraphQLHTTPStatus.mutationOverGET, as: mediaType)
        case .subscription?:
            let error = GraphQLError(
                message: "Subscriptions are served over WebSocket on /graphql (graphql-transport-ws or graphql-ws).",
                code: "OPERATION_RESOLUTION_FAILURE")
            return Self.answer(
                ExecutionResponse(data: nil, errors: [error]), .requestError, .subscription, as: mediaType)
        default:
            break
        }
        let admission = await admit(document, operation, context: context)
        if let refusal = admission.refusal {
            let response = ExecutionResponse(data: nil, errors: [refusal.error], extensions: admission.extensions)
            var answer = Self.answer(response, .requestError, operationType, as: mediaType)
            answer.status = refusal.status
            answer.headers += admission.headers
            return answer
        }
        var response = await executor.execute(
            document, operationName: operation.operationName, variables: operation.variables,
            context: admission.context)
        response.extensions.merge(admission.extensions) { own, _ in own }
        var answer = Self.answer(response, GraphQLHTTPStatus.outcome(of: response), operationType, as: mediaType)
        answer.headers += admission.headers
        return answer
    }

    /// What the rate limits say of `operation` (unlimited without any).
    func admit(_ document: Valid<Document>, _ operation: OperationRequest, context: any Sendable) async
        -> RateLimitGate.Admission
    {
        guard let rateLimits else { return .unlimited(context) }
        return await rateLimits.admit(
            document, operationName: operation.operationName, variables: operation.variables, context: context)
    }

    private static func answer(
        _ response: ExecutionResponse, _ outcome: GraphQLHTTPStatus.Outcome, _ operationType: OperationType?,
        as mediaType: GraphQLResponseMediaType
    ) -> HTTPExchange.Response {
        var report = HTTPExchange.Report(response, operationType: operationType)
        if outcome != .executed { report.outcome = .refused }
        return HTTPExchange.Response(
            status: GraphQLHTTPStatus.status(for: outcome, as: mediaType),
            headers: [("Content-Type", mediaType.contentType)], body: response.json, report: report)
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
            report: HTTPExchange.Report(outcome: .refused, errors: [error]))
    }
}
