import Testing

@testable import GraphQLEngine

@Suite struct VariablesInAllowedPositionRuleTests {
    /// Input fields with defaults, and a `@oneOf` input object of lists and objects.
    static let schema: Schema = {
        do {
            return try Schema(
                sdl: """
                    input Options { limit: Int! = 10 offset: Int! }
                    input Choice @oneOf { id: ID options: Options ids: [ID!] }
                    type Query { list(options: Options): String choose(choice: Choice): String choices(all: [Choice!]): String }
                    """)
        } catch {
            fatalError("The test schema does not build:\n\(error)")
        }
    }()

    @Test func aVariableOfTheExpectedTypeIsAllowed() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            """
            query Q($i: Int, $s: String!, $p: Priority, $f: NotificationFilter, $d: DateTime) {
              arguments { int(value: $i) nonNullString(value: $s) priority(value: $p) filter(value: $f) dateTime(value: $d) }
            }
            """)
    }

    @Test func aNonNullVariableMayFillANullablePosition() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            """
            query Q($i: Int!, $l: [String!]!, $b: Boolean!) {
              arguments { int(value: $i) stringList(values: $l) } me @include(if: $b) { name }
            }
            """)
    }

    @Test func aNullableVariableMayNotFillANonNullPosition() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "query Q($i: Int) { arguments { nonNullInt(value: $i) } }",
            [error("Variable \"$i\" of type \"Int\" used in position expecting type \"Int!\".", at: (1, 9), (1, 50))])
    }

    @Test func aNullableVariableWithANonNullDefaultMayFillANonNullPosition() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "query Q($i: Int = 3, $b: Boolean = true) { arguments { nonNullInt(value: $i) } me @skip(if: $b) { id } }")
    }

    @Test func aNullDefaultDoesNotMakeTheVariableNonNull() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "query Q($b: Boolean = null) { me @skip(if: $b) { id } }",
            [
                error(
                    "Variable \"$b\" of type \"Boolean\" used in position expecting type \"Boolean!\".",
                    at: (1, 9), (1, 44))
            ])
    }

    @Test func aNullableVariableMayFillANonNullArgumentWithADefault() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "query Q($a: Int) { arguments { requiredWithDefault(a: $a) } }")
    }

    @Test func aNullableVariableMayFillANonNullInputFieldWithADefault() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "query Q($limit: Int, $offset: Int!) { list(options: { limit: $limit, offset: $offset }) }",
            schema: Self.schema)
    }

    @Test func aNonNullInputFieldWithoutADefaultNeedsANonNullVariable() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "query Q($limit: Int, $offset: Int) { list(options: { limit: $limit, offset: $offset }) }",
            [
                error(
                    "Variable \"$offset\" of type \"Int\" used in position expecting type \"Int!\".",
                    at: (1, 22), (1, 77))
            ],
            schema: Self.schema)
    }

    @Test func theNamedTypesMustBeTheSame() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($i: Int, $s: String!) {
              arguments { boolean(value: $i) id(value: $s) }
            }
            """,
            [
                error("Variable \"$i\" of type \"Int\" used in position expecting type \"Boolean\".", at: (1, 9), (2, 30)),
                error("Variable \"$s\" of type \"String!\" used in position expecting type \"ID\".", at: (1, 18), (2, 44)),
            ])
    }

    @Test func listsAndSingleValuesDoNotMix() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($list: [String], $single: String) {
              arguments { string(value: $list) stringList(values: $single) }
            }
            """,
            [
                error(
                    "Variable \"$list\" of type \"[String]\" used in position expecting type \"String\".",
                    at: (1, 9), (2, 29)),
                error(
                    "Variable \"$single\" of type \"String\" used in position expecting type \"[String]\".",
                    at: (1, 26), (2, 55)),
            ])
    }

    @Test func listItemsMustBeAsNonNullAsThePositionsItems() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($a: [String]!, $b: [String!], $c: [String!]!) {
              arguments { first: nonNullStringList(values: $a) second: nonNullStringList(values: $b) third: nonNullStringList(values: $c) }
            }
            """,
            [
                error(
                    "Variable \"$a\" of type \"[String]!\" used in position expecting type \"[String!]!\".",
                    at: (1, 9), (2, 48)),
                error(
                    "Variable \"$b\" of type \"[String!]\" used in position expecting type \"[String!]!\".",
                    at: (1, 24), (2, 86)),
            ])
    }

    @Test func aVariableInAListIsCheckedAgainstTheItemType() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($s: String, $t: String!, $u: String = "u") {
              arguments { stringList(values: [$s, $t]) nonNullStringList(values: [$t, $s, $u]) }
            }
            """,
            [
                error(
                    "Variable \"$s\" of type \"String\" used in position expecting type \"String!\".",
                    at: (1, 9), (2, 75))
            ])
    }

    @Test func aVariableDeepInAnInputObjectIsCheckedAgainstItsField() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($first: Int, $tag: String, $unread: Boolean) {
              arguments { nested(value: { page: { first: $first }, tags: [$tag], filter: { unreadOnly: $unread } }) }
            }
            """,
            [
                error(
                    "Variable \"$first\" of type \"Int\" used in position expecting type \"Int!\".",
                    at: (1, 9), (2, 46)),
                error(
                    "Variable \"$tag\" of type \"String\" used in position expecting type \"String!\".",
                    at: (1, 22), (2, 63)),
            ])
    }

    @Test func aUsageInAFragmentDefinedLaterIsCheckedForEachOperationThatSpreadsIt() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query NonNull($id: ID!) { ...Node }
            query Nullable($id: ID) { ...Node }
            fragment Node on Query { node(id: $id) { id } }
            """,
            [error("Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".", at: (2, 16), (3, 35))])
    }

    @Test func aUsageThroughNestedFragmentsIsChecked() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            fragment Inner on User { name(uppercase: $flag) }
            query Q($flag: String) { me { ...Outer } }
            fragment Outer on User { bestFriend { ...Inner } }
            """,
            [
                error(
                    "Variable \"$flag\" of type \"String\" used in position expecting type \"Boolean\".",
                    at: (2, 9), (1, 42))
            ])
    }

    @Test func aNullableVariableForAOneOfFieldIsAnError() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "mutation M($id: ID, $null: ID = null) { a: send(target: { userId: $id }, title: \"a\") b: send(target: { tenantId: $null }, title: \"b\") }",
            [
                error(
                    "Variable \"$id\" must be non-nullable to be used for OneOf Input Object \"Target\".",
                    at: (1, 12), (1, 67)),
                error(
                    "Variable \"$null\" must be non-nullable to be used for OneOf Input Object \"Target\".",
                    at: (1, 21), (1, 114)),
            ])
    }

    @Test func aNonNullVariableForAOneOfFieldIsAllowed() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "mutation M($id: ID!, $target: Target!) { a: send(target: { userId: $id }, title: \"a\") b: send(target: $target, title: \"b\") }")
    }

    /// IsNonNullPosition makes the field non-null, and a variable with a non-null default
    /// may fill a non-null position (graphql-js reports this case all the same).
    @Test func aNullableVariableWithANonNullDefaultMayFillAOneOfField() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "mutation M($id: ID = \"1\") { send(target: { userId: $id }, title: \"a\") }")
    }

    @Test func aOneOfFieldStillNeedsTheRightType() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "mutation M($ids: [ID]!, $id: Int!) { a: send(target: { userIds: $ids }, title: \"a\") b: send(target: { userId: $id }, title: \"b\") }",
            [
                error(
                    "Variable \"$ids\" of type \"[ID]!\" used in position expecting type \"[ID!]\".",
                    at: (1, 12), (1, 65)),
                error(
                    "Variable \"$id\" of type \"Int!\" used in position expecting type \"ID\".",
                    at: (1, 25), (1, 111)),
            ])
    }

    @Test func itemsOfAListInAOneOfFieldAreNotOneOfFields() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            "mutation M($id: ID) { send(target: { userIds: [$id] }, title: \"a\") }",
            [error("Variable \"$id\" of type \"ID\" used in position expecting type \"ID!\".", at: (1, 12), (1, 48))])
    }

    @Test func oneOfObjectsNestedInListsAndObjectsAreChecked() {
        expectErrors(
            VariablesInAllowedPositionRule.self,
            """
            query Q($id: ID, $options: Options, $limit: Int) {
              choices(all: [{ id: $id }])
              choose(choice: { options: $options })
              again: choose(choice: { options: { limit: $limit, offset: 1 } })
            }
            """,
            [
                error(
                    "Variable \"$id\" must be non-nullable to be used for OneOf Input Object \"Choice\".",
                    at: (1, 9), (2, 23)),
                error(
                    "Variable \"$options\" must be non-nullable to be used for OneOf Input Object \"Choice\".",
                    at: (1, 18), (3, 29)),
            ],
            schema: Self.schema)
    }

    @Test func aListItemGivenForASingleOneOfObjectIsNotAOneOfField() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            "query Q($choice: Choice) { choose(choice: [$choice]) }",
            schema: Self.schema)
    }

    @Test func undefinedVariablesAndUnknownTypesAreOtherRulesConcern() {
        expectValid(
            VariablesInAllowedPositionRule.self,
            """
            query Q($unknown: Missing) {
              arguments { nonNullInt(value: $unknown) int(value: $undefined) }
              user(idd: $unknown) { name(uppercase: $undefined) }
            }
            """)
    }
}
