/// The media types a GraphQL response is served as (GraphQL over HTTP, "Body").
public enum GraphQLResponseMediaType: String, Sendable {
    case graphQLResponseJSON = "application/graphql-response+json"
    case json = "application/json"

    /// The `Content-Type` header value.
    public var contentType: String {
        switch self {
        case .graphQLResponseJSON: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// The type to answer in, from the request's `Accept` header (RFC 9110 12.5.1, with
    /// q-values): `application/graphql-response+json` when the client accepts it at least
    /// as much as anything else, else `application/json` (also for `*/*`, `application/*`
    /// or no header, as legacy clients send). Nil when nothing acceptable is offered: the
    /// server answers 406.
    public static func negotiate(accept: String?) -> GraphQLResponseMediaType? {
        guard let accept else { return .json }
        // The headers nearly every client sends, answered without parsing.
        switch accept {
        case GraphQLResponseMediaType.graphQLResponseJSON.rawValue: return .graphQLResponseJSON
        case GraphQLResponseMediaType.json.rawValue, "*/*": return .json
        default: break
        }
        guard !accept.allSatisfy(\.isWhitespace) else { return .json }
        var best: (type: GraphQLResponseMediaType, quality: Double)?
        for range in accept.split(separator: ",") {
            let parts = range.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
            guard let mediaRange = parts.first else { continue }
            let quality = parts.dropFirst().compactMap(Self.quality).first ?? 1
            guard quality > 0 else { continue }
            let type: GraphQLResponseMediaType
            switch mediaRange {
            case GraphQLResponseMediaType.graphQLResponseJSON.rawValue: type = .graphQLResponseJSON
            case GraphQLResponseMediaType.json.rawValue, "application/*", "*/*": type = .json
            default: continue
            }
            // The higher quality wins; at equal quality, the GraphQL media type.
            if let current = best,
                current.quality > quality || (current.quality == quality && current.type == .graphQLResponseJSON)
            {
                continue
            }
            best = (type, quality)
        }
        return best?.type
    }

    private static func quality(_ parameter: String) -> Double? {
        guard parameter.hasPrefix("q=") else { return nil }
        return Double(parameter.dropFirst(2)).map { min(max($0, 0), 1) }
    }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end (HTTP's optional whitespace).
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
