import Testing

@testable import GraphQLEngine

@Suite struct ScalarLeafsRuleTests {
    @Test func leavesWithoutAndCompositesWithSelectionsAreValid() {
        expectValid(
            ScalarLeafsRule.self,
            """
            {
              me { id name friends { email } presence { status lastSeen } }
              actor { __typename }
              notifications { priority metadata }
              __typename
            }
            """)
    }

    @Test func aSelectionOnAScalarIsAnErrorAtThatSelectionSet() {
        expectErrors(
            ScalarLeafsRule.self,
            "{ me { name { first } } }",
            [error("Field \"name\" must not have a selection since type \"String\" has no subfields.", at: (1, 13))])
    }

    @Test func theLeafTypeIsPrintedWithItsWrappers() {
        expectErrors(
            ScalarLeafsRule.self,
            """
            {
              me { devices { token { length } platform { name } } }
            }
            """,
            [
                error("Field \"token\" must not have a selection since type \"String!\" has no subfields.", at: (2, 24)),
                error(
                    "Field \"platform\" must not have a selection since type \"Platform\" has no subfields.", at: (2, 44)),
            ])
    }

    @Test func anObjectFieldWithoutASelectionIsAnErrorAtTheField() {
        expectErrors(
            ScalarLeafsRule.self,
            "{ boss: me }",
            [error("Field \"me\" of type \"User\" must have a selection of subfields. Did you mean \"me { ... }\"?", at: (1, 3))])
    }

    @Test func listAndNonNullCompositesNeedSelectionsToo() {
        expectErrors(
            ScalarLeafsRule.self,
            """
            {
              notifications
              me { friends }
            }
            """,
            [
                error(
                    "Field \"notifications\" of type \"[Notification!]!\" must have a selection of subfields. Did you mean \"notifications { ... }\"?",
                    at: (2, 3)),
                error(
                    "Field \"friends\" of type \"[User!]!\" must have a selection of subfields. Did you mean \"friends { ... }\"?",
                    at: (3, 8)),
            ])
    }

    @Test func interfaceAndUnionFieldsNeedSelections() {
        expectErrors(
            ScalarLeafsRule.self,
            "query Q { named actor }",
            [
                error(
                    "Field \"named\" of type \"Named\" must have a selection of subfields. Did you mean \"named { ... }\"?",
                    at: (1, 11)),
                error(
                    "Field \"actor\" of type \"Actor\" must have a selection of subfields. Did you mean \"actor { ... }\"?",
                    at: (1, 17)),
            ])
    }

    @Test func metaFieldsFollowTheSameRules() {
        expectErrors(
            ScalarLeafsRule.self,
            "{ __schema __typename { x } }",
            [
                error(
                    "Field \"__schema\" of type \"__Schema!\" must have a selection of subfields. Did you mean \"__schema { ... }\"?",
                    at: (1, 3)),
                error(
                    "Field \"__typename\" must not have a selection since type \"String!\" has no subfields.", at: (1, 23)),
            ])
    }

    @Test func fieldsInFragmentsAreChecked() {
        expectErrors(
            ScalarLeafsRule.self,
            """
            fragment F on User { bestFriend ... on User { email { x } } }
            """,
            [
                error(
                    "Field \"bestFriend\" of type \"User\" must have a selection of subfields. Did you mean \"bestFriend { ... }\"?",
                    at: (1, 22)),
                error("Field \"email\" must not have a selection since type \"String\" has no subfields.", at: (1, 53)),
            ])
    }

    @Test func unknownFieldsAreLeftToFieldsOnCorrectType() {
        expectValid(ScalarLeafsRule.self, "{ me { nothing { x } unknown } missing }")
    }
}
