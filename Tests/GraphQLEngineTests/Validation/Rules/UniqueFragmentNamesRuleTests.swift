import Testing

@testable import GraphQLEngine

@Suite struct UniqueFragmentNamesRuleTests {
    @Test func fragmentsOfDifferentNamesAreValid() {
        expectValid(
            UniqueFragmentNamesRule.self,
            """
            { me { ...One ...Two } }
            fragment One on User { id }
            fragment Two on User { name }
            """)
    }

    @Test func inlineFragmentsHaveNoNamesToRepeat() {
        expectValid(UniqueFragmentNamesRule.self, "{ me { ... on User { id } ... on User { name } ... { email } } }")
    }

    @Test func aFragmentMayShareAnOperationsName() {
        expectValid(
            UniqueFragmentNamesRule.self,
            """
            query Me { ...Me }
            fragment Me on Query { me { id } }
            """)
    }

    @Test func twoFragmentsOfOneNameAreAnErrorAtBothNames() {
        expectErrors(
            UniqueFragmentNamesRule.self,
            """
            { me { ...One } }
            fragment One on User { id }
            fragment One on User { name }
            """,
            [error("There can be only one fragment named \"One\".", at: (2, 10), (3, 10))])
    }

    @Test func eachRepetitionIsReportedWithTheFirst() {
        expectErrors(
            UniqueFragmentNamesRule.self,
            """
            fragment Same on User { id }
            fragment Other on Bot { id }
            fragment Same on Bot { name }
              fragment Same on Named { name }
            """,
            [
                error("There can be only one fragment named \"Same\".", at: (1, 10), (3, 10)),
                error("There can be only one fragment named \"Same\".", at: (1, 10), (4, 12)),
            ])
    }

    @Test func namesDifferingInCaseAreDifferentNames() {
        expectValid(
            UniqueFragmentNamesRule.self,
            """
            fragment userFields on User { id }
            fragment UserFields on User { id }
            """)
    }
}
