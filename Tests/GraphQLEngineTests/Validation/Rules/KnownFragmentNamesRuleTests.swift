import Testing

@testable import GraphQLEngine

@Suite struct KnownFragmentNamesRuleTests {
    @Test func spreadsOfDefinedFragmentsAreValid() {
        expectValid(
            KnownFragmentNamesRule.self,
            """
            { me { ...UserFields ... on User { ...More } } }
            fragment UserFields on User { id ...More }
            fragment More on User { bestFriend { ...UserFields } }
            """)
    }

    @Test func aFragmentMayBeDefinedAfterItsSpread() {
        expectValid(
            KnownFragmentNamesRule.self,
            """
            { ...Late }
            fragment Late on Query { me { id } }
            """)
    }

    @Test func aSpreadOfAnUndefinedFragmentIsAnErrorAtItsName() {
        expectErrors(
            KnownFragmentNamesRule.self,
            "{ me { ...Missing } }",
            [error("Unknown fragment \"Missing\".", at: (1, 11))])
    }

    @Test func undefinedSpreadsAreFoundInFragmentsAndInlineFragments() {
        expectErrors(
            KnownFragmentNamesRule.self,
            """
            { me { ... on User { ...Nowhere @tag(label: "x") } } }
            fragment UserFields on User { bestFriend { ...Gone } }
            """,
            [
                error("Unknown fragment \"Nowhere\".", at: (1, 25)),
                error("Unknown fragment \"Gone\".", at: (2, 47)),
            ])
    }

    @Test func everySpreadOfAnUndefinedFragmentIsReported() {
        expectErrors(
            KnownFragmentNamesRule.self,
            "{ me { ...Missing } actor { ...Missing } }",
            [
                error("Unknown fragment \"Missing\".", at: (1, 11)),
                error("Unknown fragment \"Missing\".", at: (1, 32)),
            ])
    }

    @Test func fragmentNamesAreCaseSensitive() {
        expectErrors(
            KnownFragmentNamesRule.self,
            """
            { me { ...userFields } }
            fragment UserFields on User { id }
            """,
            [error("Unknown fragment \"userFields\".", at: (1, 11))])
    }
}
