import Testing

@testable import GraphQLEngine

@Suite struct KnownTypeNamesRuleTests {
    @Test func typesOfTheSchemaAreKnownWhereverTheyAreNamed() {
        expectValid(
            KnownTypeNamesRule.self,
            """
            query Q($id: ID!, $filter: NotificationFilter, $levels: [[Priority!]]!, $at: DateTime) {
              user(id: $id) { ...NamedFields ... on Bot { id } }
            }
            fragment NamedFields on Named { name ... on Actor { __typename } }
            """)
    }

    @Test func builtInScalarsAndIntrospectionTypesAreAlwaysKnown() {
        expectValid(
            KnownTypeNamesRule.self,
            """
            query Q($s: String, $i: Int, $f: Float, $b: Boolean!, $id: [ID]) {
              __schema { types { ... on __Type { name } } }
            }
            fragment Kinds on __Type { kind }
            """)
    }

    @Test func anUnknownVariableTypeIsReportedAtTheNameInsideItsWrappers() {
        expectErrors(
            KnownTypeNamesRule.self,
            "query Q($friends: [Usr!]!) { me { id } }",
            [error("Unknown type \"Usr\". Did you mean \"User\"?", at: (1, 20))])
    }

    @Test func unknownTypeConditionsAreReportedOnNamedAndInlineFragments() {
        expectErrors(
            KnownTypeNamesRule.self,
            """
            fragment F on Xyzzy { id }
            { me { ... on Robot { id } ...F } }
            """,
            [
                error("Unknown type \"Xyzzy\".", at: (1, 15)),
                error("Unknown type \"Robot\". Did you mean \"Bot\"?", at: (2, 15)),
            ])
    }

    @Test func everyUseOfAnUnknownTypeIsReported() {
        expectErrors(
            KnownTypeNamesRule.self,
            """
            query Q($a: Xyzzy, $b: [Xyzzy]) {
              me { ... on Xyzzy { id } }
            }
            """,
            [
                error("Unknown type \"Xyzzy\".", at: (1, 13)),
                error("Unknown type \"Xyzzy\".", at: (1, 25)),
                error("Unknown type \"Xyzzy\".", at: (2, 15)),
            ])
    }

    @Test func typeNamesAreCaseSensitive() {
        expectErrors(
            KnownTypeNamesRule.self,
            "query Q($p: priority) { me { ... on user { id } } }",
            [
                error("Unknown type \"priority\". Did you mean \"Priority\"?", at: (1, 13)),
                error("Unknown type \"user\". Did you mean \"User\"?", at: (1, 37)),
            ])
    }

    @Test func inlineFragmentsWithoutATypeConditionNameNoType() {
        expectValid(KnownTypeNamesRule.self, "{ me { ... { id } ... @tag(label: \"x\") { name } } }")
    }

    @Test func fragmentsInsideAFragmentOnAnUnknownTypeAreStillChecked() {
        expectErrors(
            KnownTypeNamesRule.self,
            "fragment Lost on Xyzzy { ... on Usr { id } ... on User { id } }",
            [
                error("Unknown type \"Xyzzy\".", at: (1, 18)),
                error("Unknown type \"Usr\". Did you mean \"User\"?", at: (1, 33)),
            ])
    }
}
