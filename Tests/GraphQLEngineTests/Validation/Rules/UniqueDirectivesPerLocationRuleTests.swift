import Testing

@testable import GraphQLEngine

@Suite struct UniqueDirectivesPerLocationRuleTests {
    @Test func differentDirectivesOnOneNodeAreValid() {
        expectValid(
            UniqueDirectivesPerLocationRule.self,
            "{ me @skip(if: false) @include(if: true) @onField { name } }")
    }

    @Test func theSameDirectiveOnDifferentNodesIsValid() {
        expectValid(
            UniqueDirectivesPerLocationRule.self,
            """
            query Q($a: Boolean!, $b: Boolean!) {
              me @skip(if: $a) { name @skip(if: $b) }
              me @skip(if: $b) { id }
            }
            """)
    }

    @Test func aRepeatableDirectiveMayRepeat() {
        expectValid(
            UniqueDirectivesPerLocationRule.self,
            "{ me @tag(label: \"a\") @tag(label: \"b\") { ... @tag @tag { name } } }")
    }

    @Test func aRepeatedDirectiveIsReportedWithItsFirstUse() {
        expectErrors(
            UniqueDirectivesPerLocationRule.self,
            "{ me @skip(if: true) @skip(if: false) { name } }",
            [error("The directive \"@skip\" can only be used once at this location.", at: (1, 6), (1, 22))])
    }

    @Test func eachFurtherRepetitionIsReportedWithTheFirstUse() {
        expectErrors(
            UniqueDirectivesPerLocationRule.self,
            "{ me @onField @include(if: true) @onField @onField { name } }",
            [
                error("The directive \"@onField\" can only be used once at this location.", at: (1, 6), (1, 34)),
                error("The directive \"@onField\" can only be used once at this location.", at: (1, 6), (1, 43)),
            ])
    }

    @Test func repetitionsAreFoundAtEveryLocation() {
        expectErrors(
            UniqueDirectivesPerLocationRule.self,
            """
            query Q($a: Int @onVariableDefinition @onVariableDefinition) @onQuery @onQuery {
              ...F @onFragmentSpread @onFragmentSpread
              ... @onInlineFragment @onInlineFragment { __typename }
            }
            fragment F on Query @onFragmentDefinition @onFragmentDefinition { __typename }
            """,
            [
                error(
                    "The directive \"@onVariableDefinition\" can only be used once at this location.",
                    at: (1, 17), (1, 39)),
                error("The directive \"@onQuery\" can only be used once at this location.", at: (1, 62), (1, 71)),
                error(
                    "The directive \"@onFragmentSpread\" can only be used once at this location.",
                    at: (2, 8), (2, 26)),
                error(
                    "The directive \"@onInlineFragment\" can only be used once at this location.",
                    at: (3, 7), (3, 25)),
                error(
                    "The directive \"@onFragmentDefinition\" can only be used once at this location.",
                    at: (5, 21), (5, 43)),
            ])
    }

    @Test func unknownDirectivesAreLeftToKnownDirectives() {
        expectValid(
            UniqueDirectivesPerLocationRule.self,
            "{ me @unknown @unknown { name } }")
    }
}
