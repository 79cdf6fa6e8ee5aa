import Testing

@testable import GraphQLEngine

@Suite struct UniqueVariableNamesRuleTests {
    @Test func variablesWithDifferentNamesAreValid() {
        expectValid(
            UniqueVariableNamesRule.self,
            "query Q($a: Int, $b: Int) { arguments { optionalPair(a: $a, b: $b) } }")
    }

    @Test func eachOperationMayDefineTheSameName() {
        expectValid(
            UniqueVariableNamesRule.self,
            """
            query A($id: ID) { ...ById }
            query B($id: ID) { ...ById }
            fragment ById on Query { user(id: $id) { name } }
            """)
    }

    @Test func aNameDefinedTwiceIsAnErrorAtBothDefinitions() {
        expectErrors(
            UniqueVariableNamesRule.self,
            "query Q($id: ID, $id: ID) { user(id: $id) { name } }",
            [error("There can be only one variable named \"$id\".", at: (1, 10), (1, 19))])
    }

    @Test func theTypesNeedNotDifferForADuplicate() {
        expectErrors(
            UniqueVariableNamesRule.self,
            "query Q($x: Int, $x: String!) { __typename }",
            [error("There can be only one variable named \"$x\".", at: (1, 10), (1, 19))])
    }

    @Test func aNameDefinedThreeTimesIsOneErrorAtEveryDefinition() {
        expectErrors(
            UniqueVariableNamesRule.self,
            """
            query Q(
              $x: Int
              $x: Int
              $x: Int
            ) { __typename }
            """,
            [error("There can be only one variable named \"$x\".", at: (2, 4), (3, 4), (4, 4))])
    }

    @Test func eachRepeatedNameIsReportedInTheOrderItFirstAppears() {
        expectErrors(
            UniqueVariableNamesRule.self,
            "query Q($b: Int, $a: Int, $a: Int, $b: Int) { __typename }",
            [
                error("There can be only one variable named \"$b\".", at: (1, 10), (1, 37)),
                error("There can be only one variable named \"$a\".", at: (1, 19), (1, 28)),
            ])
    }

    @Test func duplicatesAreFoundInEveryOperation() {
        expectErrors(
            UniqueVariableNamesRule.self,
            """
            query A($x: Int, $x: Int) { __typename }
            mutation B($y: ID!, $y: ID!) { markRead(id: $y) { id } }
            """,
            [
                error("There can be only one variable named \"$x\".", at: (1, 10), (1, 19)),
                error("There can be only one variable named \"$y\".", at: (2, 13), (2, 22)),
            ])
    }
}
