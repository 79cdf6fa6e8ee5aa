import GraphQLEngine
import Schema
import Testing

@testable import RateLimiting
@testable import TestSupport

/// The buckets and cost of real operations against a small schema with limits, costs and
/// list sizes.
@Suite struct OperationFootprintTests {
    static let sdl = """
        enum RateLimitBy { USER IP TENANT }
        directive @rateLimit(limit: Int!, window: String!, by: RateLimitBy = USER) repeatable on FIELD_DEFINITION | OBJECT
        directive @costBudget(limit: Int!, window: String!, by: RateLimitBy = USER) repeatable on SCHEMA
        directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
        directive @listSize(slicingArguments: [String!], assumedSize: Int, sizedFields: [String!]) on FIELD_DEFINITION

        schema @costBudget(limit: 1000, window: "1h") @costBudget(limit: 100, window: "1h", by: IP) {
          query: Query
          mutation: Mutation
        }
        type Query @rateLimit(limit: 500, window: "15m") @rateLimit(limit: 100, window: "15m", by: IP) {
          status: String
          me: User
          feed(first: Int, last: Int, after: String): FeedConnection
            @rateLimit(limit: 60, window: "1m")
            @listSize(slicingArguments: ["first", "last"], assumedSize: 20, sizedFields: ["edges", "nodes"])
          users(first: Int = 10): [User] @listSize(slicingArguments: ["first"])
          search: [SearchResult]
          report: Report @cost(weight: 50)
        }
        type Mutation {
          send: Int @rateLimit(limit: 5, window: "1m")
        }
        type User {
          id: ID
          name: String
          friends(first: Int): [User] @listSize(slicingArguments: ["first"], assumedSize: 5)
          avatar: Image
        }
        type Image @cost(weight: 3) { url: String }
        type FeedConnection { edges: [FeedEdge] nodes: [Item] pageInfo: PageInfo total: Int }
        type FeedEdge { cursor: String node: Item }
        type Item { id: ID secret: String @rateLimit(limit: 2, window: "1m") }
        type PageInfo { end: String }
        union SearchResult = User | Item
        type Report { rows: Int }
        """

    let schema: GraphQLEngine.Schema
    let policies: RateLimitPolicies
    let alice = RateLimitCaller(user: "alice", ip: "198.51.100.1")

    init() throws {
        schema = try SchemaLoader.build(sources: [Source(Self.sdl, name: "limits.graphql")])
        policies = try RateLimitPolicies(schema: schema)
    }

    func footprint(
        _ query: String, operationName: String? = nil, variables: [String: InputValue] = [:],
        caller: RateLimitCaller? = nil
    ) throws -> OperationFootprint {
        let document = try Validator.validate(Parser.parse(query), against: schema)
        let operation = try document.operation(named: operationName)
        let coerced = try coerceVariableValues(of: operation, in: document, inputs: variables)
        return try OperationFootprint(
            of: document, operationName: operationName, variables: coerced, policies: policies,
            caller: caller ?? alice)
    }

    /// The Redis keys of the field buckets, in order.
    func fieldKeys(_ footprint: OperationFootprint) -> [String] {
        footprint.charges.filter { $0.scope == .field }.map(\.key.description)
    }

    @Test func aRootFieldWithoutItsOwnLimitIsCountedByItsTypeAndTheBudget() throws {
        let footprint = try footprint("{ status }")
        #expect(footprint.cost == 0)
        #expect(
            footprint.charges.map(\.key.description) == ["rl:{user:alice}:Query", "rl:{user:alice}:@costBudget"])
        #expect(footprint.charges.map(\.cost) == [1, 0])
        #expect(footprint.charges.map(\.scope) == [.field, .operation])
        #expect(footprint.charges.map(\.limit) == [500, 1000])
    }

    @Test func aSignedOutCallerIsCountedPerIP() throws {
        let footprint = try footprint("{ status }", caller: RateLimitCaller(ip: "198.51.100.9"))
        #expect(
            footprint.charges.map(\.key.description) == [
                "rl:{ip:198.51.100.9}:Query", "rl:{ip:198.51.100.9}:@costBudget",
            ])
        #expect(footprint.charges.map(\.limit) == [100, 100])
    }

    @Test func objectsCostOneLeavesNothingAndATypeItsWeight() throws {
        #expect(try footprint("{ me { id name avatar { url } } }").cost == 4)
        #expect(try footprint("{ report { rows } }").cost == 50)
    }

    @Test func aFieldWithItsOwnLimitIsNotCountedByItsType() throws {
        let footprint = try footprint("{ feed(first: 1) { total } }")
        #expect(fieldKeys(footprint) == ["rl:{user:alice}:Query.feed"])
        #expect(footprint.charges.first?.limit == 60)
    }

    @Test func aConnectionCountsItsSizedFieldsOncePerItem() throws {
        let footprint = try footprint("{ feed(first: 5) { edges { node { id } } pageInfo { end } total } }")
        // feed 1 + 5 × (edge 1 + node 1) + pageInfo 1
        #expect(footprint.cost == 12)
    }

    @Test func theSizeComesFromAVariableOrElseTheAssumedSize() throws {
        let query = "query Feed($n: Int) { feed(first: $n) { nodes { id } } }"
        #expect(try footprint(query, variables: ["n": 50]).cost == 51)
        #expect(try footprint(query).cost == 21)
    }

    @Test func theLargestSlicingArgumentCounts() throws {
        #expect(try footprint("{ feed(first: 3, last: 7) { nodes { id } } }").cost == 8)
    }

    @Test func aListCountsItsWeightAndSelectionsOncePerItemAtEveryLevel() throws {
        // users defaults to first: 10.
        #expect(try footprint("{ users { id } }").cost == 10)
        // 3 × (user 1 + 2 × friend 1)
        #expect(try footprint("{ users(first: 3) { friends(first: 2) { id } } }").cost == 9)
        // friends assumes 5
        #expect(try footprint("{ me { friends { avatar { url } } } }").cost == 1 + 5 * (1 + 3))
    }

    @Test func aliasesCostEachButChargeTheBucketOnce() throws {
        let footprint = try footprint("{ a: feed(first: 1) { total } b: feed(first: 1) { total } }")
        #expect(footprint.cost == 2)
        #expect(fieldKeys(footprint) == ["rl:{user:alice}:Query.feed"])
    }

    @Test func fragmentsAreFollowedAndMergedAsExecutionMergesThem() throws {
        let footprint = try footprint(
            """
            query { ...Top ... on Query { me { id } } }
            fragment Top on Query { me { name avatar { url } } feed { total } }
            """)
        // me 1 + avatar 3 (merged once) + feed 1
        #expect(footprint.cost == 5)
        #expect(fieldKeys(footprint) == ["rl:{user:alice}:Query", "rl:{user:alice}:Query.feed"])
    }

    @Test func skippedSelectionsAreLeftOut() throws {
        let query = "query Q($skip: Boolean!) { me @skip(if: $skip) { id } feed @include(if: false) { total } status }"
        let skipped = try footprint(query, variables: ["skip": true])
        #expect(skipped.cost == 0)
        #expect(fieldKeys(skipped) == ["rl:{user:alice}:Query"])
        #expect(try footprint(query, variables: ["skip": false]).cost == 1)
    }

    @Test func limitedFieldsBelowTheRootAreChargedToo() throws {
        let footprint = try footprint("{ feed(first: 2) { nodes { secret } edges { node { secret } } } }")
        #expect(fieldKeys(footprint) == ["rl:{user:alice}:Query.feed", "rl:{user:alice}:Item.secret"])
    }

    @Test func anAbstractFieldCostsItsCostliestTypeAndChargesEveryTypesLimits() throws {
        let footprint = try footprint(
            "{ search { ... on User { avatar { url } } ... on Item { secret } } }")
        // search 1 + the costlier of User (avatar 3) and Item (0)
        #expect(footprint.cost == 4)
        #expect(fieldKeys(footprint) == ["rl:{user:alice}:Query", "rl:{user:alice}:Item.secret"])
    }

    @Test func theChosenOperationIsTheOneCounted() throws {
        let document = "query A { report { rows } } mutation B { send }"
        let mutation = try footprint(document, operationName: "B")
        #expect(mutation.cost == 0)
        #expect(fieldKeys(mutation) == ["rl:{user:alice}:Mutation.send"])
        #expect(try footprint(document, operationName: "A").cost == 50)
    }

    @Test func aHugeSizeSaturatesTheCostInsteadOfOverflowing() throws {
        let footprint = try footprint(
            "{ users(first: 2000000000) { friends(first: 2000000000) { friends(first: 2000000000) { id } } } }")
        #expect(footprint.cost == OperationFootprint.maximumCost)
        #expect(footprint.charges.last?.cost == OperationFootprint.maximumCost)
    }

    @Test func aFragmentSpreadManyTimesIsCostedOnce() throws {
        var fragments = "fragment F0 on User { id }\n"
        for level in 1...12 {
            fragments +=
                "fragment F\(level) on User { a: friends(first: 2) { ...F\(level - 1) } b: friends(first: 2) { ...F\(level - 1) } }\n"
        }
        let footprint = try footprint("{ me { ...F12 } }\n" + fragments)
        // Each level doubles twice over: 2 aliases × 2 friends.
        #expect(footprint.cost > 1_000_000)
    }

    @Test func anUnknownOperationIsTheErrorExecutionWouldGive() throws {
        let document = try Validator.validate(Parser.parse("query A { status }"), against: schema)
        #expect(throws: GraphQLError.self) {
            try OperationFootprint(
                of: document, operationName: "B", variables: [:], policies: policies, caller: alice)
        }
    }
}
