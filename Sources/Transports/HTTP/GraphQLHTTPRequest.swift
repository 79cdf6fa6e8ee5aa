import GraphQLEngine
import Pipeline

/// Why an HTTP request is not a GraphQL-over-HTTP request the server will run: the
/// status to answer with (and the `Allow` header for 405) and what is wrong, said so
/// that the client can fix it.
public struct HTTPRefusal: Error, Equatable, Sendable {
    public var status: Int
    public var message: String
    public var allow: String?

    public init(status: Int, message: String, allow: String? = nil) {
        self.status = status
        self.message = message
        self.allow = allow
    }
}

/// Reading a GraphQL-over-HTTP request (graphql/graphql-over-http, "Request"): the
/// parameters from a GET's URL or a POST's JSON body.
public enum GraphQLHTTPRequest {
    /// The request's parameters, or the refusal: 405 for a method other than GET and
    /// POST, 415 for a POST body that is not `application/json` in UTF-8, 413 for a body
    /// over `maxBodyBytes`, 400 for a body that is not JSON or parameters of the wrong
    /// type (named in the message).
    public static func parse(
        method: String, contentType: String?, queryItems: [(name: String, value: String)], body: [UInt8],
        maxBodyBytes: Int = 1 << 20
    ) -> Result<OperationRequest, HTTPRefusal> {
        switch method {
        case "GET": return fromQueryItems(queryItems)
        case "POST": return fromBody(contentType: contentType, body: body, maxBodyBytes: maxBodyBytes)
        default:
            return .failure(
                HTTPRefusal(
                    status: 405, message: "GraphQL is served over GET and POST, not \(method).", allow: "GET, POST"))
        }
    }

    static func fromBody(contentType: String?, body: [UInt8], maxBodyBytes: Int) -> Result<
        OperationRequest, HTTPRefusal
    > {
        guard let contentType else {
            return .failure(HTTPRefusal(status: 415, message: "A POST needs Content-Type: application/json."))
        }
        if let refusal = refusal(ofContentType: contentType) { return .failure(refusal) }
        guard body.count <= maxBodyBytes else {
            return .failure(
                HTTPRefusal(status: 413, message: "The body is \(body.count) bytes, over the limit of \(maxBodyBytes).")
            )
        }
        let json: InputValue
        do {
            json = try JSONReader.read(bytes: body, maxDepth: 64)
        } catch {
            return .failure(HTTPRefusal(status: 400, message: "The body is not JSON: \(error.description)."))
        }
        guard case .object = json else {
            return .failure(HTTPRefusal(status: 400, message: "The body must be a JSON object with a \"query\"."))
        }
        do {
            return .success(try OperationRequest(json: json, in: "body"))
        } catch {
            return .failure(HTTPRefusal(status: 400, message: "Malformed request: \(error.reason)."))
        }
    }

    /// Why a POST body of `contentType` cannot be read (415), or nil for JSON in UTF-8.
    static func refusal(ofContentType contentType: String) -> HTTPRefusal? {
        // The values nearly every client sends, accepted without parsing.
        switch contentType {
        case "application/json", "application/json; charset=utf-8", "application/json;charset=utf-8": return nil
        default: break
        }
        let parameters = contentType.split(separator: ";").map { $0.trimmingSpaces().lowercased() }
        guard parameters.first == "application/json" else {
            return HTTPRefusal(status: 415, message: "Content-Type \(contentType) is not supported; send application/json.")
        }
        if let charset = parameters.dropFirst().first(where: { $0.hasPrefix("charset=") }),
            charset != "charset=utf-8", charset != "charset=\"utf-8\""
        {
            return HTTPRefusal(status: 415, message: "Only UTF-8 is supported, not \(charset.dropFirst(8)).")
        }
        return nil
    }

    /// GET: the parameters are URL parameters; `variables` and `extensions` are JSON
    /// text, and an empty value is as good as none. `query` may be left out for
    /// `extensions.persistedQuery` (APQ over GET, which a CDN can cache).
    static func fromQueryItems(_ items: [(name: String, value: String)]) -> Result<OperationRequest, HTTPRefusal> {
        func value(_ name: String) -> String? {
            items.first { $0.name == name }.flatMap { $0.value.isEmpty ? nil : $0.value }
        }
        var request = OperationRequest(query: value("query"), operationName: value("operationName"))
        for name in ["variables", "extensions"] {
            guard let text = value(name) else { continue }
            guard case .object(let members)? = try? JSONReader.read(text, maxDepth: 64) else {
                return .failure(
                    HTTPRefusal(status: 400, message: "Malformed request: \"\(name)\" must be a JSON object."))
            }
            if name == "variables" { request.variables = members } else { request.extensions = members }
        }
        // Without a query, the hash of a persisted one names the document.
        guard request.query != nil || request.persistedQuery != nil else {
            return .failure(HTTPRefusal(status: 400, message: "Malformed request: the \"query\" parameter is missing."))
        }
        return .success(request)
    }
}
