import Testing

@testable import GraphQLEngine

@Suite struct UniqueOperationNamesRuleTests {
    @Test func aLoneAnonymousOperationIsValid() {
        expectValid(UniqueOperationNamesRule.self, "{ me { id } }")
    }

    @Test func operationsOfDifferentNamesAreValid() {
        expectValid(
            UniqueOperationNamesRule.self,
            """
            query Me { me { id } }
            query MyName { me { name } }
            mutation Read { markRead(id: 1) { id } }
            """)
    }

    @Test func aFragmentMayShareAnOperationsName() {
        expectValid(
            UniqueOperationNamesRule.self,
            """
            query Me { ...Me }
            fragment Me on Query { me { id } }
            """)
    }

    @Test func namesDifferingInCaseAreDifferentNames() {
        expectValid(
            UniqueOperationNamesRule.self,
            """
            query me { me { id } }
            query Me { me { id } }
            """)
    }

    @Test func twoQueriesOfOneNameAreAnErrorAtBothNames() {
        expectErrors(
            UniqueOperationNamesRule.self,
            """
            query Me { me { id } }
            query Me { me { name } }
            """,
            [error("There can be only one operation named \"Me\".", at: (1, 7), (2, 7))])
    }

    @Test func operationsOfDifferentTypesStillShareOneNamespace() {
        expectErrors(
            UniqueOperationNamesRule.self,
            """
            query Change { me { id } }
            mutation Change { markRead(id: 1) { id } }
            subscription Change { notificationAdded { id } }
            """,
            [
                error("There can be only one operation named \"Change\".", at: (1, 7), (2, 10)),
                error("There can be only one operation named \"Change\".", at: (1, 7), (3, 14)),
            ])
    }

    @Test func anonymousOperationsHaveNoNameToRepeat() {
        expectValid(
            UniqueOperationNamesRule.self,
            """
            { me { id } }
            { me { name } }
            """)
    }
}
