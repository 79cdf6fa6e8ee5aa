import Testing

@testable import GraphQLEngine

@Suite struct NoUnusedVariablesRuleTests {
    @Test func variablesUsedByTheOperationAreValid() {
        expectValid(
            NoUnusedVariablesRule.self,
            """
            query Q($id: ID, $skip: Boolean!, $tag: String!) {
              user(id: $id) @skip(if: $skip) { name }
              arguments { nested(value: { page: { first: 1 }, tags: [$tag] }) }
            }
            """)
    }

    @Test func usagesInFragmentsDefinedAfterTheOperationCount() {
        expectValid(
            NoUnusedVariablesRule.self,
            """
            query Q($id: ID, $upper: Boolean) { ...Outer }
            fragment Outer on Query { user(id: $id) { ...Inner } }
            fragment Inner on User { name(uppercase: $upper) }
            """)
    }

    @Test func anUnusedVariableIsReportedAtItsDefinition() {
        expectErrors(
            NoUnusedVariablesRule.self,
            "query Q($id: ID, $extra: Int) { user(id: $id) { name } }",
            [error("Variable \"$extra\" is never used in operation \"Q\".", at: (1, 18))])
    }

    @Test func anAnonymousOperationIsNotNamedInTheMessage() {
        expectErrors(
            NoUnusedVariablesRule.self,
            "query ($a: Int, $b: Int) { __typename }",
            [
                error("Variable \"$a\" is never used.", at: (1, 8)),
                error("Variable \"$b\" is never used.", at: (1, 17)),
            ])
    }

    @Test func eachOperationMustUseItsOwnVariablesThroughASharedFragment() {
        expectErrors(
            NoUnusedVariablesRule.self,
            """
            query UsesAll($id: ID) { ...ById }
            query HasExtra($id: ID, $extra: Int) { ...ById }
            fragment ById on Query { user(id: $id) { name } }
            """,
            [error("Variable \"$extra\" is never used in operation \"HasExtra\".", at: (2, 25))])
    }

    @Test func aUsageInAFragmentTheOperationDoesNotSpreadDoesNotCount() {
        expectErrors(
            NoUnusedVariablesRule.self,
            """
            query Q($id: ID) { ...Plain }
            fragment Plain on Query { me { name } }
            fragment ById on Query { user(id: $id) { name } }
            """,
            [error("Variable \"$id\" is never used in operation \"Q\".", at: (1, 9))])
    }

    @Test func aUsageInAnotherOperationDoesNotCount() {
        expectErrors(
            NoUnusedVariablesRule.self,
            """
            query A($id: ID) { me { name } }
            query B($id: ID) { user(id: $id) { name } }
            """,
            [error("Variable \"$id\" is never used in operation \"A\".", at: (1, 9))])
    }

    @Test func usagesThroughNestedFragmentsAndCyclesCount() {
        expectValid(
            NoUnusedVariablesRule.self,
            """
            subscription S($priority: Priority) { ...A }
            fragment A on Subscription { ...B }
            fragment B on Subscription { ...A notificationAdded(priority: $priority) { id } }
            """)
    }
}
