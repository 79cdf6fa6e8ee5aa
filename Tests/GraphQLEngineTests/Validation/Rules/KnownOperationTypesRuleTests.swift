import Testing

@testable import GraphQLEngine

@Suite struct KnownOperationTypesRuleTests {
    /// A schema with a query type only.
    static func queryOnly() throws -> Schema { try Schema(sdl: "type Query { hello: String }") }
    /// A schema with query and mutation types, but no subscription type.
    static func noSubscriptions() throws -> Schema {
        try Schema(sdl: "type Query { hello: String } type Mutation { goodbye: String }")
    }

    @Test func everyOperationTypeTheSchemaHasIsValid() {
        expectValid(
            KnownOperationTypesRule.self,
            """
            query Q { me { id } }
            mutation M { markRead(id: 1) { id } }
            subscription S { notificationAdded { id } }
            { me { name } }
            """)
    }

    @Test func aQueryAgainstAQueryOnlySchemaIsValid() throws {
        let schema = try Self.queryOnly()
        expectValid(KnownOperationTypesRule.self, "query HelloQuery { hello }", schema: schema)
    }

    @Test func aMutationWithoutAMutationTypeIsAnError() throws {
        let schema = try Self.queryOnly()
        expectErrors(
            KnownOperationTypesRule.self,
            """
            query HelloQuery { hello }
            mutation GoodbyeMutation { goodbye }
            """,
            [error("The mutation operation is not supported by the schema.", at: (2, 1))],
            schema: schema)
    }

    @Test func aSubscriptionWithoutASubscriptionTypeIsAnError() throws {
        let schema = try Self.noSubscriptions()
        expectErrors(
            KnownOperationTypesRule.self,
            """
            mutation Bye { goodbye }
              subscription { hello }
            """,
            [error("The subscription operation is not supported by the schema.", at: (2, 3))],
            schema: schema)
    }

    @Test func eachUnsupportedOperationIsReported() throws {
        let schema = try Self.queryOnly()
        expectErrors(
            KnownOperationTypesRule.self,
            """
            mutation A { goodbye }
            subscription B { hello }
            mutation C { goodbye }
            """,
            [
                error("The mutation operation is not supported by the schema.", at: (1, 1)),
                error("The subscription operation is not supported by the schema.", at: (2, 1)),
                error("The mutation operation is not supported by the schema.", at: (3, 1)),
            ],
            schema: schema)
    }

    @Test func fragmentsOnAMissingRootTypeAreNotThisRulesConcern() throws {
        let schema = try Self.queryOnly()
        expectValid(
            KnownOperationTypesRule.self,
            """
            { ...F }
            fragment F on Mutation { goodbye }
            """,
            schema: schema)
    }
}
