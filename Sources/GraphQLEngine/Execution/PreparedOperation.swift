/// An operation ready to execute: chosen from its document, its variables coerced, its
/// root type known. Made once per request, then read by whatever looks at the operation
/// before it runs (a gateway's rate limits) and by the executor, so that neither selects
/// the operation or coerces the variables again.
public struct PreparedOperation: Sendable {
    public let document: Valid<Document>
    public let operation: OperationDefinition
    /// The variables as CoerceVariableValues gave them.
    public let variables: [String: InputValue]
    public let rootType: NamedType

    /// The operation's kind: query, mutation or subscription.
    public var type: OperationType { operation.operation }
    /// The operation's name, if it has one.
    public var name: String? { operation.name.map { document.value.text($0) } }

    /// Why a request could not be prepared: a request error (spec 7.1.2), with the
    /// response that says so.
    public struct Refusal: Error, Sendable {
        public let errors: [GraphQLError]
        /// `OPERATION_RESOLUTION_FAILURE` (no such operation) or `BAD_USER_INPUT` (the
        /// variables), unless an error carries a code of its own.
        public let stage: Stage
        /// The chosen operation's kind, when it was chosen (its variables were refused).
        public let operationType: OperationType?

        public enum Stage: Sendable {
            case operationSelection, variableCoercion
        }

        /// The response refusing the request: its errors and no `data`.
        public var response: ExecutionResponse { ExecutionResponse(data: nil, errors: errors) }
    }

    /// GetOperation and CoerceVariableValues (spec 6.1 "Executing Requests"): the
    /// operation `operationName` names (the only one when nil), with `variables`
    /// coerced by its variable definitions; or the request error.
    public static func prepare(
        _ document: Valid<Document>, operationName: String?, variables: [String: InputValue]
    ) -> Result<PreparedOperation, Refusal> {
        /// Request errors carry a code, so that a transport can tell a request it could
        /// not run (which operation) from values it refused (the variables).
        func refused(
            _ errors: [GraphQLError], _ stage: Refusal.Stage, _ type: OperationType? = nil
        ) -> Result<PreparedOperation, Refusal> {
            let code = stage == .operationSelection ? "OPERATION_RESOLUTION_FAILURE" : "BAD_USER_INPUT"
            let coded = errors.map { error in
                var error = error
                error.code = error.code ?? code
                return error
            }
            return .failure(Refusal(errors: coded, stage: stage, operationType: type))
        }
        let operation: OperationDefinition
        do {
            operation = try document.operation(named: operationName)
        } catch {
            return refused([error], .operationSelection)
        }
        guard let rootType = document.schema.rootType(for: operation.operation) else {
            let name = operation.operation.rawValue
            return refused(
                [GraphQLError(message: "Schema is not configured to execute \(name) operation.")], .operationSelection,
                operation.operation)
        }
        let coerced: [String: InputValue]
        do {
            coerced = try coerceVariableValues(of: operation, in: document, inputs: variables)
        } catch {
            return refused(error.errors, .variableCoercion, operation.operation)
        }
        return .success(
            PreparedOperation(document: document, operation: operation, variables: coerced, rootType: rootType))
    }
}
