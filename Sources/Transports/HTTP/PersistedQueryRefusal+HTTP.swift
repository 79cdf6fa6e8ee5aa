import Pipeline

extension PersistedQueryRefusal {
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
