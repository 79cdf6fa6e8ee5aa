import Testing

@testable import GraphQLEngine

@Suite struct MaxRootFieldsRuleTests {
    let limits = ValidationOptions(limits: OperationLimits(maxDepth: 3, maxAliases: 2, maxRootFields: 2))

    @Test func rootFieldsAreCountedThroughFragments() {
        expectValid(MaxRootFieldsRule.self, "{ me { id } me { name } }", options: limits)
        expectErrors(
            MaxRootFieldsRule.self,
            """
            query Wide { me { id } ...Roots }
            fragment Roots on Query { actor { __typename } arguments { int } }
            """,
            [error("Operation selects 3 root fields, more than the maximum of 2.", at: (1, 1))], options: limits)
    }

    @Test func mutationsAndInlineFragmentsCountToo() {
        expectErrors(
            MaxRootFieldsRule.self,
            """
            mutation Many { markRead(id: 1) { id } ... on Mutation { a: markRead(id: 2) { id } b: markRead(id: 3) { id } } }
            """,
            [error("Operation selects 3 root fields, more than the maximum of 2.", at: (1, 1))], options: limits)
    }
}
