import Testing

@testable import GraphQLEngine

@Suite struct VariablesAreInputTypesRuleTests {
    @Test func scalarsEnumsAndInputObjectsAreInputTypes() {
        expectValid(
            VariablesAreInputTypesRule.self,
            "query Q($a: Int, $b: Priority!, $c: NotificationFilter, $d: Target!, $e: DateTime) { __typename }")
    }

    @Test func wrappedInputTypesAreInputTypes() {
        expectValid(
            VariablesAreInputTypesRule.self,
            "query Q($a: [String], $b: [[Priority!]]!, $c: [Page!]!) { __typename }")
    }

    @Test func anObjectTypeIsNotAnInputType() {
        expectErrors(
            VariablesAreInputTypesRule.self,
            "query Q($user: User) { __typename }",
            [error("Variable \"$user\" cannot be non-input type \"User\".", at: (1, 16))])
    }

    @Test func aWrappedObjectTypeIsQuotedWithItsWrappingAtTheWholeType() {
        expectErrors(
            VariablesAreInputTypesRule.self,
            "query Q($users: [User!]!, $device: Device!) { __typename }",
            [
                error("Variable \"$users\" cannot be non-input type \"[User!]!\".", at: (1, 17)),
                error("Variable \"$device\" cannot be non-input type \"Device!\".", at: (1, 36)),
            ])
    }

    @Test func interfacesAndUnionsAreNotInputTypes() {
        expectErrors(
            VariablesAreInputTypesRule.self,
            """
            mutation M($node: Node, $actors: [Actor]) { __typename }
            """,
            [
                error("Variable \"$node\" cannot be non-input type \"Node\".", at: (1, 19)),
                error("Variable \"$actors\" cannot be non-input type \"[Actor]\".", at: (1, 34)),
            ])
    }

    @Test func theTypeIsQuotedWithoutTheSpacesItWasWrittenWith() {
        expectErrors(
            VariablesAreInputTypesRule.self,
            "query Q($u: [ User ! ] !) { __typename }",
            [error("Variable \"$u\" cannot be non-input type \"[User!]!\".", at: (1, 13))])
    }

    @Test func unknownTypesAreLeftToKnownTypeNames() {
        expectValid(
            VariablesAreInputTypesRule.self,
            "query Q($a: Usr, $b: [Missing!]!) { __typename }")
    }
}
