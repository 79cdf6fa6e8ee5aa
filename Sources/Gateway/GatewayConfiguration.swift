import GraphQLEngine

/// What an operator can set for a gateway instance. Grows with each transport.
public struct GatewayConfiguration: Sendable {
    /// Limits on documents from clients (size, tokens, nesting).
    public var documentLimits: ParseOptions
    /// The validation applied to client operations: the spec's rules, plus the error cap,
    /// introspection depth and operation limits (depth, aliases, root fields), and whether
    /// introspection is allowed at all (`allowsIntrospection`).
    public var validation: ValidationOptions
    /// The largest HTTP request body taken, in bytes (a document and its variables).
    public var maxRequestBodyBytes: Int
    /// The longest an operation may run before it is answered with `TIMEOUT`.
    public var operationTimeout: Duration?

    public init(
        documentLimits: ParseOptions = .default,
        validation: ValidationOptions = ValidationOptions(limits: OperationLimits()),
        maxRequestBodyBytes: Int = 2 << 20, operationTimeout: Duration? = .seconds(30)
    ) {
        self.documentLimits = documentLimits
        self.validation = validation
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.operationTimeout = operationTimeout
    }
}
