import Testing

@testable import GraphQLEngine

@Suite struct FragmentsOnCompositeTypesRuleTests {
    @Test func fragmentsOnObjectsInterfacesAndUnionsAreValid() {
        expectValid(
            FragmentsOnCompositeTypesRule.self,
            """
            fragment OnObject on User { id }
            fragment OnInterface on Named { name }
            fragment OnUnion on Actor { ... on Bot { id } ... on Named { name } }
            """)
    }

    @Test func anInlineFragmentWithoutATypeConditionIsValid() {
        expectValid(FragmentsOnCompositeTypesRule.self, "{ me { ... { id } ... @tag(label: \"a\") { name } } }")
    }

    @Test func aFragmentOnAScalarIsAnErrorAtItsTypeCondition() {
        expectErrors(
            FragmentsOnCompositeTypesRule.self,
            "fragment Leaf on String { length }",
            [error("Fragment \"Leaf\" cannot condition on non composite type \"String\".", at: (1, 18))])
    }

    @Test func fragmentsOnEnumsAndInputObjectsAreErrors() {
        expectErrors(
            FragmentsOnCompositeTypesRule.self,
            """
            fragment Level on Priority { value }
            fragment Paging on Page { first }
            """,
            [
                error("Fragment \"Level\" cannot condition on non composite type \"Priority\".", at: (1, 19)),
                error("Fragment \"Paging\" cannot condition on non composite type \"Page\".", at: (2, 20)),
            ])
    }

    @Test func anInlineFragmentOnAScalarIsAnErrorAtItsTypeCondition() {
        expectErrors(
            FragmentsOnCompositeTypesRule.self,
            """
            {
              me { ... on Boolean { yes } }
              notifications { metadata { ... on JSON { raw } } }
            }
            """,
            [
                error("Fragment cannot condition on non composite type \"Boolean\".", at: (2, 15)),
                error("Fragment cannot condition on non composite type \"JSON\".", at: (3, 37)),
            ])
    }

    @Test func unknownTypesAreLeftToKnownTypeNames() {
        expectValid(
            FragmentsOnCompositeTypesRule.self,
            """
            fragment Lost on Nowhere { id }
            { me { ... on Missing { id } } }
            """)
    }

    @Test func inlineFragmentsInsideAFragmentDefinitionAreCheckedToo() {
        expectErrors(
            FragmentsOnCompositeTypesRule.self,
            "fragment Wrong on Int { ... on Float { x } }",
            [
                error("Fragment \"Wrong\" cannot condition on non composite type \"Int\".", at: (1, 19)),
                error("Fragment cannot condition on non composite type \"Float\".", at: (1, 32)),
            ])
    }
}
