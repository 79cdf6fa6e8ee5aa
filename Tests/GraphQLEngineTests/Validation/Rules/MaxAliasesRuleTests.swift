import Testing

@testable import GraphQLEngine

@Suite struct MaxAliasesRuleTests {
    let limits = ValidationOptions(limits: OperationLimits(maxDepth: 3, maxAliases: 2, maxRootFields: 2))

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

    @Test func repeatedFragmentsAreCountedWithoutBeingExpanded() {
        // Each fragment has one alias and spreads the next twice: 2^41 - 1 aliases in all.
        var document = "{ me { ...F0 } }\n"
        for level in 0..<40 {
            document += "fragment F\(level) on User { a: id bestFriend { ...F\(level + 1) ...F\(level + 1) } }\n"
        }
        document += "fragment F40 on User { a: id }\n"
        expectErrors(
            MaxAliasesRule.self, document,
            [error("Operation has 2199023255551 aliases, more than the maximum of 2.", at: (1, 1))], options: limits)
    }

    @Test func eachOperationIsCountedOnItsOwn() {
        expectErrors(
            MaxAliasesRule.self,
            """
            query One { a: me { id } b: me { id } }
            query Two { a: me { x: id y: id } }
            """,
            [error("Operation has 3 aliases, more than the maximum of 2.", at: (2, 1))], options: limits)
    }
}
