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

@Suite struct OperationLimitRulesTests {
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

    @Test func aliasesAreCountedAtEverySpread() {
        expectValid(MaxAliasesRule.self, "{ a: me { id } b: me { id } }", options: limits)
        expectErrors(
            MaxAliasesRule.self,
            """
            { me { ...F ...F } user { ...F } }
            fragment F on User { first: name }
            """,
            [error("Operation has 3 aliases, more than the maximum of 2.", at: (1, 1))], options: limits)
    }

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

    @Test func validationStopsAfterTheErrorLimit() throws {
        let fields = (0..<20).map { "f\($0)" }.joined(separator: " ")
        let errors = try validationErrors(
            [FieldsOnCorrectTypeRule.self], "{ me { \(fields) } }", options: ValidationOptions(maxErrors: 5))
        #expect(errors.count == 6)
        #expect(errors.last?.message == "Too many validation errors, error limit reached. Validation aborted.")
    }
}
