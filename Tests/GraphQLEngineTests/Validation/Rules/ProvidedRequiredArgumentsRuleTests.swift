import Testing

@testable import GraphQLEngine

@Suite struct ProvidedRequiredArgumentsRuleTests {
    @Test func givenRequiredArgumentsAreValid() {
        expectValid(
            ProvidedRequiredArgumentsRule.self,
            """
            { node(id: 1) { id } arguments { nonNullInt(value: 1) multipleRequired(b: 2, a: 1) } me @skip(if: false) { id } }
            """)
    }

    @Test func optionalArgumentsAndArgumentsWithDefaultsMayBeOmitted() {
        expectValid(
            ProvidedRequiredArgumentsRule.self,
            "{ user { friends { name } } arguments { int requiredWithDefault optionalPair } me @cached(ttl: 5) { id } }")
    }

    @Test func aMissingFieldArgumentIsReportedAtTheField() {
        expectErrors(
            ProvidedRequiredArgumentsRule.self,
            "{ arguments { nonNullInt nonNullStringList(values: []) } }",
            [error("Field \"nonNullInt\" argument \"value\" of type \"Int!\" is required, but it was not provided.", at: (1, 15))])
    }

    @Test func eachMissingArgumentIsReportedInDefinitionOrder() {
        expectErrors(
            ProvidedRequiredArgumentsRule.self,
            "{ arguments { multipleRequired } }",
            [
                error("Field \"multipleRequired\" argument \"a\" of type \"Int!\" is required, but it was not provided.", at: (1, 15)),
                error("Field \"multipleRequired\" argument \"b\" of type \"Int!\" is required, but it was not provided.", at: (1, 15)),
            ])
    }

    @Test func anAliasedFieldIsReportedFromItsAliasWithTheTypeAsWritten() {
        expectErrors(
            ProvidedRequiredArgumentsRule.self,
            "{ arguments { list: nonNullStringList } }",
            [
                error(
                    "Field \"nonNullStringList\" argument \"values\" of type \"[String!]!\" is required, but it was not provided.",
                    at: (1, 15))
            ])
    }

    @Test func anExplicitNullIsNotThisRulesError() {
        expectValid(
            ProvidedRequiredArgumentsRule.self,
            "{ arguments { nonNullInt(value: null) } me @skip(if: null) { id } }")
    }

    @Test func aMissingDirectiveArgumentIsReportedAtTheDirective() {
        expectErrors(
            ProvidedRequiredArgumentsRule.self,
            """
            query Q @cached(scope: "all") { me @include { id } ...F }
            fragment F on Query { search { __typename } }
            """,
            [
                error("Directive \"@cached\" argument \"ttl\" of type \"Int!\" is required, but it was not provided.", at: (1, 9)),
                error("Directive \"@include\" argument \"if\" of type \"Boolean!\" is required, but it was not provided.", at: (1, 36)),
                error("Field \"search\" argument \"text\" of type \"String!\" is required, but it was not provided.", at: (2, 23)),
            ])
    }

    @Test func unknownFieldsAndDirectivesAreNotChecked() {
        expectValid(
            ProvidedRequiredArgumentsRule.self,
            "{ unknown { id } me @unknown { nope } }")
    }
}
