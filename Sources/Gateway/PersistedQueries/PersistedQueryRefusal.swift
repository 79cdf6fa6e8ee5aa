import GraphQLEngine

/// Why a request's persisted query (or its query text) is not run, as a GraphQL error
/// with the message and code Apollo's clients and servers use where they have one.
public enum PersistedQueryRefusal: Error, Equatable, Sendable {
    /// The hash is unknown and no query came with it: the client retries with the query.
    case notFound
    /// Persisted queries are turned off: the client stops sending hashes.
    case notSupported
    /// `extensions.persistedQuery` is not what the protocol describes; says what is wrong.
    case malformed(String)
    /// A `version` other than 1.
    case unsupportedVersion(Int)
    /// The query sent does not hash to the hash sent with it.
    case hashMismatch(sent: String, computed: String)
    /// Allow-list mode, and the operation is not registered: `hash` is the one sent or
    /// the query's; `sentQuery` says which.
    case notAllowed(hash: String, sentQuery: Bool)
    /// The query text is longer than the configured limit.
    case queryTooLarge(bytes: Int, limit: Int)

    public var message: String {
        switch self {
        case .notFound: "PersistedQueryNotFound"
        case .notSupported: "PersistedQueryNotSupported"
        case .malformed(let detail): "Malformed persisted query: \(detail)."
        case .unsupportedVersion(let version):
            "Persisted query version \(version) is not supported; only version 1 is."
        case .hashMismatch(_, let computed): "provided sha does not match query (its sha256 is \(computed))"
        case .notAllowed(let hash, true):
            "Only registered operations run on this gateway, and this one (sha256 \(hash)) is not registered."
        case .notAllowed(let hash, false):
            "Only registered operations run on this gateway, and none is registered with sha256 \(hash)."
        case .queryTooLarge(let bytes, let limit): "The query is \(bytes) bytes, over the limit of \(limit)."
        }
    }

    /// `extensions.code`: Apollo's codes for what Apollo's protocol names.
    public var code: String {
        switch self {
        case .notFound: "PERSISTED_QUERY_NOT_FOUND"
        case .notSupported: "PERSISTED_QUERY_NOT_SUPPORTED"
        case .malformed, .unsupportedVersion: "BAD_REQUEST"
        case .hashMismatch: "PERSISTED_QUERY_HASH_MISMATCH"
        case .notAllowed: "PERSISTED_QUERY_NOT_ALLOWED"
        case .queryTooLarge: "QUERY_TOO_LARGE"
        }
    }

    public var error: GraphQLError { GraphQLError(message: message, code: code) }

    /// The HTTP status.
    ///
    /// `PersistedQueryNotFound` is part of the protocol's normal flow, not a failure:
    /// under `application/json` it is 200, as Apollo Server answers, because legacy
    /// clients read a GraphQL body only on 200. Under `application/graphql-response+json`
    /// the over-HTTP spec wants 4xx for a response without `data`: 404, as Apollo Router
    /// and GraphQL Yoga answer. Not 400: Apollo Client's persisted-query link takes a
    /// 400 (or 500) to a hash as "the server does not do persisted queries" and stops
    /// sending hashes, while it reads the errors of any other status and retries.
    /// `PersistedQueryNotSupported` follows the same pattern with 400, as there stopping
    /// is what the client should do.
    ///
    /// The rest are refused alike in both media types: a request the server cannot
    /// interpret is 400; an operation the allow-list refuses is 403 (the spec's "not
    /// permitted to issue the GraphQL request"); a query over the size limit is 413, for
    /// a GET too: the spec's 414 would tell the client to retry with POST, which would be
    /// refused again.
    public func status(as mediaType: GraphQLResponseMediaType) -> Int {
        switch (self, mediaType) {
        case (.notFound, .json), (.notSupported, .json): 200
        case (.notFound, .graphQLResponseJSON): 404
        case (.notSupported, .graphQLResponseJSON), (.malformed, _), (.unsupportedVersion, _), (.hashMismatch, _): 400
        case (.notAllowed, _): 403
        case (.queryTooLarge, _): 413
        }
    }
}
