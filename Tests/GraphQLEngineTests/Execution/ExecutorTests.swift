import Testing

@testable import GraphQLEngine

/// A small schema for execution: non-null and nullable fields, lists of both, an
/// interface and a union, enums, arguments and custom scalars.
private let executionSchema: Schema = {
    do {
        return try Schema(
            sdl: """
                scalar JSON
                enum Priority { LOW HIGH }
                interface Node { id: ID! }
                type User implements Node { id: ID! name: String! email: String friends: [User!] tags: [String]! }
                type Bot implements Node { id: ID! version: Int }
                union Actor = User | Bot
                type Query {
                  me: User
                  requiredMe: User!
                  actors: [Actor]
                  node(id: ID!): Node
                  priority: Priority
                  count: Int
                  ratio: Float
                  meta: JSON
                  greet(name: String = "world", times: Int = 1): String
                  slow: String
                  fails: String
                }
                type Mutation { rename(name: String!): User }
                """, scalars: ["JSON": .any])
    } catch {
        fatalError("\(error)")
    }
}()

private func run(
    _ document: String, root: InputValue = [:], variables: [String: InputValue] = [:], operationName: String? = nil,
    resolvers: Resolvers = Resolvers()
) async throws -> String {
    let valid = try Validator.validate(try Parser.parse(document), against: executionSchema)
    let response = await Executor(resolvers: resolvers).execute(
        valid, operationName: operationName, variables: variables, rootValue: root)
    return response.text
}

@Suite struct ExecutorTests {
    let user: InputValue = [
        "id": 1, "name": "Ada", "email": nil, "tags": ["a", "b"],
        "friends": [["id": 2, "name": "Grace", "tags": []]],
    ]

    @Test func defaultResolversReadTheKeysOfTheRootValue() async throws {
        let text = try await run("{ me { id name email tags friends { name } } }", root: ["me": user])
        #expect(text == #"{"data":{"me":{"id":"1","name":"Ada","email":null,"tags":["a","b"],"friends":[{"name":"Grace"}]}}}"#)
    }

    @Test func aliasesTypenameAndFragmentsShapeTheResponseInSelectionOrder() async throws {
        let text = try await run(
            """
            { who: me { __typename ...F n: name @skip(if: true) } __typename }
            fragment F on User { name id }
            """, root: ["me": user])
        #expect(text == #"{"data":{"who":{"__typename":"User","name":"Ada","id":"1"},"__typename":"Query"}}"#)
    }

    @Test func aNullNonNullFieldMakesItsNearestNullableParentNull() async throws {
        let text = try await run("{ me { id name } count }", root: ["me": ["id": 1, "name": nil], "count": 3])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field User.name.","locations":[{"line":1,"column":11}],"path":["me","name"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"me":null,"count":3}}"#
        )
    }

    @Test func nullsPropagateThroughListsAndTheirIndices() async throws {
        let root: InputValue = ["me": ["id": 1, "name": "Ada", "tags": [], "friends": [["id": 2, "name": "G"], ["id": 3]]]]
        let text = try await run("{ me { name friends { name } } }", root: root)
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field User.name.","locations":[{"line":1,"column":23}],"path":["me","friends",1,"name"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"me":{"name":"Ada","friends":null}}}"#
        )
    }

    @Test func aFailedNonNullRootFieldMakesDataNull() async throws {
        let text = try await run("{ count requiredMe { id } }", root: ["count": 1])
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Query.requiredMe.","locations":[{"line":1,"column":9}],"path":["requiredMe"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
    }

    @Test func abstractTypesResolveByTypename() async throws {
        let root: InputValue = [
            "actors": [["__typename": "User", "id": 1, "name": "Ada"], ["__typename": "Bot", "id": 2, "version": 3], nil],
            "node": ["__typename": "Bot", "id": 9, "version": 1],
        ]
        let text = try await run(
            "{ actors { __typename ... on User { name } ... on Bot { version } } node(id: 9) { id ... on Bot { version } } }",
            root: root)
        #expect(
            text
                == #"{"data":{"actors":[{"__typename":"User","name":"Ada"},{"__typename":"Bot","version":3},null],"node":{"id":"9","version":1}}}"#
        )
    }

    @Test func anAbstractValueWithoutItsTypeIsAFieldError() async throws {
        let text = try await run("{ node(id: 1) { id } count }", root: ["node": ["id": 1], "count": 2])
        #expect(text.contains(#""path":["node"]"#))
        #expect(text.contains(#""message":"Abstract type \"Node\" must resolve to an Object type at runtime"#))
        #expect(text.hasSuffix(#""data":{"node":null,"count":2}}"#))
    }

    @Test func resolversGetCoercedArgumentsAndTheirErrorsArePlaced() async throws {
        var resolvers = Resolvers()
        resolvers["Query", "greet"] = .sync { info in
            guard case .string(let name)? = info.arguments["name"], case .int(let times)? = info.arguments["times"] else {
                return .null
            }
            return .string(Array(repeating: "hi \(name)", count: times).joined(separator: ", "))
        }
        resolvers["Query", "slow"] = .async { _ in
            await Task.yield()
            return .string("done")
        }
        resolvers["Query", "fails"] = .sync { _ in throw GraphQLError(message: "Nope.", code: "FORBIDDEN") }
        let text = try await run(
            #"query ($n: String) { a: greet b: greet(name: $n, times: 2) slow fails }"#, variables: ["n": "Ada"],
            resolvers: resolvers)
        #expect(
            text
                == #"{"errors":[{"message":"Nope.","locations":[{"line":1,"column":65}],"path":["fails"],"extensions":{"code":"FORBIDDEN"}}],"data":{"a":"hi world","b":"hi Ada, hi Ada","slow":"done","fails":null}}"#
        )
    }

    @Test func leavesAreCoercedForTheResponse() async throws {
        let text = try await run(
            "{ priority count ratio meta }",
            root: ["priority": .enumValue("HIGH"), "count": 3_000_000_000, "ratio": 1, "meta": ["b": [1, true], "a": nil]])
        #expect(
            text
                == #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":12}],"path":["count"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"priority":"HIGH","count":null,"ratio":1.0,"meta":{"a":null,"b":[1,true]}}}"#
        )
    }

    @Test func failuresBeforeExecutionAreRequestErrorsWithoutData() async throws {
        let twoOperations = "query A { count } query B { ratio }"
        #expect(
            try await run(twoOperations)
                == #"{"errors":[{"message":"Must provide operation name if query contains multiple operations.","extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}"#)
        #expect(try await run(twoOperations, operationName: "C") == #"{"errors":[{"message":"Unknown operation named \"C\".","extensions":{"code":"OPERATION_RESOLUTION_FAILURE"}}]}"#)
        #expect(try await run(twoOperations, root: ["ratio": 0.5], operationName: "B") == #"{"data":{"ratio":0.5}}"#)
        let text = try await run("query ($t: Int!) { greet(times: $t) }", variables: ["t": "x"])
        #expect(
            text
                == #"{"errors":[{"message":"Variable \"$t\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    @Test func asynchronousFieldsOfAQueryRunTogether() async throws {
        // `slow` waits for `fails` to open the gate: one after the other, it would not.
        let gate = Gate()
        var resolvers = Resolvers()
        resolvers["Query", "slow"] = .async { _ in .string(await gate.waitOpened() ? "together" : "alone") }
        resolvers["Query", "fails"] = .async { _ in
            await gate.open()
            return .string("opened")
        }
        #expect(try await run("{ slow fails }", resolvers: resolvers) == #"{"data":{"slow":"together","fails":"opened"}}"#)
    }

    @Test func mutationRootFieldsRunOneAfterAnother() async throws {
        let log = Log()
        var resolvers = Resolvers()
        resolvers["Mutation", "rename"] = .async { info in
            guard case .string(let name)? = info.arguments["name"] else { return .null }
            if name == "first" { try await Task.sleep(for: .milliseconds(50)) }
            await log.append(name)
            return .object(InputValue.object(["id": 1, "name": .string(name), "tags": []]))
        }
        let text = try await run(
            #"mutation { a: rename(name: "first") { name } b: rename(name: "second") { name } }"#, resolvers: resolvers)
        #expect(text == #"{"data":{"a":{"name":"first"},"b":{"name":"second"}}}"#)
        #expect(await log.entries == ["first", "second"])
    }
}

/// Opened once; waiting gives up after a few seconds, so a failing test ends.
private actor Gate {
    private var isOpen = false

    func open() { isOpen = true }

    func waitOpened() async -> Bool {
        for _ in 0..<500 where !isOpen { try? await Task.sleep(for: .milliseconds(10)) }
        return isOpen
    }
}

private actor Log {
    private(set) var entries: [String] = []

    func append(_ entry: String) { entries.append(entry) }
}
