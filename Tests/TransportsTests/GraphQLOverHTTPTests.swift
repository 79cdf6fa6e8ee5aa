import GraphQLEngine
import Pipeline
import Testing
import Transports

/// GraphQL over HTTP end to end through the service, without sockets: every status the
/// spec names, in both media types.
@Suite struct GraphQLOverHTTPTests {
    static let service: GraphQLOverHTTP = {
        do {
            let schema = try Schema(
                sdl: """
                    type Query { hello(name: String = "world"): String! count: Int }
                    type Mutation { bump: Int! }
                    type Subscription { ticks: Int! }
                    """)
            var resolvers = Resolvers()
            resolvers["Query", "hello"] = .sync { info in
                guard case .string(let name)? = info.arguments["name"] else { return .null }
                return .string("Hello, \(name)!")
            }
            resolvers["Mutation", "bump"] = .sync { _ in .int(1) }
            return GraphQLOverHTTP(pipeline: OperationPipeline(schema: schema, resolvers: resolvers))
        } catch {
            fatalError("\(error)")
        }
    }()

    let graphQLResponse = "application/graphql-response+json; charset=utf-8"
    let json = "application/json; charset=utf-8"

    func post(_ body: String, accept: String? = "application/graphql-response+json") async -> HTTPExchange.Response {
        await Self.service.respond(
            to: HTTPExchange.Request(
                method: "POST", accept: accept, contentType: "application/json", body: Array(body.utf8)))
    }

    func get(_ items: [(name: String, value: String)], accept: String? = nil) async -> HTTPExchange.Response {
        await Self.service.respond(to: HTTPExchange.Request(method: "GET", accept: accept, queryItems: items))
    }

    @Test func aQueryIsAnsweredWith200InTheTypeTheClientPrefers() async {
        let response = await post(#"{"query":"query($n: String) { hello(name: $n) }","variables":{"n":"Ada"}}"#)
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == graphQLResponse)
        #expect(response.text == #"{"data":{"hello":"Hello, Ada!"}}"#)
        let legacy = await post(#"{"query":"{ hello }"}"#, accept: nil)
        #expect(legacy.header("Content-Type") == json)
        #expect(legacy.text == #"{"data":{"hello":"Hello, world!"}}"#)
    }

    @Test func aQueryOverGetRunsAndAMutationOverGetIsNotAllowed() async {
        let query = await get([("query", "{ hello }")])
        #expect(query.status == 200)
        let mutation = await get([("query", "mutation { bump }")])
        #expect(mutation.status == 405)
        #expect(mutation.header("Allow") == "POST")
        #expect(
            mutation.text
                == #"{"errors":[{"message":"Mutations cannot be sent over GET; use POST.","extensions":{"code":"BAD_REQUEST"}}]}"#
        )
        #expect(await post(#"{"query":"mutation { bump }"}"#).text == #"{"data":{"bump":1}}"#)
    }

    @Test func aDocumentThatDoesNotParseIs400() async {
        let response = await post(#"{"query":"{"}"#)
        #expect(response.status == 400)
        #expect(response.text.hasPrefix(#"{"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.""#))
    }

    @Test func validationAndRequestErrorsAre422UnderTheGraphQLTypeAnd200UnderJSON() async {
        let invalid = #"{"query":"{ nope }"}"#
        #expect(await post(invalid).status == 422)
        #expect(await post(invalid, accept: "application/json").status == 200)
        let badVariable = #"{"query":"query($n: String) { hello(name: $n) }","variables":{"n":3}}"#
        let refused = await post(badVariable)
        #expect(refused.status == 422)
        #expect(refused.text.contains(#""extensions":{"code":"BAD_USER_INPUT"}"#))
        let unknownOperation = await post(#"{"query":"query A { hello }","operationName":"B"}"#)
        #expect(unknownOperation.status == 422)
        #expect(
            unknownOperation.text
                == #"{"errors":[{"message":"Unknown operation named \"B\".","extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}"#
        )
    }

    @Test func aSubscriptionOverHTTPIsPointedToTheWebSocket() async {
        let response = await post(#"{"query":"subscription { ticks }"}"#)
        #expect(response.status == 422)
        #expect(response.text.contains("Subscriptions are served over WebSocket on /graphql"))
    }

    @Test func malformedRequestsAreBadRequestsThatSayWhy() async {
        let response = await post(#"{"query":"{ hello }","variables":[7]}"#)
        #expect(response.status == 400)
        #expect(
            response.text
                == #"{"errors":[{"message":"Malformed request: body.variables must be an object or null.","extensions":{"code":"BAD_REQUEST"}}]}"#
        )
    }

    @Test func anUnacceptableAcceptIs406() async {
        let response = await post(#"{"query":"{ hello }"}"#, accept: "text/html")
        #expect(response.status == 406)
        #expect(response.header("Content-Type") == json)
    }

    @Test func anUnsupportedBodyTypeIs415() async {
        let response = await Self.service.respond(
            to: HTTPExchange.Request(method: "POST", contentType: "text/plain", body: Array("{ hello }".utf8)))
        #expect(response.status == 415)
    }

    @Test func aRepeatedDocumentIsTakenFromTheCache() async {
        let before = Self.service.pipeline.documents.statistics.hits
        _ = await post(#"{"query":"{ count }"}"#)
        _ = await post(#"{"query":"{ count }"}"#)
        #expect(Self.service.pipeline.documents.statistics.hits >= before + 1)
    }
}
