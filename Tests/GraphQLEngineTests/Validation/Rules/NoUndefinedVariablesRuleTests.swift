import Testing

@testable import GraphQLEngine

@Suite struct NoUndefinedVariablesRuleTests {
    @Test func variablesDefinedByTheOperationAreValid() {
        expectValid(
            NoUndefinedVariablesRule.self,
            """
            query Q($id: ID, $skip: Boolean!, $first: Int!) {
              user(id: $id) @skip(if: $skip) { name }
              arguments { nested(value: { page: { first: $first }, tags: ["a"] }) }
            }
            """)
    }

    @Test func variablesOfFragmentsDefinedAfterTheOperationAreValid() {
        expectValid(
            NoUndefinedVariablesRule.self,
            """
            query Q($id: ID, $upper: Boolean) { ...Outer }
            fragment Outer on Query { user(id: $id) { ...Inner } }
            fragment Inner on User { name(uppercase: $upper) }
            """)
    }

    @Test func aVariableTheOperationDoesNotDefineIsReportedAtTheUsageAndTheOperation() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            "query Q { user(id: $id) { name } }",
            [error("Variable \"$id\" is not defined by operation \"Q\".", at: (1, 20), (1, 1))])
    }

    @Test func anAnonymousOperationIsNotNamedInTheMessage() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            "{ user(id: $id) { name } }",
            [error("Variable \"$id\" is not defined.", at: (1, 12), (1, 1))])
    }

    @Test func aVariableUndefinedInAFragmentDefinedLaterIsReportedInTheFragment() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            query Q($id: ID) { user(id: $id) { ...Names } }
            fragment Names on User { name(uppercase: $upper) }
            """,
            [error("Variable \"$upper\" is not defined by operation \"Q\".", at: (2, 42), (1, 1))])
    }

    @Test func fragmentsAreFollowedTransitively() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            fragment Inner on User { name(uppercase: $upper) }
            query Q { me { ...Outer } }
            fragment Outer on User { bestFriend { ...Inner } }
            """,
            [error("Variable \"$upper\" is not defined by operation \"Q\".", at: (1, 42), (2, 1))])
    }

    @Test func aFragmentSpreadByTwoOperationsIsCheckedAgainstEach() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            query Defines($id: ID) { ...ById }
            query Lacks { ...ById }
            fragment ById on Query { user(id: $id) { name } }
            """,
            [error("Variable \"$id\" is not defined by operation \"Lacks\".", at: (3, 35), (2, 1))])
    }

    @Test func aVariableUndefinedInEveryOperationIsReportedOncePerOperation() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            query A { first: user(id: $id) { name } second: user(id: $id) { name } ...ById }
            query B { ...ById }
            fragment ById on Query { user(id: $id) { name } }
            """,
            [
                error("Variable \"$id\" is not defined by operation \"A\".", at: (1, 27), (1, 1)),
                error("Variable \"$id\" is not defined by operation \"B\".", at: (3, 35), (2, 1)),
            ])
    }

    @Test func variablesNestedInListsObjectsAndDirectivesAreUsages() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            mutation M {
              send(target: { userIds: [$a] }, title: $b) @skip(if: $c)
              markRead(id: $a) { id }
            }
            """,
            [
                error("Variable \"$a\" is not defined by operation \"M\".", at: (2, 28), (1, 1)),
                error("Variable \"$b\" is not defined by operation \"M\".", at: (2, 42), (1, 1)),
                error("Variable \"$c\" is not defined by operation \"M\".", at: (2, 56), (1, 1)),
            ])
    }

    @Test func aVariableDefinedByAnotherOperationIsStillUndefined() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            query A($id: ID) { user(id: $id) { name } }
            query B { user(id: $id) { name } }
            """,
            [error("Variable \"$id\" is not defined by operation \"B\".", at: (2, 20), (2, 1))])
    }

    @Test func aFragmentNoOperationSpreadsIsNotChecked() {
        expectValid(
            NoUndefinedVariablesRule.self,
            """
            query Q { __typename }
            fragment Unused on Query { user(id: $id) { name } }
            """)
    }

    @Test func fragmentCyclesDoNotStopTheCheck() {
        expectErrors(
            NoUndefinedVariablesRule.self,
            """
            query Q { ...A }
            fragment A on Query { ...B }
            fragment B on Query { ...A user(id: $id) { name } }
            """,
            [error("Variable \"$id\" is not defined by operation \"Q\".", at: (3, 37), (1, 1))])
    }
}
