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
    /// Automatic persisted queries, an allow-list, or neither.
    public var persistedQueries: PersistedQueryMode
    /// Operations registered ahead of time (lowercase sha256 hex to query text, as
    /// `PersistedQueryManifest.operations` reads them): in
    /// automatic mode they resolve by hash and are never evicted; in allow-list mode they
    /// are the only operations that run.
    public var registeredOperations: [String: String]
    /// The longest query text a client may send, in bytes, over any transport (413): it
    /// also bounds what each automatic persisted query holds in memory. The parser's own
    /// document limit, so there is one setting for both.
    public var maxQueryBytes: Int {
        get { documentLimits.maxDocumentBytes }
        set { documentLimits.maxDocumentBytes = newValue }
    }

    public init(
        documentLimits: ParseOptions = .default,
        validation: ValidationOptions = ValidationOptions(limits: OperationLimits()),
        maxRequestBodyBytes: Int = 2 << 20, operationTimeout: Duration? = .seconds(30),
        persistedQueries: PersistedQueryMode = .automatic(maxEntries: 10_000),
        registeredOperations: [String: String] = [:], maxQueryBytes: Int = 256 << 10
    ) {
        self.documentLimits = documentLimits
        self.documentLimits.maxDocumentBytes = maxQueryBytes
        self.validation = validation
        self.maxRequestBodyBytes = maxRequestBodyBytes
        self.operationTimeout = operationTimeout
        self.persistedQueries = persistedQueries
        self.registeredOperations = registeredOperations
    }
}
