import Testing

@testable import GraphQLEngine

@Suite struct UniqueArgumentNamesRuleTests {
    @Test func argumentsWithDifferentNamesAreValid() {
        expectValid(
            UniqueArgumentNamesRule.self,
            "{ arguments { multipleRequired(a: 1, b: 2) } me @cached(ttl: 1, scope: \"x\") { id } }")
    }

    @Test func theSameNameOnDifferentFieldsAndDirectivesIsValid() {
        expectValid(
            UniqueArgumentNamesRule.self,
            """
            {
              first: user(id: 1) @skip(if: false) @include(if: true) { name }
              second: user(id: 2) { name(uppercase: true) }
              arguments { int(value: 1) @tag(label: "value") string(value: "value") }
            }
            """)
    }

    @Test func aFieldArgumentGivenTwiceIsReportedAtBothNames() {
        expectErrors(
            UniqueArgumentNamesRule.self,
            "{ user(id: 1, id: 2) { name } }",
            [error("There can be only one argument named \"id\".", at: (1, 8), (1, 15))])
    }

    @Test func aDirectiveArgumentGivenTwiceIsReportedAtBothNames() {
        expectErrors(
            UniqueArgumentNamesRule.self,
            "{ me @include(if: true, if: false) { name } }",
            [error("There can be only one argument named \"if\".", at: (1, 15), (1, 25))])
    }

    @Test func aNameGivenThreeTimesIsOneErrorAtEveryName() {
        expectErrors(
            UniqueArgumentNamesRule.self,
            "{ arguments { optionalPair(a: 1, b: 2, a: 3, a: 4) } }",
            [error("There can be only one argument named \"a\".", at: (1, 28), (1, 40), (1, 46))])
    }

    @Test func duplicatesInFragmentsAndNestedFieldsAreFound() {
        expectErrors(
            UniqueArgumentNamesRule.self,
            """
            { me { ...Friends } }
            fragment Friends on User {
              friends(first: 1, after: "a", first: 2) { name(uppercase: true, uppercase: false) }
            }
            """,
            [
                error("There can be only one argument named \"first\".", at: (3, 11), (3, 33)),
                error("There can be only one argument named \"uppercase\".", at: (3, 50), (3, 67)),
            ])
    }

    @Test func unknownArgumentsMayStillBeDuplicates() {
        expectErrors(
            UniqueArgumentNamesRule.self,
            "{ nope(x: 1, x: 2) }",
            [error("There can be only one argument named \"x\".", at: (1, 8), (1, 14))])
    }
}
