import Testing

@testable import GraphQLEngine

@Suite struct MaxDepthRuleTests {
    let limits = ValidationOptions(limits: OperationLimits(maxDepth: 3, maxAliases: 2, maxRootFields: 2))

    @Test func selectionsDeeperThanTheLimitAreRefused() {
        expectValid(MaxDepthRule.self, "{ me { bestFriend { name } } }", options: limits)
        expectErrors(
            MaxDepthRule.self, "query Deep { me { bestFriend { bestFriend { name } } } }",
            [error("Query depth 4 exceeds the maximum of 3.", at: (1, 1))], options: limits)
    }

    @Test func depthCountsThroughFragmentsButNotIntrospection() {
        expectErrors(
            MaxDepthRule.self,
            """
            { me { ...F } }
            fragment F on User { bestFriend { ... on User { bestFriend { id } } } }
            """,
            [error("Query depth 4 exceeds the maximum of 3.", at: (1, 1))], options: limits)
        expectValid(MaxDepthRule.self, "{ __schema { types { fields { type { name } } } } }", options: limits)
    }
}
