import GraphQLEngine

/// What an operator can set for a gateway instance. Grows with each transport; for now
/// the limits applied to documents that clients send.
public struct GatewayConfiguration: Sendable {
    /// Limits on documents from clients (size, tokens, nesting).
    public var documentLimits: ParseOptions

    public init(documentLimits: ParseOptions = .default) {
        self.documentLimits = documentLimits
    }
}
