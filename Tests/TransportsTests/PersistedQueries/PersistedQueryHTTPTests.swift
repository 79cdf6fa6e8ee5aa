import GraphQLEngine
import Pipeline
import Testing
import Transports

/// Automatic persisted queries and the allow-list over GraphQL over HTTP, as Apollo's
/// clients use them: a hash first, the query with its hash when the server does not know
/// it, over POST and over GET.
@Suite struct PersistedQueryHTTPTests {
    static func service(_ configuration: GatewayConfiguration = GatewayConfiguration()) -> GraphQLOverHTTP {
        do {
            let schema = try Schema(sdl: "type Query { hello: String! } type Mutation { bump: Int! }")
            var resolvers = Resolvers()
            resolvers["Query", "hello"] = .sync { _ in .string("world") }
            resolvers["Mutation", "bump"] = .sync { _ in .int(1) }
            return GraphQLOverHTTP(
                pipeline: OperationPipeline(schema: schema, resolvers: resolvers, configuration: configuration))
        } catch {
            fatalError("\(error)")
        }
    }

    static let hello = "{ hello }"
    static let helloHash = PersistedQueryHash.sha256(hello)

    /// `extensions` with a persisted query.
    static func extensions(_ hash: String, version: Int = 1) -> String {
        #"{"persistedQuery":{"version":\#(version),"sha256Hash":"\#(hash)"}}"#
    }

    static func post(
        _ service: GraphQLOverHTTP, query: String? = nil, extensions: String? = nil,
        accept: String = "application/graphql-response+json"
    ) async -> HTTPExchange.Response {
        var members: [String] = []
        if let query { members.append(#""query":"\#(query)""#) }
        if let extensions { members.append(#""extensions":\#(extensions)"#) }
        return await service.respond(
            to: HTTPExchange.Request(
                method: "POST", accept: accept, contentType: "application/json",
                body: Array("{\(members.joined(separator: ","))}".utf8)))
    }

    static func get(
        _ service: GraphQLOverHTTP, query: String? = nil, extensions: String? = nil,
        accept: String = "application/graphql-response+json"
    ) async -> HTTPExchange.Response {
        var items: [(name: String, value: String)] = []
        if let query { items.append(("query", query)) }
        if let extensions { items.append(("extensions", extensions)) }
        return await service.respond(to: HTTPExchange.Request(method: "GET", accept: accept, queryItems: items))
    }

    let data = #"{"data":{"hello":"world"}}"#
    let notFound =
        #"{"errors":[{"message":"PersistedQueryNotFound","extensions":{"code":"PERSISTED_QUERY_NOT_FOUND"}}]}"#

    @Test func theHashIsTheSHA256OfTheQueryInLowercaseHex() {
        #expect(
            PersistedQueryHash.sha256("{__typename}")
                == "ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38")
        #expect(PersistedQueryHash.isWellFormed(Self.helloHash.uppercased()))
        #expect(!PersistedQueryHash.isWellFormed(String(Self.helloHash.dropLast())))
        #expect(!PersistedQueryHash.isWellFormed(String(Self.helloHash.dropLast()) + "g"))
    }

    @Test func anUnknownHashIsNotFoundThenTheRetryWithTheQueryRegistersIt() async {
        let service = Self.service()
        let miss = await Self.post(service, extensions: Self.extensions(Self.helloHash))
        #expect(miss.status == 404)
        #expect(miss.text == notFound)
        #expect(miss.header("Cache-Control") == "private, no-cache, must-revalidate")
        let registering = await Self.post(service, query: Self.hello, extensions: Self.extensions(Self.helloHash))
        #expect(registering.status == 200)
        #expect(registering.text == data)
        let hit = await Self.post(service, extensions: Self.extensions(Self.helloHash))
        #expect(hit.status == 200)
        #expect(hit.text == data)
        #expect(service.pipeline.persistedQueries.automaticCount == 1)
    }

    @Test func notFoundIs200UnderApplicationJSONAsApolloServerAnswers() async {
        let miss = await Self.post(
            Self.service(), extensions: Self.extensions(Self.helloHash), accept: "application/json")
        #expect(miss.status == 200)
        #expect(miss.header("Content-Type") == "application/json; charset=utf-8")
        #expect(miss.text == notFound)
    }

    @Test func overGETTheExtensionsParameterCarriesTheHash() async {
        let service = Self.service()
        #expect(await Self.get(service, extensions: Self.extensions(Self.helloHash)).text == notFound)
        let registering = await Self.get(service, query: Self.hello, extensions: Self.extensions(Self.helloHash))
        #expect(registering.text == data)
        let hit = await Self.get(service, extensions: Self.extensions(Self.helloHash))
        #expect(hit.status == 200)
        #expect(hit.text == data)
        #expect(hit.header("Cache-Control") == nil)
    }

    @Test func aQueryRegisteredOverPOSTRunsByHashOverGETAndTheReverse() async {
        let service = Self.service()
        _ = await Self.post(service, query: Self.hello, extensions: Self.extensions(Self.helloHash))
        #expect(await Self.get(service, extensions: Self.extensions(Self.helloHash)).text == data)
        let named = "query Named { hello }"
        let namedHash = PersistedQueryHash.sha256(named)
        _ = await Self.get(service, query: named, extensions: Self.extensions(namedHash))
        #expect(await Self.post(service, extensions: Self.extensions(namedHash)).text == data)
    }

    @Test func aMutationRegisteredByHashStillCannotRunOverGET() async {
        let service = Self.service()
        let bump = "mutation { bump }"
        let hash = PersistedQueryHash.sha256(bump)
        #expect(await Self.post(service, query: bump, extensions: Self.extensions(hash)).status == 200)
        let overGET = await Self.get(service, extensions: Self.extensions(hash))
        #expect(overGET.status == 405)
        #expect(overGET.header("Allow") == "POST")
    }

    @Test func aQueryThatDoesNotHashToTheHashSentIsRefusedAndNotRegistered() async {
        let service = Self.service()
        let other = PersistedQueryHash.sha256("{ other }")
        let response = await Self.post(service, query: Self.hello, extensions: Self.extensions(other))
        #expect(response.status == 400)
        #expect(
            response.text
                == #"{"errors":[{"message":"provided sha does not match query (its sha256 is \#(Self.helloHash))","extensions":{"code":"PERSISTED_QUERY_HASH_MISMATCH"}}]}"#
        )
        #expect(await Self.post(service, extensions: Self.extensions(other)).text == notFound)
        #expect(service.pipeline.persistedQueries.automaticCount == 0)
    }

    @Test func anInvalidQueryIsNotRegistered() async {
        let service = Self.service()
        let invalid = "{ nope }"
        let hash = PersistedQueryHash.sha256(invalid)
        #expect(await Self.post(service, query: invalid, extensions: Self.extensions(hash)).status == 422)
        #expect(await Self.post(service, extensions: Self.extensions(hash)).text == notFound)
    }

    @Test func aVersionOtherThan1IsNamedInTheError() async {
        let response = await Self.post(Self.service(), extensions: Self.extensions(Self.helloHash, version: 2))
        #expect(response.status == 400)
        #expect(
            response.text
                == #"{"errors":[{"message":"Persisted query version 2 is not supported; only version 1 is.","extensions":{"code":"BAD_REQUEST"}}]}"#
        )
    }

    @Test(
        "A malformed persistedQuery extension is a 400 that says what is wrong",
        arguments: [
            (#"{"persistedQuery":"abc"}"#, #"extensions.persistedQuery must be an object, not \"abc\""#),
            (#"{"persistedQuery":{"sha256Hash":"x"}}"#, "extensions.persistedQuery.version is missing"),
            (#"{"persistedQuery":{"version":"1","sha256Hash":"x"}}"#, #"version must be 1, not \"1\""#),
            (#"{"persistedQuery":{"version":1}}"#, "extensions.persistedQuery.sha256Hash must be a string"),
            (
                #"{"persistedQuery":{"version":1,"sha256Hash":"abc"}}"#,
                "sha256Hash must be 64 hexadecimal digits (a SHA-256); it has 3 characters"
            ),
        ])
    func malformedExtension(extensions: String, problem: String) async {
        let response = await Self.post(Self.service(), query: Self.hello, extensions: extensions)
        #expect(response.status == 400)
        #expect(response.text.contains(problem))
        #expect(response.text.contains(#""code":"BAD_REQUEST""#))
    }

    @Test func aRequestWithNeitherQueryNorPersistedQueryIsMalformed() async {
        let service = Self.service()
        let posted = await Self.post(service, extensions: #"{"other":1}"#)
        #expect(posted.status == 400)
        #expect(
            posted.text.contains("body.query is missing: send the document, or its hash in extensions.persistedQuery"))
        let got = await Self.get(service, extensions: #"{"persistedQuery":null}"#)
        #expect(got.status == 400)
        #expect(got.text.contains(#"the \"query\" parameter is missing"#))
    }

    @Test func withPersistedQueriesDisabledAHashIsNotSupportedAndAPlainQueryStillRuns() async {
        let service = Self.service(GatewayConfiguration(persistedQueries: .disabled))
        let refused = await Self.post(service, query: Self.hello, extensions: Self.extensions(Self.helloHash))
        #expect(refused.status == 400)
        #expect(
            refused.text
                == #"{"errors":[{"message":"PersistedQueryNotSupported","extensions":{"code":"PERSISTED_QUERY_NOT_SUPPORTED"}}]}"#
        )
        let legacy = await Self.post(
            service, extensions: Self.extensions(Self.helloHash), accept: "application/json")
        #expect(legacy.status == 200)
        #expect(legacy.text.contains("PersistedQueryNotSupported"))
        #expect(await Self.post(service, query: Self.hello).text == data)
    }

    @Test func registeredOperationsResolveByHashInAutomaticModeWithoutARoundTrip() async {
        let service = Self.service(GatewayConfiguration(registeredOperations: [Self.helloHash: Self.hello]))
        #expect(await Self.post(service, extensions: Self.extensions(Self.helloHash)).text == data)
        #expect(service.pipeline.persistedQueries.automaticCount == 0)
    }

    @Test func aQueryLongerThanTheLimitIs413EvenWithItsHash() async {
        let service = Self.service(GatewayConfiguration(maxQueryBytes: 8))
        let plain = await Self.post(service, query: "{ hello  }")
        #expect(plain.status == 413)
        #expect(
            plain.text
                == #"{"errors":[{"message":"The query is 10 bytes, over the limit of 8.","extensions":{"code":"QUERY_TOO_LARGE"}}]}"#
        )
        let long = "{ hello }"
        #expect(
            await Self.get(service, query: long, extensions: Self.extensions(PersistedQueryHash.sha256(long))).status
                == 413)
        #expect(service.pipeline.persistedQueries.automaticCount == 0)
        #expect(await Self.post(service, query: "{hello}").text == data)
    }
}

/// Allow-list mode: only operations registered ahead of time run.
@Suite struct PersistedQueryAllowListTests {
    let registered = "query Registered { hello }"
    var registeredHash: String { PersistedQueryHash.sha256(registered) }
    let data = #"{"data":{"hello":"world"}}"#

    func service() -> GraphQLOverHTTP {
        PersistedQueryHTTPTests.service(
            GatewayConfiguration(persistedQueries: .allowList, registeredOperations: [registeredHash: registered]))
    }

    @Test func aRegisteredHashRuns() async {
        let response = await PersistedQueryHTTPTests.post(
            service(), extensions: PersistedQueryHTTPTests.extensions(registeredHash))
        #expect(response.status == 200)
        #expect(response.text == data)
    }

    @Test func aRegisteredQuerySentAsTextRuns() async {
        let service = service()
        #expect(await PersistedQueryHTTPTests.post(service, query: registered).text == data)
        #expect(await PersistedQueryHTTPTests.get(service, query: registered).text == data)
        let withHash = await PersistedQueryHTTPTests.post(
            service, query: registered, extensions: PersistedQueryHTTPTests.extensions(registeredHash))
        #expect(withHash.text == data)
    }

    @Test func anUnregisteredQueryIsRefusedWith403AndItsHash() async {
        let response = await PersistedQueryHTTPTests.post(service(), query: "{ hello }", accept: "application/json")
        #expect(response.status == 403)
        #expect(
            response.text
                == #"{"errors":[{"message":"Only registered operations run on this gateway, and this one (sha256 \#(PersistedQueryHTTPTests.helloHash)) is not registered.","extensions":{"code":"PERSISTED_QUERY_NOT_ALLOWED"}}]}"#
        )
    }

    @Test func anUnknownHashIsRefusedRatherThanAskedFor() async {
        let response = await PersistedQueryHTTPTests.post(
            service(), extensions: PersistedQueryHTTPTests.extensions(PersistedQueryHTTPTests.helloHash))
        #expect(response.status == 403)
        #expect(response.text.contains("none is registered with sha256 \(PersistedQueryHTTPTests.helloHash)"))
    }

    @Test func clientsCannotRegisterQueries() async {
        let service = service()
        let hello = PersistedQueryHTTPTests.hello
        let registering = await PersistedQueryHTTPTests.post(
            service, query: hello, extensions: PersistedQueryHTTPTests.extensions(PersistedQueryHTTPTests.helloHash))
        #expect(registering.status == 403)
        let again = await PersistedQueryHTTPTests.post(
            service, extensions: PersistedQueryHTTPTests.extensions(PersistedQueryHTTPTests.helloHash))
        #expect(again.status == 403)
        #expect(service.pipeline.persistedQueries.automaticCount == 0)
    }
}
