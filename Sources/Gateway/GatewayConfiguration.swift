import GraphQLEngine

/// What an operator can set for a gateway instance. Grows with each transport; for now
/// the limits applied to documents that clients send.
public struct GatewayConfiguration: Sendable {
    /// Limits on documents from clients (size, tokens, nesting).
    public var documentLimits: ParseOptions
    /// The validation applied to client operations: the spec's rules, plus the error cap,
    /// introspection depth and operation limits (depth, aliases, root fields), and whether
    /// introspection is allowed at all (`allowsIntrospection`).
    public var validation: ValidationOptions

    public init(
        documentLimits: ParseOptions = .default,
        validation: ValidationOptions = ValidationOptions(limits: OperationLimits())
    ) {
        self.documentLimits = documentLimits
        self.validation = validation
    }
}
