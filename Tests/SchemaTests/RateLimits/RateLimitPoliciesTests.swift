import Foundation
import GraphQLEngine
import Testing

@testable import Schema

/// `@rateLimit`, `@costBudget`, `@cost` and `@listSize` read from SDL into policies, and
/// every malformed one reported with its coordinate.
@Suite struct RateLimitPoliciesTests {
    static let directives = """
        enum RateLimitBy { USER IP TENANT }
        directive @rateLimit(limit: Int!, window: String!, by: RateLimitBy = USER) repeatable on FIELD_DEFINITION | OBJECT
        directive @costBudget(limit: Int!, window: String!, by: RateLimitBy = USER) repeatable on SCHEMA
        directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
        directive @listSize(slicingArguments: [String!], assumedSize: Int, sizedFields: [String!]) on FIELD_DEFINITION

        """

    static func policies(_ sdl: String) throws -> RateLimitPolicies {
        let schema = try SchemaLoader.build(sources: [Source(directives + sdl, name: "test.graphql")])
        return try RateLimitPolicies(schema: schema)
    }

    /// The problems reading `sdl` reports, one line each; empty when there are none.
    static func problems(_ sdl: String) throws -> [String] {
        let schema = try SchemaLoader.build(sources: [Source(directives + sdl, name: "test.graphql")])
        do {
            _ = try RateLimitPolicies(schema: schema)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aFieldLimitIsReadWithItsWindowAndPartition() throws {
        let policies = try Self.policies(
            """
            type Query { feed: [Int] @rateLimit(limit: 60, window: "1m", by: IP) }
            """)
        #expect(
            policies.fieldPolicies["Query.feed"] == [
                RateLimitPolicy(coordinate: "Query.feed", limit: 60, window: .seconds(60), by: .ip)
            ])
    }

    @Test func aLimitWithoutByCountsUsers() throws {
        let policies = try Self.policies(#"type Query { feed: Int @rateLimit(limit: 5, window: "30s") }"#)
        #expect(policies.fieldPolicies["Query.feed"]?.first?.by == .user)
    }

    @Test func everyWindowUnitIsUnderstood() throws {
        let policies = try Self.policies(
            """
            type Query {
              a: Int @rateLimit(limit: 1, window: "45s")
              b: Int @rateLimit(limit: 1, window: "15m")
              c: Int @rateLimit(limit: 1, window: "2h")
              d: Int @rateLimit(limit: 1, window: "1d")
            }
            """)
        let windows = ["a", "b", "c", "d"].map { policies.fieldPolicies["Query." + $0]?.first?.window }
        #expect(windows == [.seconds(45), .seconds(900), .seconds(7_200), .seconds(86_400)])
    }

    @Test func aRootTypeLimitIsTheDefaultOfItsRootFieldsWithoutOne() throws {
        let policies = try Self.policies(
            """
            type Query @rateLimit(limit: 500, window: "15m") @rateLimit(limit: 100, window: "15m", by: IP) {
              status: Int
              feed: Int @rateLimit(limit: 10, window: "1m")
            }
            """)
        #expect(policies.policies(forField: "status", on: "Query").map(\.limit) == [500, 100])
        #expect(policies.policies(forField: "status", on: "Query").map(\.coordinate) == ["Query", "Query"])
        #expect(policies.policies(forField: "feed", on: "Query").map(\.limit) == [10])
    }

    @Test func theCostBudgetIsReadFromTheSchemaDefinition() throws {
        let policies = try Self.policies(
            """
            schema @costBudget(limit: 1000, window: "1h") @costBudget(limit: 50, window: "1h", by: IP) { query: Query }
            type Query { a: Int }
            """)
        #expect(
            policies.costBudgets == [
                RateLimitPolicy(coordinate: "@costBudget", limit: 1000, window: .seconds(3_600), by: .user),
                RateLimitPolicy(coordinate: "@costBudget", limit: 50, window: .seconds(3_600), by: .ip),
            ])
    }

    @Test func weightsComeFromTheFieldThenTheReturnedTypeThenItsKind() throws {
        let policies = try Self.policies(
            """
            type Query { user: User @cost(weight: 5) team: User plain: Team name: String tag: String @cost(weight: 2) }
            type User @cost(weight: 3) { id: ID }
            type Team { id: ID }
            """)
        let schema = try SchemaLoader.build(sources: [
            Source(Self.directives + "type Query { a: Int } type User { id: ID } type Team { id: ID }")
        ])
        let user = try #require(schema.type(named: "User"))
        let team = try #require(schema.type(named: "Team"))
        let string = try #require(schema.type(named: "String"))
        #expect(policies.weight(ofField: "user", on: "Query", returning: user) == 5)
        #expect(policies.weight(ofField: "team", on: "Query", returning: user) == 3)
        #expect(policies.weight(ofField: "plain", on: "Query", returning: team) == 1)
        #expect(policies.weight(ofField: "name", on: "Query", returning: string) == 0)
        #expect(policies.weight(ofField: "tag", on: "Query", returning: string) == 2)
    }

    @Test func aListSizeKeepsItsSlicingArgumentsAndSizedFields() throws {
        let policies = try Self.policies(
            """
            type Query {
              items(first: Int, last: Int): Page @listSize(slicingArguments: ["first", "last"], assumedSize: 20, sizedFields: ["nodes"])
              tags: [String] @listSize(assumedSize: 5)
            }
            type Page { nodes: [Int] total: Int }
            """)
        #expect(
            policies.listSizes["Query.items"]
                == ListSize(slicingArguments: ["first", "last"], assumedSize: 20, sizedFields: ["nodes"]))
        #expect(policies.listSizes["Query.tags"] == ListSize(slicingArguments: [], assumedSize: 5, sizedFields: []))
    }

    @Test func theShippedSchemaIsWellFormedAndMirrorsTheLegacyPolicies() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schema.graphql").path
        let policies = try RateLimitPolicies(schema: SchemaLoader.load(paths: [path]))
        let query = policies.typePolicies["Query"] ?? []
        #expect(query.map(\.limit) == [500, 100])
        #expect(query.map(\.by) == [.user, .ip])
        #expect(query.allSatisfy { $0.window == .seconds(900) })
        #expect(policies.fieldPolicies["Mutation.sendNotification"]?.map(\.limit) == [60])
        #expect(policies.fieldPolicies["Mutation.registerDevice"]?.map(\.limit) == [10])
        #expect(policies.listSizes["Query.notifications"]?.assumedSize == 20)
        #expect(policies.costBudgets.map(\.by) == [.user, .ip])
    }

    // MARK: - Malformed directives

    @Test func anUnknownWindowUnitNamesTheCoordinate() throws {
        let problems = try Self.problems(#"type Query { notifications: Int @rateLimit(limit: 1, window: "15q") }"#)
        #expect(problems == [#"Query.notifications: @rateLimit window "15q" has an unknown unit (use s, m, h or d)"#])
    }

    @Test func windowsThatAreNotAWholeNumberAndAUnitAreRefused() throws {
        let problems = try Self.problems(
            """
            type Query {
              a: Int @rateLimit(limit: 1, window: "15")
              b: Int @rateLimit(limit: 1, window: "1.5h")
              c: Int @rateLimit(limit: 1, window: "0s")
              d: Int @rateLimit(limit: 1, window: "-5m")
              e: Int @rateLimit(limit: 1, window: "400d")
            }
            """)
        #expect(
            problems == [
                #"Query.a: @rateLimit window "15" has no unit (use s, m, h or d)"#,
                #"Query.b: @rateLimit window "1.5h" is not a whole number and a unit, such as 15m"#,
                #"Query.c: @rateLimit window "0s" is empty: it must be at least 1s"#,
                #"Query.d: @rateLimit window "-5m" is not a whole number and a unit, such as 15m"#,
                #"Query.e: @rateLimit window "400d" is longer than a year"#,
            ])
    }

    @Test func aZeroOrNegativeLimitIsRefused() throws {
        let problems = try Self.problems(
            """
            type Query { a: Int @rateLimit(limit: 0, window: "1m") b: Int @rateLimit(limit: -3, window: "1m") }
            """)
        #expect(
            problems == [
                "Query.a: @rateLimit limit must be at least 1, not 0",
                "Query.b: @rateLimit limit must be at least 1, not -3",
            ])
    }

    @Test func aLimitFinerThanAMicrosecondIsRefused() throws {
        let problems = try Self.problems(#"type Query { a: Int @rateLimit(limit: 2000000, window: "1s") }"#)
        #expect(problems == [#"Query.a: @rateLimit limit 2000000 is more than one a microsecond over 1s"#])
    }

    @Test func aLimitOnATypeThatIsNotARootOperationTypeIsRefused() throws {
        let problems = try Self.problems(
            """
            type Query { user: User }
            type User @rateLimit(limit: 5, window: "1m") { id: ID }
            """)
        #expect(
            problems == [
                "User: @rateLimit on a type is only for the root operation types (Query, Mutation, Subscription); "
                    + "put it on fields of User"
            ])
    }

    @Test func twoLimitsOfOnePartitionOnOneFieldAreRefused() throws {
        let problems = try Self.problems(
            #"type Query { a: Int @rateLimit(limit: 5, window: "1m") @rateLimit(limit: 50, window: "1h", by: USER) }"#)
        #expect(problems == ["Query.a: @rateLimit by USER is given twice; give one limit per USER, IP or TENANT"])
    }

    @Test func aMalformedCostBudgetIsReportedOnTheSchema() throws {
        let problems = try Self.problems(
            """
            schema @costBudget(limit: 0, window: "1w") { query: Query }
            type Query { a: Int }
            """)
        #expect(
            problems == [
                "schema: @costBudget limit must be at least 1, not 0",
                #"schema: @costBudget window "1w" has an unknown unit (use s, m, h or d)"#,
            ])
    }

    @Test func aNegativeWeightIsRefused() throws {
        let problems = try Self.problems(
            "type Query { a: Int @cost(weight: -1) user: User } type User @cost(weight: -2) { id: ID }")
        #expect(
            problems == [
                "Query.a: @cost weight must not be negative, not -1",
                "User: @cost weight must not be negative, not -2",
            ])
    }

    @Test func aListSizeMustNameTheFieldsIntArgumentsAndTheReturnedTypesFields() throws {
        let problems = try Self.problems(
            """
            type Query {
              a(first: Int, after: String): Page @listSize(slicingArguments: ["frist", "after"], sizedFields: ["nodez"])
              b: [Int] @listSize(assumedSize: -1)
              c: [Int] @listSize
              d: Page @listSize(assumedSize: 10)
            }
            type Page { nodes: [Int] }
            """)
        #expect(
            problems == [
                #"Query.a: @listSize slicing argument "frist" is not an argument of Query.a"#,
                #"Query.a: @listSize slicing argument "after" must be an Int"#,
                #"Query.a: @listSize sized field "nodez" is not a field of Page"#,
                "Query.b: @listSize assumedSize must not be negative, not -1",
                "Query.c: @listSize needs slicingArguments or assumedSize",
                "Query.d: @listSize on a field that is not a list needs sizedFields (the lists it holds)",
            ])
    }

    @Test func limitsAndCostsOnInterfaceFieldsAreRefused() throws {
        let problems = try Self.problems(
            """
            type Query { node: Node }
            interface Node { id: ID @cost(weight: 2) }
            type User implements Node { id: ID }
            """)
        #expect(
            problems == [
                "Node.id: @cost is read on the fields of object types only; put it on the types that implement Node"
            ])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
        let problems = try Self.problems(
            """
            type Query {
              a: Int @rateLimit(limit: 0, window: "15q")
              b: Int @cost(weight: -1)
            }
            """)
        #expect(problems.count == 3)
    }
}
