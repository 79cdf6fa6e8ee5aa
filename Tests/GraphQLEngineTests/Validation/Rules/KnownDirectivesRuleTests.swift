import Testing

@testable import GraphQLEngine

@Suite struct KnownDirectivesRuleTests {
    @Test func knownDirectivesInTheirLocationsAreValid() {
        expectValid(
            KnownDirectivesRule.self,
            """
            query Q($id: ID @onVariableDefinition) @onQuery @cached(ttl: 60) {
              user(id: $id) @onField @skip(if: false) { ...Names @onFragmentSpread @include(if: true) }
              ... on Query @onInlineFragment @tag(label: "x") { me { id } }
            }
            mutation M @onMutation { markRead(id: 1) { id } }
            subscription S @onSubscription { presenceChanged(userId: 1) { status } }
            fragment Names on User @onFragmentDefinition { name }
            """)
    }

    @Test func anUnknownDirectiveIsReportedAtTheDirective() {
        expectErrors(
            KnownDirectivesRule.self,
            "{ me @unknown { name @include(if: true) @alsoUnknown(x: 1) } }",
            [
                error("Unknown directive \"@unknown\".", at: (1, 6)),
                error("Unknown directive \"@alsoUnknown\".", at: (1, 41)),
            ])
    }

    @Test func aDirectiveOnAnOperationIsCheckedAgainstTheOperationType() {
        expectErrors(
            KnownDirectivesRule.self,
            """
            query Q @onMutation { __typename }
            mutation M @onQuery @cached(ttl: 1) { __typename }
            subscription S @onQuery { __typename }
            """,
            [
                error("Directive \"@onMutation\" may not be used on QUERY.", at: (1, 9)),
                error("Directive \"@onQuery\" may not be used on MUTATION.", at: (2, 12)),
                error("Directive \"@cached\" may not be used on MUTATION.", at: (2, 21)),
                error("Directive \"@onQuery\" may not be used on SUBSCRIPTION.", at: (3, 16)),
            ])
    }

    @Test func misplacedDirectivesInSelectionsNameTheLocation() {
        expectErrors(
            KnownDirectivesRule.self,
            """
            {
              me @onQuery { ...Names @onInlineFragment }
              ... @onFragmentSpread { __typename }
            }
            fragment Names on User @onField { name }
            """,
            [
                error("Directive \"@onQuery\" may not be used on FIELD.", at: (2, 6)),
                error("Directive \"@onInlineFragment\" may not be used on FRAGMENT_SPREAD.", at: (2, 26)),
                error("Directive \"@onFragmentSpread\" may not be used on INLINE_FRAGMENT.", at: (3, 7)),
                error("Directive \"@onField\" may not be used on FRAGMENT_DEFINITION.", at: (5, 24)),
            ])
    }

    @Test func aDirectiveOnAVariableDefinitionMustAllowThatLocation() {
        expectErrors(
            KnownDirectivesRule.self,
            "query Q($a: Int @skip(if: true), $b: Int @onVariableDefinition) { __typename }",
            [error("Directive \"@skip\" may not be used on VARIABLE_DEFINITION.", at: (1, 17))])
    }

    @Test func typeSystemDirectivesMayNotBeUsedInOperations() {
        expectErrors(
            KnownDirectivesRule.self,
            "{ me { name @deprecated } }",
            [error("Directive \"@deprecated\" may not be used on FIELD.", at: (1, 13))])
    }
}
