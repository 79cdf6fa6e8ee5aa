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

        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
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

    public init(schema: Schema, resolvers: Resolvers, configuration: GatewayConfiguration = GatewayConfiguration()) {
        self.configuration = configuration
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
            return Self.answer(ExecutionResponse(data: nil, errors: [error]), .syntaxError, as: mediaType)
        case .success(.invalid(let errors)):
            return Self.answer(ExecutionResponse(data: nil, errors: errors), .validationFailed, as: mediaType)
        case .success(.valid(let valid)):
            document = valid
        }
        // Only the operation's kind is looked at here; choosing it fails below, in the
        // executor, with the request error the spec words.
        switch (try? document.operation(named: operation.operationName))?.operation {
        case .mutation? where request.method == "GET":
            return Self.refuse(GraphQLHTTPStatus.mutationOverGET, as: mediaType)
        case .subscription?:
            let error = GraphQLError(
                message: "Subscriptions are served over WebSocket on /graphql (graphql-transport-ws or graphql-ws).",
                code: "OPERATION_RESOLUTION_FAILURE")
            return Self.answer(ExecutionResponse(data: nil, errors: [error]), .requestError, as: mediaType)
        default:
            break
        }
        let response = await executor.execute(
            document, operationName: operation.operationName, variables: operation.variables, context: context)
        return Self.answer(response, GraphQLHTTPStatus.outcome(of: response), as: mediaType)
    }

    private static func answer(
        _ response: ExecutionResponse, _ outcome: GraphQLHTTPStatus.Outcome, as mediaType: GraphQLResponseMediaType
    ) -> HTTPExchange.Response {
        HTTPExchange.Response(
            status: GraphQLHTTPStatus.status(for: outcome, as: mediaType),
            headers: [("Content-Type", mediaType.contentType)], body: response.json)
    }

    /// A refusal as a GraphQL response with its one error, so clients read it as they
    /// read any other.
    private static func refuse(_ refusal: HTTPRefusal, as mediaType: GraphQLResponseMediaType) -> HTTPExchange.Response
    {
        var headers = [(name: "Content-Type", value: mediaType.contentType)]
        if let allow = refusal.allow { headers.append(("Allow", allow)) }
        let body = ExecutionResponse(data: nil, errors: [GraphQLError(message: refusal.message, code: "BAD_REQUEST")])
        return HTTPExchange.Response(status: refusal.status, headers: headers, body: body.json)
    }
}
