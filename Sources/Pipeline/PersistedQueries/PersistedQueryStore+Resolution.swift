import GraphQLEngine

extension PersistedQueryStore {
    /// The query text a request runs, and the hash to remember it under once it has
    /// validated (a client registering it), if any.
    public struct Resolution: Equatable, Sendable {
        public var query: String
        public var registerAs: String?

        public init(query: String, registerAs: String? = nil) {
            self.query = query
            self.registerAs = registerAs
        }
    }

    /// Apollo's automatic persisted queries, the allow-list and the size limit, in one
    /// place for every transport: from the request's `query` and
    /// `extensions.persistedQuery` (`{"version": 1, "sha256Hash": "..."}`) to the text to
    /// run, or why not.
    public func resolve(_ request: OperationRequest, maxQueryBytes: Int) -> Result<Resolution, PersistedQueryRefusal> {
        if let query = request.query, query.utf8.count > maxQueryBytes {
            return .failure(.queryTooLarge(bytes: query.utf8.count, limit: maxQueryBytes))
        }
        guard let extensionValue = request.persistedQuery else {
            guard let query = request.query else { return .failure(.malformed("the request has no query")) }
            guard mode == .allowList else { return .success(Resolution(query: query)) }
            let hash = PersistedQueryHash.sha256(query)
            guard registered[hash] != nil else { return .failure(.notAllowed(hash: hash, sentQuery: true)) }
            return .success(Resolution(query: query))
        }
        guard mode != .disabled else { return .failure(.notSupported) }
        let hash: String
        switch Self.hash(in: extensionValue) {
        case .success(let sent): hash = sent
        case .failure(let refusal): return .failure(refusal)
        }
        guard let query = request.query else {
            if let known = self.query(forHash: hash) { return .success(Resolution(query: known)) }
            return .failure(mode == .allowList ? .notAllowed(hash: hash, sentQuery: false) : .notFound)
        }
        let computed = PersistedQueryHash.sha256(query)
        guard computed == hash else { return .failure(.hashMismatch(sent: hash, computed: computed)) }
        if mode == .allowList {
            guard registered[hash] != nil else { return .failure(.notAllowed(hash: hash, sentQuery: true)) }
            return .success(Resolution(query: query))
        }
        return .success(Resolution(query: query, registerAs: registered[hash] == nil ? hash : nil))
    }

    /// The lowercase hash in a `persistedQuery` extension, after checking its shape and
    /// version.
    static func hash(in value: InputValue) -> Result<String, PersistedQueryRefusal> {
        guard case .object(let members) = value else {
            return .failure(.malformed("extensions.persistedQuery must be an object, not \(value)"))
        }
        switch members["version"] {
        case .int(1)?: break
        case .int(let version)?: return .failure(.unsupportedVersion(version))
        case nil: return .failure(.malformed("extensions.persistedQuery.version is missing"))
        case let other?: return .failure(.malformed("extensions.persistedQuery.version must be 1, not \(other)"))
        }
        guard case .string(let hash)? = members["sha256Hash"] else {
            return .failure(.malformed("extensions.persistedQuery.sha256Hash must be a string"))
        }
        guard PersistedQueryHash.isWellFormed(hash) else {
            let problem = hash.count == 64 ? "a character that is not one" : "\(hash.count) characters"
            return .failure(
                .malformed(
                    "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits (a SHA-256); it has \(problem)")
            )
        }
        return .success(hash.lowercased())
    }
}
