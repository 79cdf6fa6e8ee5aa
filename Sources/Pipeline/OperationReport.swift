import GraphQLEngine
import Platform

/// What one request came to, beside the bytes of its answer: what the metrics count and
/// the log line says, the same for every transport.
public struct OperationReport: Sendable {
    /// The operation's type, once the document named one.
    public var operationType: OperationType?
    public var outcome: GatewayMetrics.Outcome
    /// The `extensions.code` of each error in the answer.
    public var errorCodes: [String]

    public init(operationType: OperationType? = nil, outcome: GatewayMetrics.Outcome, errors: [GraphQLError]) {
        self.operationType = operationType
        self.outcome = outcome
        errorCodes = errors.compactMap(\.code)
    }

    init(_ answer: OperationOutcome.Answer, operationType: OperationType?) {
        switch answer {
        case .rejected(let rejection):
            self.init(operationType: operationType, outcome: .refused, errors: rejection.errors)
        case .response(let response):
            let outcome: GatewayMetrics.Outcome =
                response.data == nil ? .failed : response.errors.isEmpty ? .ok : .partial
            self.init(operationType: operationType, outcome: outcome, errors: response.errors)
        case .stream:
            self.init(operationType: operationType, outcome: .ok, errors: [])
        }
    }
}
