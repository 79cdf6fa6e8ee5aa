import GraphQLEngine
import Platform

/// The one path every operation takes, whatever carried it (HTTP GET or POST, either
/// WebSocket subprotocol, and the transports to come): the document from the cache (or
/// its persisted hash), the operation chosen and its variables coerced once, the kind
/// checked against the transport, the rate limits charged, then execution; the outcome
/// counted in the metrics. Transports only read their framing into a `GraphQLRequest` and
/// write the `OperationOutcome` back in theirs.
public struct OperationPipeline: Sendable {
    public let executor: Executor
    public let documents: DocumentCache
    /// Queries known by hash: registered ones and those clients registered (APQ).
    public let persistedQueries: PersistedQueryStore
    public let configuration: GatewayConfiguration
    /// Rate limits charged before each operation runs; nil runs every operation unlimited.
    public let rateLimits: (any AdmissionGate)?
    let metrics: GatewayMetrics?
    /// Subscriptions that give the same responses, executed once for all their subscribers.
    public let subscriptions = SharedSubscriptions()

    public init(
        schema: Schema, resolvers: Resolvers, configuration: GatewayConfiguration = GatewayConfiguration(),
        rateLimits: (any AdmissionGate)? = nil, metrics: GatewayMetrics? = nil
    ) {
        self.configuration = configuration
        self.rateLimits = rateLimits
        self.metrics = metrics
        executor = Executor(resolvers: resolvers, timeout: configuration.operationTimeout)
        documents = DocumentCache(
            schema: schema, parseOptions: configuration.documentLimits, validationOptions: configuration.validation)
        persistedQueries = PersistedQueryStore(
            mode: configuration.persistedQueries, registered: configuration.registeredOperations)
    }

    /// Runs `request` through every step, and counts what it came to.
    public func run(_ request: GraphQLRequest) async -> OperationOutcome {
        let outcome = await answer(request)
        record(outcome.report, over: request.transport, since: request.receivedAt)
        return outcome
    }

    /// Counts a request a transport refused before it reached the pipeline (an
    /// unreadable body, bad credentials), as the pipeline counts its own.
    public func record(_ report: OperationReport, over transport: Transport, since receivedAt: ContinuousClock.Instant) {
        metrics?.recordOperation(
            transport: transport.label, operationType: report.operationType?.rawValue ?? "unknown",
            outcome: report.outcome, duration: .now - receivedAt, errorCodes: report.errorCodes)
    }

    private func answer(_ request: GraphQLRequest) async -> OperationOutcome {
        let document: Valid<Document>
        switch self.document(for: request.operation) {
        case .failure(let refusal): return OperationOutcome(.rejected(.persistedQuery(refusal)), operationType: nil)
        case .success(.syntaxError(let error)): return OperationOutcome(.rejected(.syntaxError(error)), operationType: nil)
        case .success(.invalid(let errors)): return OperationOutcome(.rejected(.invalid(errors)), operationType: nil)
        case .success(.valid(let valid)): document = valid
        }
        let prepared: PreparedOperation
        switch PreparedOperation.prepare(
            document, operationName: request.operation.operationName, variables: request.operation.variables)
        {
        case .failure(let refusal):
            // A kind the transport cannot carry is refused as such, before its variables.
            if let type = refusal.operationType, !request.transport.carries(type) {
                return OperationOutcome(.rejected(.notCarried(type)), operationType: type)
            }
            return OperationOutcome(.rejected(.requestError(refusal.errors)), operationType: refusal.operationType)
        case .success(let operation):
            prepared = operation
        }
        let type = prepared.type
        guard request.transport.carries(type) else {
            return OperationOutcome(.rejected(.notCarried(type)), operationType: type)
        }
        let admission = await admit(prepared, caller: request.caller)
        if let refusal = admission.refusal {
            let rejection = Rejection.rateLimited(refusal.error, status: refusal.status, extensions: admission.extensions)
            return OperationOutcome(.rejected(rejection), operationType: type, headers: admission.headers)
        }
        guard type == .subscription else {
            var response = await executor.execute(prepared, context: admission.context)
            response.extensions.merge(admission.extensions) { own, _ in own }
            return OperationOutcome(.response(response), operationType: type, headers: admission.headers)
        }
        switch await executor.subscribe(prepared, context: admission.context) {
        case .refused(let response):
            return OperationOutcome(.rejected(.requestError(response.errors)), operationType: type)
        case .stream(let responses):
            return OperationOutcome(
                .stream(subscriptions.responses(of: responses, context: admission.context)), operationType: type,
                headers: admission.headers)
        }
    }

    /// What the rate limits say of `operation` (unlimited without any).
    private func admit(_ operation: PreparedOperation, caller: RequestContext) async -> Admission {
        guard let rateLimits else { return .unlimited(caller) }
        return await rateLimits.admit(operation, caller: caller)
    }
}
