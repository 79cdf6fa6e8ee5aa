import GraphQLEngine
import Pipeline
import Testing
import Transports

/// GraphQL over HTTP (graphql/graphql-over-http): reading requests, choosing the response
/// media type and the status, without a server.
@Suite struct GraphQLHTTPTests {
    @Test(
        arguments: [
            (nil, GraphQLResponseMediaType.json),
            ("*/*", .json),
            ("application/json", .json),
            ("application/graphql-response+json", .graphQLResponseJSON),
            ("application/graphql-response+json, application/json;q=0.9", .graphQLResponseJSON),
            ("application/json, application/graphql-response+json", .graphQLResponseJSON),
            ("application/json;q=1, application/graphql-response+json;q=0.5", .json),
            ("text/html, application/*;q=0.8", .json),
            ("application/graphql-response+json;q=0, application/json", .json),
        ] as [(String?, GraphQLResponseMediaType)])
    func theResponseTypeFollowsTheAcceptHeader(accept: String?, expected: GraphQLResponseMediaType) {
        #expect(GraphQLResponseMediaType.negotiate(accept: accept) == expected)
    }

    @Test(arguments: ["text/html", "application/xml, text/plain;q=0.5", "application/json;q=0"])
    func nothingAcceptableIsNotAcceptable(accept: String) {
        #expect(GraphQLResponseMediaType.negotiate(accept: accept) == nil)
    }

    func post(_ body: String, contentType: String? = "application/json", maxBodyBytes: Int = 1 << 20) -> Result<
        OperationRequest, HTTPRefusal
    > {
        GraphQLHTTPRequest.parse(
            method: "POST", contentType: contentType, queryItems: [], body: Array(body.utf8), maxBodyBytes: maxBodyBytes
        )
    }

    @Test func aPostBodyGivesEveryParameter() {
        let parsed = post(
            #"{"query":"query Q($a: Int) { f(a: $a) }","operationName":"Q","variables":{"a":1},"extensions":{"persistedQuery":{"version":1}},"other":true}"#,
            contentType: "application/json; charset=utf-8")
        #expect(
            parsed
                == .success(
                    OperationRequest(
                        query: "query Q($a: Int) { f(a: $a) }", operationName: "Q", variables: ["a": 1],
                        extensions: ["persistedQuery": ["version": 1]])))
    }

    @Test func nullOptionalParametersAreAbsent() {
        #expect(
            post(#"{"query":"{ a }","operationName":null,"variables":null,"extensions":null}"#)
                == .success(OperationRequest(query: "{ a }")))
    }

    @Test(arguments: [
        ("NONSENSE", "The body is not JSON: Unexpected character 'N' at byte 0."),
        (#"{"query":"#, "The body is not JSON: Unexpected end of JSON at byte 9."),
        ("[1]", #"The body must be a JSON object with a "query"."#),
        (
            #"{"qeury":"{ a }"}"#,
            "Malformed request: body.query is missing: send the document, or its hash in extensions.persistedQuery."
        ),
        (#"{"query":1}"#, "Malformed request: body.query must be a string."),
        (#"{"query":"{ a }","variables":[7]}"#, "Malformed request: body.variables must be an object or null."),
        (#"{"query":"{ a }","operationName":7}"#, "Malformed request: body.operationName must be a string or null."),
        (#"{"query":"{ a }","extensions":"x"}"#, "Malformed request: body.extensions must be an object or null."),
    ])
    func aMalformedBodyIsABadRequestThatSaysWhy(body: String, message: String) {
        #expect(post(body) == .failure(HTTPRefusal(status: 400, message: message)))
    }

    @Test func onlyJSONInUTF8IsTaken() {
        #expect(
            post("{}", contentType: nil)
                == .failure(HTTPRefusal(status: 415, message: "A POST needs Content-Type: application/json.")))
        #expect(
            post("query=x", contentType: "application/x-www-form-urlencoded")
                == .failure(
                    HTTPRefusal(
                        status: 415,
                        message:
                            "Content-Type application/x-www-form-urlencoded is not supported; send application/json.")))
        #expect(
            post("{}", contentType: "application/json; charset=latin1")
                == .failure(HTTPRefusal(status: 415, message: "Only UTF-8 is supported, not latin1.")))
    }

    @Test(arguments: [
        "application/json", "application/json; charset=utf-8", "application/json;charset=utf-8",
        "Application/JSON; Charset=UTF-8", "application/json ; charset=\"utf-8\"", "application/json; boundary=x",
    ])
    func jsonInUTF8IsTakenHoweverItsContentTypeIsSpelt(contentType: String) {
        #expect((try? post(#"{"query":"{ a }"}"#, contentType: contentType).get()) != nil)
    }

    @Test func aBodyOverTheLimitIsTooLarge() {
        #expect(
            post(#"{"query":"{ a }"}"#, maxBodyBytes: 8)
                == .failure(HTTPRefusal(status: 413, message: "The body is 17 bytes, over the limit of 8.")))
    }

    @Test func aGetCarriesItsParametersInTheURL() {
        let parsed = GraphQLHTTPRequest.parse(
            method: "GET", contentType: nil,
            queryItems: [
                ("query", "query Q { a }"), ("operationName", "Q"), ("variables", #"{"x":true}"#), ("extensions", ""),
            ],
            body: [])
        #expect(
            parsed == .success(OperationRequest(query: "query Q { a }", operationName: "Q", variables: ["x": true])))
    }

    @Test func aGetWithoutQueryOrWithVariablesThatAreNotAnObjectIsABadRequest() {
        #expect(
            GraphQLHTTPRequest.parse(method: "GET", contentType: nil, queryItems: [], body: [])
                == .failure(HTTPRefusal(status: 400, message: #"Malformed request: the "query" parameter is missing."#))
        )
        #expect(
            GraphQLHTTPRequest.parse(
                method: "GET", contentType: nil, queryItems: [("query", "{ a }"), ("variables", "[1]")], body: [])
                == .failure(
                    HTTPRefusal(status: 400, message: #"Malformed request: "variables" must be a JSON object."#)))
    }

    @Test func otherMethodsAreNotAllowed() {
        #expect(
            GraphQLHTTPRequest.parse(method: "PUT", contentType: nil, queryItems: [], body: [])
                == .failure(
                    HTTPRefusal(
                        status: 405, message: "GraphQL is served over GET and POST, not PUT.", allow: "GET, POST")))
    }

    @Test func statusesFollowTheOutcomeAndTheMediaType() {
        let table: [(GraphQLHTTPStatus.Outcome, GraphQLResponseMediaType, Int)] = [
            (.syntaxError, .graphQLResponseJSON, 400), (.syntaxError, .json, 400),
            (.validationFailed, .graphQLResponseJSON, 422), (.validationFailed, .json, 200),
            (.requestError, .graphQLResponseJSON, 422), (.requestError, .json, 200),
            (.executed, .graphQLResponseJSON, 200), (.executed, .json, 200),
        ]
        for (outcome, mediaType, status) in table {
            #expect(GraphQLHTTPStatus.status(for: outcome, as: mediaType) == status, "\(outcome) as \(mediaType)")
        }
        #expect(
            GraphQLHTTPStatus.outcome(of: ExecutionResponse(data: nil, errors: [GraphQLError(message: "x")]))
                == .requestError)
        #expect(GraphQLHTTPStatus.outcome(of: ExecutionResponse(data: Array("null".utf8), errors: [])) == .executed)
        #expect(GraphQLHTTPStatus.mutationOverGET.status == 405)
        #expect(GraphQLHTTPStatus.mutationOverGET.allow == "POST")
    }
}
