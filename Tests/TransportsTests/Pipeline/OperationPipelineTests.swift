import Foundation
import GraphQLEngine
import Logging
import Pipeline
import Platform
import RateLimiting
import Schema
import Synchronization
import Testing
import Transports

/// The one pipeline behind every transport: the same operations sent over HTTP and over
/// WebSocket come to the same answers, rate-limit refusals included, and each operation's
/// variables are coerced once however many steps read them.
@Suite struct OperationPipelineTests {
    /// `Counted` counts its coercions; `limited` allows two calls a minute, and the cost
    /// budget refuses `expensive` outright.
    static let sdl = """
        scalar Counted
        type Query {
          hello(name: String = "world"): String!
          me: String
          limited: Int
          echo(value: Counted): String
          expensive: Int
        }
        type Mutation { bump(by: Int): Int! }
        type Subscription { ticks: Int! }
        """

    /// How many times `Counted` values were coerced.
    final class Coercions: Sendable {
        let count = Atomic(0)
    }

    /// A pipeline on its own limiter (a clock that stands still) and coercion counter.
    static func pipeline(coercions: Coercions = Coercions()) throws -> OperationPipeline {
        let counted = ScalarCoercion { value in
            coercions.count.add(1, ordering: .relaxed)
            return value
        }
        let schema = try Schema(sdl: sdl, scalars: ["Counted": counted])
        var table = ResolverTable<RequestContext>()
        table[.query("hello")] = .sync { info in
            guard case .string(let name)? = info.arguments["name"] else { return .null }
            return .string("Hello, \(name)!")
        }
        table[.query("me")] = .sync { info in info.context.user.map(FieldValue.string) ?? .null }
        table[.query("limited")] = .sync { _ in .int(7) }
        table[.query("echo")] = .sync { info in
            guard case .string(let value)? = info.arguments["value"] else { return .null }
            return .string(value)
        }
        table[.query("expensive")] = .sync { _ in .int(1) }
        table[.mutation("bump")] = .sync { _ in .int(1) }
        table[subscription: "ticks"] = { _ in EventStream(AsyncStream<InputValue> { $0.finish() }) }
        let minute = Duration.seconds(60)
        let policies = RateLimitPolicies(
            fieldPolicies: ["Query.limited": [RateLimitPolicy(coordinate: "Query.limited", limit: 2, window: minute, by: .user)]],
            costBudgets: [
                RateLimitPolicy(
                    coordinate: RateLimitPolicies.costBudgetCoordinate, limit: 50, window: minute, by: .user)
            ],
            fieldWeights: ["Query.expensive": 100])
        RateLimitGuard.guardFields(of: schema, in: &table, policies: policies)
        var logger = Logger(label: "switchboard.test.pipeline")
        logger.logLevel = .critical
        let instant = Date(timeIntervalSince1970: 1_800_000_000)
        let gate = RateLimitGate(policies: policies, limiter: InProcessRateLimiter(now: { instant }), logger: logger)
        return OperationPipeline(schema: schema, resolvers: try table.bind(to: schema), rateLimits: gate)
    }

    static let caller = RequestContext(user: "ada", tenant: "acme")

    /// The operations both transports are sent, in order: plain, with variables, a
    /// request error, a field over its limit on the third call, and one over the budget.
    static let operations: [(query: String, variables: String?)] = [
        ("{ hello me }", nil),
        ("query Greet($name: String) { hello(name: $name) }", #"{"name":"Grace"}"#),
        ("query Greet($name: String!) { hello(name: $name) }", #"{"name":3}"#),
        ("{ limited }", nil), ("{ limited }", nil), ("{ limited }", nil),
        ("{ expensive }", nil),
    ]

    /// The JSON object of a GraphQL response, without `extensions` (a WebSocket `error`
    /// message carries the errors only).
    static func responseObject(_ text: String) throws -> NSDictionary {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        return object.filter { $0.key != "extensions" } as NSDictionary
    }

    static func httpAnswers() async throws -> [NSDictionary] {
        let http = GraphQLOverHTTP(pipeline: try pipeline())
        var answers: [NSDictionary] = []
        for (query, variables) in operations {
            let body = #"{"query":"\#(query)","variables":\#(variables ?? "null")}"#
            let response = await http.respond(
                to: HTTPExchange.Request(
                    method: "POST", accept: "application/graphql-response+json", contentType: "application/json",
                    body: Array(body.utf8)),
                caller: caller)
            answers.append(try responseObject(response.text))
        }
        return answers
    }

    static func webSocketAnswers() async throws -> [NSDictionary] {
        let caller = self.caller
        var socket = GraphQLWebSocketConnectionTests.Socket(
            GraphQLWebSocketConnectionTests.transportWS(), service: try pipeline(),
            authenticate: { _ in .accepted(context: caller) })
        socket.send(#"{"type":"connection_init"}"#)
        _ = await socket.next()
        var answers: [NSDictionary] = []
        for (index, (query, variables)) in operations.enumerated() {
            socket.send(
                #"{"type":"subscribe","id":"\#(index)","payload":{"query":"\#(query)","variables":\#(variables ?? "null")}}"#
            )
            let message = try #require(await socket.next())
            let frame = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
            switch frame["type"] as? String {
            case "next":
                _ = await socket.next()  // complete
                let payload = try JSONSerialization.data(withJSONObject: try #require(frame["payload"]))
                answers.append(try responseObject(String(decoding: payload, as: UTF8.self)))
            case "error":
                answers.append(["errors": try #require(frame["payload"])] as NSDictionary)
            default:
                Issue.record("unexpected message \(message)")
            }
        }
        socket.inbound.yield(WebSocketInbound.closed)
        await socket.served.value
        return answers
    }

    @Test func httpAndWebSocketComeToTheSameAnswers() async throws {
        let http = try await Self.httpAnswers()
        let webSocket = try await Self.webSocketAnswers()
        #expect(http.count == Self.operations.count)
        for (index, (overHTTP, overWebSocket)) in zip(http, webSocket).enumerated() {
            #expect(overHTTP == overWebSocket, "operation \(index): \(Self.operations[index].query)")
        }
        // What the answers are: a signed-in caller, a variable, a request error, a field
        // over its limit, an operation over the budget.
        #expect(http[0] == ["data": ["hello": "Hello, world!", "me": "ada"]] as NSDictionary)
        #expect(http[1] == ["data": ["hello": "Hello, Grace!"]] as NSDictionary)
        let variableError = try #require((http[2]["errors"] as? [[String: Any]])?.first)
        #expect((variableError["extensions"] as? [String: Any])?["code"] as? String == "BAD_USER_INPUT")
        #expect(http[4] == ["data": ["limited": 7]] as NSDictionary)
        let limited = try #require((http[5]["errors"] as? [[String: Any]])?.first)
        #expect((limited["extensions"] as? [String: Any])?["code"] as? String == "RATE_LIMITED")
        #expect((http[5]["data"] as? [String: Any])?["limited"] is NSNull)
        let overBudget = try #require((http[6]["errors"] as? [[String: Any]])?.first)
        #expect((overBudget["extensions"] as? [String: Any])?["code"] as? String == "RATE_LIMITED")
        #expect(http[6]["data"] == nil)
    }

    @Test func theVariablesOfAnOperationAreCoercedOnce() async throws {
        let coercions = Coercions()
        let pipeline = try Self.pipeline(coercions: coercions)
        let request = OperationRequest(
            query: "query Echo($value: Counted) { echo(value: $value) limited }", variables: ["value": "hi"])
        let outcome = await pipeline.run(GraphQLRequest(request, caller: Self.caller, transport: .http(method: .post)))
        guard case .response(let response) = outcome.answer else {
            Issue.record("expected a response, got \(String(describing: outcome.answer))")
            return
        }
        #expect(response.text.hasPrefix(#"{"data":{"echo":"hi","limited":7}"#))
        // The rate limits and the executor both read the operation; the scalar was
        // coerced for the one request, once.
        #expect(coercions.count.load(ordering: .relaxed) == 1)
    }

    @Test func aMutationOverGETIsRefusedBeforeItsVariablesAreRead() async throws {
        let http = GraphQLOverHTTP(pipeline: try Self.pipeline())
        let response = await http.respond(
            to: HTTPExchange.Request(
                method: "GET", accept: "application/json",
                queryItems: [("query", "mutation($n: Int!) { bump(by: $n) }"), ("variables", #"{"n":"x"}"#)]),
            caller: Self.caller)
        #expect(response.status == 405)
        #expect(response.header("Allow") == "POST")
    }

    @Test func aSubscriptionOverHTTPIsRefusedWithWhereToSendIt() async throws {
        let pipeline = try Self.pipeline()
        let outcome = await pipeline.run(
            GraphQLRequest(
                OperationRequest(query: "subscription { ticks }"), caller: Self.caller, transport: .http(method: .post)))
        guard case .rejected(.notCarried(.subscription)) = outcome.answer else {
            Issue.record("expected a refusal, got \(String(describing: outcome.answer))")
            return
        }
        #expect(outcome.report.outcome == .refused)
    }
}
