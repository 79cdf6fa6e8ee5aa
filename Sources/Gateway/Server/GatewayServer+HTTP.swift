import Auth
import Foundation
import GraphQLEngine
import HTTPTypes
import Hummingbird
import Logging
import Pipeline
import Platform
import Transports

/// The HTTP side: `/graphql` handed to GraphQL over HTTP with the caller's credentials
/// checked first, and the operator's routes.
extension GatewayServer {
    func router() -> Router<GatewayRequestContext> {
        let router = Router(context: GatewayRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        for method in [HTTPRequest.Method.get, .post, .put, .patch, .delete] {
            // Every method reaches the service, which answers those it does not serve
            // with 405 and `Allow`, as GraphQL over HTTP asks.
            router.on("/graphql", method: method) { request, context in
                await graphQL(request, context: context)
            }
        }
        router.get("/health") { _, _ in
            Self.json(.ok, #"{"status":"alive"}"#)
        }
        router.get("/ready") { _, _ in
            if registry.isDraining { return Self.json(.serviceUnavailable, #"{"status":"shutting down"}"#) }
            let failing = await ReadinessCheck.failing(readiness, timeout: .seconds(2))
            registry.recordReadiness(failing: failing)
            guard failing.isEmpty else {
                var json = JSONWriter(capacity: 64)
                json.raw(#"{"status":"unavailable","failing":["#)
                for (index, name) in failing.enumerated() {
                    if index > 0 { json.raw(",") }
                    json.string(name)
                }
                json.raw("]}")
                return Self.json(.serviceUnavailable, json.text)
            }
            return Self.json(.ok, #"{"status":"ready"}"#)
        }
        router.get("/metrics") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.exposition())))
        }
        router.get("/status") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(bytes: status())))
        }
        return router
    }

    /// One GraphQL request over HTTP: credentials, body (within its limit), then GraphQL
    /// over HTTP on the pipeline (which counts it), and one log line.
    func graphQL(_ request: Request, context: GatewayRequestContext) async -> Response {
        let receivedAt = ContinuousClock.now
        let accept = request.headers.combined(.accept) ?? ""
        let clientAddress = ClientAddress.resolve(
            peer: context.remoteAddress?.ipAddress, forwardedFor: request.headers[values: .xForwardedFor],
            trustedProxyHops: settings.trustedProxyHops)
        let answer = await exchange(
            request, accept: accept.isEmpty ? nil : accept, clientAddress: clientAddress, receivedAt: receivedAt)
        let report = answer.report
        context.logger.info(
            "graphql",
            metadata: [
                "method": "\(request.method)", "status": "\(answer.status)",
                "operation.type": "\(report.operationType?.rawValue ?? "unknown")",
                "outcome": "\(report.outcome.rawValue)",
            ])
        var headers = HTTPFields()
        for (name, value) in answer.headers {
            guard let field = HTTPField.Name(name) else { continue }
            headers.append(HTTPField(name: field, value: value))
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: headers,
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }

    private func exchange(
        _ request: Request, accept: String?, clientAddress: String?, receivedAt: ContinuousClock.Instant
    ) async -> HTTPExchange.Response {
        func refused(_ answer: HTTPExchange.Response) -> HTTPExchange.Response {
            http.counted(answer, method: request.method.rawValue, since: receivedAt)
        }
        var caller: Caller
        switch await verifier.context(authorizationHeader: request.headers.combined(.authorization), now: Date()) {
        case .success(let context):
            caller = context
            caller.clientAddress = clientAddress
        case .failure(let failure): return refused(Self.unauthorized(failure, accept: accept))
        }
        // Only a GET carries its parameters in the URL (a POST's are its body).
        let query: [(name: String, value: String)]
        if request.method == .get {
            guard let decoded = FormURLEncoding.decode(request.uri.query.map { Substring($0) } ?? "") else {
                return refused(
                    GraphQLOverHTTP.refuse(
                        HTTPRefusal(status: 400, message: "The URL's query is not valid form encoding."), accept: accept
                    ))
            }
            query = decoded
        } else {
            query = []
        }
        let limit = pipeline.configuration.maxRequestBodyBytes
        var request = request
        let body: ByteBuffer
        do {
            // One byte over the limit is read, so the service sees the body is too large
            // and says so; nothing beyond it is.
            body = try await request.collectBody(upTo: limit + 1)
        } catch {
            return refused(
                GraphQLOverHTTP.refuse(
                    HTTPRefusal(status: 413, message: "The body is over the limit of \(limit) bytes."), accept: accept))
        }
        return await http.respond(
            to: HTTPExchange.Request(
                method: request.method.rawValue, accept: accept, contentType: request.headers.combined(.contentType),
                queryItems: query, body: Array(body.readableBytesView)),
            caller: caller, receivedAt: receivedAt)
    }

    /// 401 for credentials that were sent and are not good: the client learns why, and
    /// `WWW-Authenticate` names the scheme (RFC 6750).
    static func unauthorized(_ failure: AuthFailure, accept: String?) -> HTTPExchange.Response {
        var answer = GraphQLOverHTTP.refuse(
            HTTPRefusal(status: 401, message: failure.reason), accept: accept, code: "UNAUTHENTICATED")
        answer.headers.append(("WWW-Authenticate", #"Bearer error="invalid_token""#))
        return answer
    }

    static func json(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Gives each request an id: the client's `X-Request-Id` when it sent a sensible one,
/// else Hummingbird's own. It goes on every log line of the request and back to the
/// client, so a complaint can be matched with the logs.
struct RequestIDMiddleware: RouterMiddleware {
    typealias Context = GatewayRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        let id: String
        if let sent = request.headers[.requestID], (1...128).contains(sent.utf8.count),
            sent.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        {
            id = sent
            // Only when it changes: a log handler may redo its metadata on every set.
            context.logger[metadataKey: "hb.request.id"] = "\(id)"
        } else {
            id = context.id
        }
        var response = try await next(request, context)
        response.headers[.requestID] = id
        return response
    }
}

extension HTTPField.Name {
    // A constant that is a valid field name: the unwrap cannot fail.
    static let requestID = HTTPField.Name("X-Request-Id")!
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}
