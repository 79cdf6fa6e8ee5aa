import GraphQLEngine

extension OperationPipeline {
    /// The parsed and validated document a request asks for, over any transport: its
    /// query text, or the persisted query its hash names; or why none is run. A query
    /// sent with its hash is remembered under it only once it validates, so the store
    /// holds only documents that can run.
    public func document(for request: OperationRequest) -> Result<DocumentCache.Entry, PersistedQueryRefusal> {
        let resolution: PersistedQueryStore.Resolution
        switch persistedQueries.resolve(request, maxQueryBytes: configuration.maxQueryBytes) {
        case .success(let resolved): resolution = resolved
        case .failure(let refusal): return .failure(refusal)
        }
        let entry = documents.entry(for: resolution.query)
        if case .valid = entry, let hash = resolution.registerAs {
            persistedQueries.remember(resolution.query, hash: hash)
        }
        return .success(entry)
    }
}
