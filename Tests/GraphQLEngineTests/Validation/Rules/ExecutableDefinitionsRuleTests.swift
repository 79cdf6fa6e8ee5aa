import Testing

@testable import GraphQLEngine

@Suite struct ExecutableDefinitionsRuleTests {
    @Test func operationsAndFragmentsAreExecutable() {
        expectValid(
            ExecutableDefinitionsRule.self,
            """
            query Me { me { ...UserFields } }
            fragment UserFields on User { name }
            """)
    }

    @Test func typeDefinitionsAreNotExecutable() {
        expectErrors(
            ExecutableDefinitionsRule.self,
            """
            query Me { me { name } }
            type Extra { field: String }
            extend type User { nickname: String }
            """,
            [
                error("The \"Extra\" definition is not executable.", at: (2, 1)),
                error("The \"User\" definition is not executable.", at: (3, 1)),
            ])
    }

    @Test func schemaAndDirectiveDefinitionsAreNotExecutable() {
        expectErrors(
            ExecutableDefinitionsRule.self,
            """
            { me { id } }
            schema { query: Query }
            extend schema @onQuery
            directive @later on FIELD
            """,
            [
                error("The \"schema\" definition is not executable.", at: (2, 1)),
                error("The \"schema\" definition is not executable.", at: (3, 1)),
                error("The \"later\" definition is not executable.", at: (4, 1)),
            ])
    }
}
