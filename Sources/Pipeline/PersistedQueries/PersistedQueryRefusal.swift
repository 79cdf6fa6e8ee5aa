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
}
