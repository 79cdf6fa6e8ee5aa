import Testing

private let schemaSDL = """
    type Query { me: User count: Int }
    interface Named { name: String }
    type User implements Named { id: ID! name: String friends: [Named] }
    type Bot implements Named { name: String version: Int }
    """

@Suite struct ExecuteCommandTests {
    @Test func executesAgainstTheKeysOfTheRootValue() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let root = try TemporaryFile(
            #"{"me": {"id": 7, "name": "Ada", "friends": [{"__typename": "Bot", "name": "R2", "version": 2}]}, "count": 3}"#,
            name: "data.json")
        let document = try TemporaryFile(
            "query Q($withCount: Boolean!) { me { id name friends { name ... on Bot { version } } } count @include(if: $withCount) }")
        let result = try switchboard(
            "execute", "--schema", schema.path, "--root-value", root.path, "--variables", #"{"withCount": true}"#,
            document.path)
        #expect(result.status == 0)
        #expect(
            result.standardOutput
                == #"{"data":{"me":{"id":"7","name":"Ada","friends":[{"name":"R2","version":2}]},"count":3}}"# + "\n")
    }

    @Test func aRequestThatFailsBeforeExecutionExitsOne() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let invalid = try TemporaryFile("{ me { nme } }")
        let result = try switchboard("execute", "--schema", schema.path, invalid.path)
        #expect(result.status == 1)
        #expect(
            result.standardOutput
                == #"{"errors":[{"message":"Cannot query field \"nme\" on type \"User\". Did you mean \"name\"?","locations":[{"line":1,"column":8}],"extensions":{"code":"GRAPHQL_VALIDATION_FAILED"}}]}"#
                + "\n")
        let needsVariable = try TemporaryFile("query ($b: Boolean!) { count @skip(if: $b) }")
        let missing = try switchboard("execute", "--schema", schema.path, needsVariable.path)
        #expect(missing.status == 1)
        #expect(missing.standardOutput.contains(#"Variable \"$b\" of required type \"Boolean!\" was not provided."#))
    }

    @Test func fieldErrorsStillExitZeroWithPartialData() throws {
        let schema = try TemporaryFile("type Query { a: Int! b: Int }", name: "schema.graphql")
        let root = try TemporaryFile(#"{"b": 1}"#, name: "data.json")
        let document = try TemporaryFile("{ b a }")
        let result = try switchboard("execute", "--schema", schema.path, "--root-value", root.path, document.path)
        #expect(result.status == 0)
        #expect(result.standardOutput.hasSuffix(#""data":null}"# + "\n"))
        #expect(result.standardOutput.contains(#""path":["a"]"#))
    }

    @Test func malformedVariablesAreRefusedWithWhereTheyBreak() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("{ count }")
        let result = try switchboard("execute", "--schema", schema.path, "--variables", "{\"a\": }", document.path)
        #expect(result.status != 0)
        #expect(result.standardError.contains("--variables: Unexpected character '}' at byte 6"))
    }
}
