import Testing

@testable import GraphQLEngine

@Suite struct KnownArgumentNamesRuleTests {
    @Test func argumentsTheFieldOrDirectiveDefinesAreValid() {
        expectValid(
            KnownArgumentNamesRule.self,
            """
            {
              user(id: 1) @include(if: true) { name(uppercase: true) @cached(scope: "all", ttl: 1) }
              arguments { multipleRequired(b: 2, a: 1) }
              __type(name: "User") { fields(includeDeprecated: true) { name } }
            }
            """)
    }

    @Test func anUnknownFieldArgumentSuggestsTheArgumentsLikeIt() {
        expectErrors(
            KnownArgumentNamesRule.self,
            "{ user(ID: 1) { name } }",
            [error("Unknown argument \"ID\" on field \"Query.user\". Did you mean \"id\"?", at: (1, 8))])
    }

    @Test func anUnknownArgumentWithNothingLikeItHasNoSuggestion() {
        expectErrors(
            KnownArgumentNamesRule.self,
            "{ me { name(style: LOUD, uppercase: false) } }",
            [error("Unknown argument \"style\" on field \"User.name\".", at: (1, 13))])
    }

    @Test func everyCloseNameIsSuggested() {
        expectErrors(
            KnownArgumentNamesRule.self,
            "{ arguments { optionalPair(c: 1) } }",
            [error("Unknown argument \"c\" on field \"Arguments.optionalPair\". Did you mean \"a\" or \"b\"?", at: (1, 28))])
    }

    @Test func aFieldWithoutArgumentsTakesNone() {
        expectErrors(
            KnownArgumentNamesRule.self,
            "{ me { email(format: \"html\") } }",
            [error("Unknown argument \"format\" on field \"User.email\".", at: (1, 14))])
    }

    @Test func directiveArgumentsAreCheckedAgainstTheDirectiveNotTheField() {
        expectErrors(
            KnownArgumentNamesRule.self,
            "{ me { name(uppercase: true) @include(uppercase: true) @skip(iff: false) } }",
            [
                error("Unknown argument \"uppercase\" on directive \"@include\".", at: (1, 39)),
                error("Unknown argument \"iff\" on directive \"@skip\". Did you mean \"if\"?", at: (1, 62)),
            ])
    }

    @Test func argumentsInFragmentsAreCheckedAgainstTheirTypeCondition() {
        expectErrors(
            KnownArgumentNamesRule.self,
            """
            query Q { actor { ...BotName } }
            fragment BotName on Bot { name(uppercse: true) owner { friends(frist: 1) { id } } }
            """,
            [
                error("Unknown argument \"uppercse\" on field \"Bot.name\". Did you mean \"uppercase\"?", at: (2, 32)),
                error("Unknown argument \"frist\" on field \"User.friends\". Did you mean \"first\"?", at: (2, 64)),
            ])
    }

    @Test func argumentsOfUnknownFieldsAndDirectivesAreNotChecked() {
        expectValid(
            KnownArgumentNamesRule.self,
            "{ me { nickname(style: SHORT) name @unknown(value: 1) } }")
    }
}
