import Testing

@testable import GraphQLEngine

@Suite struct FieldsOnCorrectTypeRuleTests {
    @Test func fieldsDefinedOnTheTypeAreValid() {
        expectValid(
            FieldsOnCorrectTypeRule.self,
            """
            { me { id name(uppercase: true) friends { email } } notifications { title } }
            """)
    }

    @Test func metaFieldsAreValidWhereTheSpecPutsThem() {
        expectValid(
            FieldsOnCorrectTypeRule.self,
            """
            { __typename __schema { types { name } } __type(name: "User") { name }
              actor { __typename } me { __typename } }
            """)
    }

    @Test func aMisspelledFieldSuggestsTheFieldsSpelledLikeIt() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            "{ me { nme } }",
            [error("Cannot query field \"nme\" on type \"User\". Did you mean \"name\"?", at: (1, 8))])
    }

    @Test func anUnknownFieldWithNothingLikeItHasNoSuggestion() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            "{ me { shoeSize } }",
            [error("Cannot query field \"shoeSize\" on type \"User\".", at: (1, 8))])
    }

    @Test func aFieldOfSomePossibleTypesSuggestsInlineFragmentsOnThem() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            "{ actor { version } node(id: 1) { name } }",
            [
                error(
                    "Cannot query field \"version\" on type \"Actor\". Did you mean to use an inline fragment on \"Bot\" or \"User\"?",
                    at: (1, 11)),
                error(
                    "Cannot query field \"name\" on type \"Node\". Did you mean to use an inline fragment on \"Named\", \"Bot\", or \"User\"?",
                    at: (1, 35)),
            ])
    }

    @Test func aUnionHasNoFieldsOfItsOwnToSuggest() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            "{ search(text: \"a\") { id } }",
            [
                error(
                    "Cannot query field \"id\" on type \"SearchResult\". Did you mean to use an inline fragment on \"Node\", \"Named\", \"Notification\", or \"User\"?",
                    at: (1, 23))
            ])
    }

    @Test func introspectionFieldsBelowTheRootAreUnknown() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            "{ me { __schema { types { name } } } }",
            [error("Cannot query field \"__schema\" on type \"User\".", at: (1, 8))])
    }

    @Test func fieldsInFragmentsAreCheckedAgainstTheirTypeCondition() {
        expectErrors(
            FieldsOnCorrectTypeRule.self,
            """
            fragment F on Device { token platfrm }
            { me { ... on Bot { version } } }
            """,
            [
                error("Cannot query field \"platfrm\" on type \"Device\". Did you mean \"platform\"?", at: (1, 30)),
            ])
    }
}
