import Testing

@testable import GraphQLEngine

@Suite struct MaxIntrospectionDepthRuleTests {
    let options = ValidationOptions(maxIntrospectionDepth: 3)

    @Test func theUsualIntrospectionQueryIsWithinTheLimit() {
        expectValid(
            MaxIntrospectionDepthRule.self,
            """
            { __schema { types { fields { type { ofType { name } } } interfaces { name } possibleTypes { name } } } }
            """, options: options)
    }

    @Test func listsNestedThreeDeepAreRefused() {
        expectErrors(
            MaxIntrospectionDepthRule.self,
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }",
            [error("Maximum introspection depth exceeded", at: (1, 3))], options: options)
    }

    @Test func nestingThroughFragmentsCounts() {
        expectErrors(
            MaxIntrospectionDepthRule.self,
            """
            { __type(name: "User") { ...A } }
            fragment A on __Type { fields { type { ...B } } }
            fragment B on __Type { interfaces { ...C } }
            fragment C on __Type { possibleTypes { name } }
            """,
            [error("Maximum introspection depth exceeded", at: (1, 3))], options: options)
    }

    @Test func fieldsNamedLikeIntrospectionListsOutsideIntrospectionAreNotCounted() {
        expectValid(MaxIntrospectionDepthRule.self, "{ me { friends { friends { friends { name } } } } }", options: options)
    }
}
