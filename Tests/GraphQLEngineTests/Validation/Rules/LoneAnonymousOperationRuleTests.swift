import Testing

@testable import GraphQLEngine

@Suite struct LoneAnonymousOperationRuleTests {
    @Test func aLoneAnonymousOperationIsValid() {
        expectValid(LoneAnonymousOperationRule.self, "{ me { id } }")
    }

    @Test func fragmentsBesideALoneAnonymousOperationAreValid() {
        expectValid(
            LoneAnonymousOperationRule.self,
            """
            { ...Root }
            fragment Root on Query { me { ...UserFields } }
            fragment UserFields on User { id }
            """)
    }

    @Test func namedOperationsNeedNotBeAlone() {
        expectValid(
            LoneAnonymousOperationRule.self,
            """
            query A { me { id } }
            query B { me { name } }
            """)
    }

    @Test func anAnonymousOperationBesideANamedOneIsAnError() {
        expectErrors(
            LoneAnonymousOperationRule.self,
            """
            { me { id } }
            query Named { me { name } }
            """,
            [error("This anonymous operation must be the only defined operation.", at: (1, 1))])
    }

    @Test func everyAnonymousOperationAmongOthersIsReported() {
        expectErrors(
            LoneAnonymousOperationRule.self,
            """
            { me { id } }
            query Named { me { name } }
              { me { email } }
            """,
            [
                error("This anonymous operation must be the only defined operation.", at: (1, 1)),
                error("This anonymous operation must be the only defined operation.", at: (3, 3)),
            ])
    }

    @Test func anAnonymousMutationCountsToo() {
        expectErrors(
            LoneAnonymousOperationRule.self,
            """
            query Q { me { id } }
            mutation { markRead(id: 1) { id } }
            """,
            [error("This anonymous operation must be the only defined operation.", at: (2, 1))])
    }
}
