import Gateway
import HTTPTypes
import Pipeline
import Testing

@testable import TestSupport

/// GraphQL over HTTP and the operator's routes on a real server, over real sockets.
@Suite struct LiveHTTPTests {
    @Test func aPostedQueryIsAnsweredWithDataAndARequestID() async throws {
        try await LiveServer.with { server in
            let response = try await server.post("{ realtimeStatus { status version } }")
            #expect(response.status == 200)
            #expect(response.headers[.contentType] == "application/graphql-response+json; charset=utf-8")
            #expect(response.text.hasPrefix(#"{"data":{"realtimeStatus":{"status":"OK","version":""#))
            #expect(response.headers[values: HTTPField.Name("X-Request-Id")!].count == 1)
        }
    }

    @Test func aClientsRequestIDIsKept() async throws {
        try await LiveServer.with { server in
            let response = try await server.post(
                "{ realtimeStatus { status } }", headers: [HTTPField.Name("X-Request-Id")!: "trace-42"])
            #expect(response.headers[HTTPField.Name("X-Request-Id")!] == "trace-42")
        }
    }

    @Test func aQueryInTheURLIsAnsweredOverGet() async throws {
        try await LiveServer.with { server in
            let response = try await server.request(
                .get, "/graphql?query=%7B+realtimeStatus+%7B+status+%7D+%7D", headers: [.accept: "application/json"])
            #expect(response.status == 200)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            #expect(response.text == #"{"data":{"realtimeStatus":{"status":"OK"}}}"#)
        }
    }

    @Test func aBrokenURLEscapeIsABadRequest() async throws {
        try await LiveServer.with { server in
            let response = try await server.request(.get, "/graphql?query=%7")
            #expect(response.status == 400)
            #expect(response.text.contains("not valid form encoding"))
        }
    }

    @Test func otherMethodsAreRefusedWithTheMethodsAllowed() async throws {
        try await LiveServer.with { server in
            let response = try await server.request(.put, "/graphql", body: "{}")
            #expect(response.status == 405)
            #expect(response.headers[.allow] == "GET, POST")
        }
    }

    @Test func aBodyOverTheLimitIsRefusedUnread() async throws {
        try await LiveServer.with(configuration: GatewayConfiguration(maxRequestBodyBytes: 64)) { server in
            let response = try await server.post("{ realtimeStatus { status serverTime features version } }")
            #expect(response.status == 413)
            #expect(response.text.contains("over the limit of 64 bytes"))
        }
    }

    @Test func aSyntaxErrorIsABadRequest() async throws {
        try await LiveServer.with { server in
            let response = try await server.post("{ realtimeStatus { ")
            #expect(response.status == 400)
            #expect(response.text.contains("GRAPHQL_PARSE_FAILED"))
        }
    }

    @Test func anInvalidTokenIsUnauthorizedWithTheReason() async throws {
        try await LiveServer.with { server in
            let response = try await server.post(
                "{ realtimeStatus { status } }", headers: [.authorization: "Bearer not.a.token"])
            #expect(response.status == 401)
            #expect(response.headers[.wwwAuthenticate] == #"Bearer error="invalid_token""#)
            #expect(response.text.contains(#""code":"UNAUTHENTICATED""#))
        }
    }

    @Test func adminFieldsNeedAnAdminToken() async throws {
        try await LiveServer.with { server in
            let query = "{ realtimeStatus { openConnections } }"
            let anonymous = try await server.post(query)
            #expect(anonymous.text.contains(#""openConnections":null"#))
            #expect(anonymous.text.contains("UNAUTHENTICATED"))

            let user = try await LiveServer.token(user: "alice")
            let forbidden = try await server.post(query, headers: [.authorization: "Bearer \(user)"])
            #expect(forbidden.text.contains("FORBIDDEN"))

            let admin = try await LiveServer.token(user: "root", roles: ["admin"])
            let allowed = try await server.post(query, headers: [.authorization: "Bearer \(admin)"])
            #expect(allowed.text == #"{"data":{"realtimeStatus":{"openConnections":0}}}"#)
        }
    }

    @Test func healthReadinessStatusAndMetricsAreServed() async throws {
        try await LiveServer.with { server in
            #expect(try await server.request(.get, "/health").text == #"{"status":"alive"}"#)
            #expect(try await server.request(.get, "/ready").status == 200)
            let status = try await server.request(.get, "/status")
            #expect(status.text.hasPrefix(#"{"status":"OK","serverTime":""#))
            _ = try await server.post("{ realtimeStatus { status } }")
            _ = try await server.post("{ nope }")
            let metrics = try await server.request(.get, "/metrics").text
            #expect(
                metrics.contains(
                    #"switchboard_operations_total{transport="http",operation_type="query",outcome="ok"} 1"#))
            #expect(metrics.contains(#"switchboard_errors_total{code="GRAPHQL_VALIDATION_FAILED"} 1"#))
            #expect(metrics.contains("switchboard_operation_duration_seconds_bucket"))
            #expect(metrics.contains("switchboard_websocket_connections 0"))
        }
    }
}
