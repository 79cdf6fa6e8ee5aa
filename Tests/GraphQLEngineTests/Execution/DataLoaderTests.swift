import Synchronization
import Testing

@testable import GraphQLEngine

/// The per-request batching loader: keys asked for across the items of a list, at any
/// depth, reach the batch function in one call, and each key is loaded once per request.
@Suite struct DataLoaderTests {
    static let schema: Schema = {
        do {
            return try Schema(
                sdl: """
                    type User { id: ID! name: String! bestFriend: User friends: [User!]! }
                    type Query { users: [User!]! user(id: ID!): User }
                    """)
        } catch {
            fatalError("\(error)")
        }
    }()

    /// Fifty users; user n's best friend is user (n + 1) mod 50, and everyone's friends
    /// are users 0 and 1.
    static let people: [String: InputValue] = Dictionary(
        uniqueKeysWithValues: (0..<50).map { n in
            (
                "\(n)",
                [
                    "id": .string("\(n)"), "name": .string("user \(n)"), "bestFriendId": .string("\((n + 1) % 50)"),
                    "friendIds": ["0", "1"],
                ] as InputValue
            )
        })

    /// Records every call of the batch function with its keys, sorted: within a batch,
    /// keys come in the order concurrent tasks asked for them, which varies.
    final class Calls: Sendable {
        private let log = Mutex<[[String]]>([])
        func record(_ keys: [String]) { log.withLock { $0.append(keys.sorted()) } }
        var batches: [[String]] { log.withLock { $0 } }
    }

    struct Fixture {
        let calls = Calls()
        let executor: Executor

        init(maxBatchSize: Int = 1_000, failing: Bool = false) {
            let calls = calls
            let loader = DataLoader<String, InputValue>(maxBatchSize: maxBatchSize) { keys, _ in
                calls.record(keys)
                if failing { throw GraphQLError(message: "The user store is down.", code: "UNAVAILABLE") }
                return DataLoaderTests.people.filter { keys.contains($0.key) }
            }
            var resolvers = Resolvers()
            resolvers["Query", "users"] = .sync { _ in
                .list((0..<50).compactMap { DataLoaderTests.people["\($0)"] }.map(FieldValue.init(json:)))
            }
            resolvers["Query", "user"] = .async { info in
                guard case .string(let id)? = info.arguments["id"] else { return .null }
                return try await info.load(id, with: loader).map(FieldValue.init(json:)) ?? .null
            }
            resolvers["User", "bestFriend"] = .async { info in
                guard case .object(let user)? = info.parent as? InputValue, case .string(let id)? = user["bestFriendId"]
                else { return .null }
                return try await info.load(id, with: loader).map(FieldValue.init(json:)) ?? .null
            }
            resolvers["User", "friends"] = .async { info in
                guard case .object(let user)? = info.parent as? InputValue, case .list(let ids)? = user["friendIds"]
                else {
                    return .list([])
                }
                let keys = ids.compactMap { id -> String? in if case .string(let key) = id { key } else { nil } }
                return .list(try await info.load(keys, with: loader).compactMap { $0.map(FieldValue.init(json:)) })
            }
            executor = Executor(resolvers: resolvers)
        }

        func run(_ text: String) async throws -> ExecutionResponse {
            let document = try Validator.validate(try Parser.parse(text), against: DataLoaderTests.schema)
            return await executor.execute(document)
        }
    }

    @Test func aFieldOfEveryItemOfAListIsLoadedInOneBatch() async throws {
        let fixture = Fixture()
        let response = try await fixture.run("{ users { name bestFriend { name } } }")
        #expect(response.errors.isEmpty)
        #expect(fixture.calls.batches.count == 1)
        #expect(Set(fixture.calls.batches.first ?? []) == Set((0..<50).map { "\($0)" }))
        #expect(response.text.hasPrefix(#"{"data":{"users":[{"name":"user 0","bestFriend":{"name":"user 1"}},"#))
        #expect(response.text.contains(#"{"name":"user 49","bestFriend":{"name":"user 0"}}]}}"#))
    }

    @Test func eachLevelOfNestingIsOneBatch() async throws {
        let fixture = Fixture()
        let response = try await fixture.run("{ users { bestFriend { bestFriend { bestFriend { id } } } } }")
        #expect(response.errors.isEmpty)
        // Every user is loaded at the first level; later levels find them in the
        // request's cache and send nothing.
        #expect(fixture.calls.batches.count == 1)
        #expect(response.text.contains(#"{"bestFriend":{"bestFriend":{"bestFriend":{"id":"3"}}}}"#))
    }

    @Test func keysAskedForByManyItemsAreSentOnce() async throws {
        let fixture = Fixture()
        let response = try await fixture.run("{ users { friends { name } } }")
        #expect(response.errors.isEmpty)
        #expect(fixture.calls.batches == [["0", "1"]])
        #expect(response.text.hasPrefix(#"{"data":{"users":[{"friends":[{"name":"user 0"},{"name":"user 1"}]},"#))
    }

    @Test func itemsOfListsInsideListsAreLoadedTogether() async throws {
        let fixture = Fixture()
        let response = try await fixture.run("{ users { friends { bestFriend { name } } } }")
        #expect(response.errors.isEmpty)
        // Friends (users 0 and 1) in one batch; their best friends (1 is cached, 2 is not)
        // in a second, for all fifty users' friends at once.
        #expect(fixture.calls.batches == [["0", "1"], ["2"]])
        #expect(
            response.text.contains(#"{"friends":[{"bestFriend":{"name":"user 1"}},{"bestFriend":{"name":"user 2"}}]}"#))
    }

    @Test func rootFieldsAskingAtOnceShareABatch() async throws {
        let fixture = Fixture()
        let response = try await fixture.run(
            #"{ a: user(id: "7") { name } b: user(id: "8") { name } c: user(id: "7") { id } }"#)
        #expect(response.text == #"{"data":{"a":{"name":"user 7"},"b":{"name":"user 8"},"c":{"id":"7"}}}"#)
        #expect(fixture.calls.batches == [["7", "8"]])
    }

    @Test func eachRequestLoadsAfresh() async throws {
        let fixture = Fixture()
        _ = try await fixture.run(#"{ user(id: "3") { name } }"#)
        _ = try await fixture.run(#"{ user(id: "3") { name } }"#)
        #expect(fixture.calls.batches == [["3"], ["3"]])
    }

    @Test func batchesAreSplitAtTheLoadersMaximumSize() async throws {
        let fixture = Fixture(maxBatchSize: 20)
        let response = try await fixture.run("{ users { bestFriend { id } } }")
        #expect(response.errors.isEmpty)
        #expect(fixture.calls.batches.map(\.count) == [20, 20, 10])
    }

    @Test func aKeyTheBatchDoesNotFindIsNull() async throws {
        let fixture = Fixture()
        let response = try await fixture.run(#"{ user(id: "404") { name } }"#)
        #expect(response.text == #"{"data":{"user":null}}"#)
    }

    @Test func aFailedBatchIsAnErrorAtEveryFieldThatWaitedOnIt() async throws {
        let fixture = Fixture(failing: true)
        let response = try await fixture.run(#"{ users { id bestFriend { id } } }"#)
        #expect(fixture.calls.batches.count == 1)
        #expect(response.errors.count == 50)
        #expect(response.errors.first?.path == [.key("users"), .index(0), .key("bestFriend")])
        #expect(response.errors.first?.message == "The user store is down.")
        #expect(response.errors.first?.code == "UNAVAILABLE")
        #expect(response.text.hasSuffix(#"{"id":"49","bestFriend":null}]}}"#))
    }
}
