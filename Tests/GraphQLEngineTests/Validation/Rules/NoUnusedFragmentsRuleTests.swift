import Testing

@testable import GraphQLEngine

@Suite struct NoUnusedFragmentsRuleTests {
    @Test func fragmentsSpreadDirectlyOrThroughOthersAreUsed() {
        expectValid(
            NoUnusedFragmentsRule.self,
            """
            fragment Deep on User { id }
            query A { me { ...Direct } }
            fragment Direct on User { bestFriend { ... on User { ...Middle } } }
            fragment Middle on User { ...Deep }
            """)
    }

    @Test func aFragmentUsedByAnyOperationIsUsed() {
        expectValid(
            NoUnusedFragmentsRule.self,
            """
            query A { me { id } }
            query B { me { ...Second } }
            fragment Second on User { name }
            """)
    }

    @Test func anUnusedFragmentIsAnErrorAtItsDefinition() {
        expectErrors(
            NoUnusedFragmentsRule.self,
            """
            { me { id } }
              fragment Spare on User { name }
            """,
            [error("Fragment \"Spare\" is never used.", at: (2, 3))])
    }

    @Test func fragmentsSpreadOnlyByUnusedFragmentsAreUnusedInDocumentOrder() {
        expectErrors(
            NoUnusedFragmentsRule.self,
            """
            fragment Leaf on User { id }
            { me { ...Used } }
            fragment Used on User { name }
            fragment Unused on User { ...Leaf ...Used }
            """,
            [
                error("Fragment \"Leaf\" is never used.", at: (1, 1)),
                error("Fragment \"Unused\" is never used.", at: (4, 1)),
            ])
    }

    @Test func fragmentsSpreadingEachOtherAreUnusedWithoutAnOperation() {
        expectErrors(
            NoUnusedFragmentsRule.self,
            """
            fragment Ping on User { bestFriend { ...Pong } }
            fragment Pong on User { bestFriend { ...Ping } }
            """,
            [
                error("Fragment \"Ping\" is never used.", at: (1, 1)),
                error("Fragment \"Pong\" is never used.", at: (2, 1)),
            ])
    }

    @Test func spreadsOfUndefinedFragmentsAreIgnored() {
        expectErrors(
            NoUnusedFragmentsRule.self,
            """
            { me { ...Missing ...Used } }
            fragment Used on User { ...AlsoMissing }
            fragment Unused on User { ...Missing }
            """,
            [error("Fragment \"Unused\" is never used.", at: (3, 1))])
    }
}
