import Testing

/// A small schema for the command-line tests, written to a temporary file.
private let schemaSDL = """
    type Query { me: User user(id: ID!): User }
    type User { id: ID! name: String bestFriend: User }
    """

@Suite struct ValidateCommandTests {
    @Test func aValidDocumentExitsZeroQuietly() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("query Me { me { id name } }")
        let result = try switchboard("validate", "--schema", schema.path, document.path)
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty)
    }

    @Test func everyErrorIsReportedAsFileLineColumn() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("{ me { nme } user { id } }")
        let result = try switchboard("validate", "--schema", schema.path, document.path)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(document.path):1:8: Cannot query field "nme" on type "User". Did you mean "name"?
                \(document.path):1:14: Field "user" argument "id" of type "ID!" is required, but it was not provided.

                """)
    }

    @Test func jsonOutputNamesTheRuleAndFile() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("{ me { x: id x: name } }")
        let result = try switchboard("validate", "--json", "--schema", schema.path, document.path)
        #expect(result.status == 1)
        let message =
            "Fields \\\"x\\\" conflict because \\\"id\\\" and \\\"name\\\" are different fields. "
            + "Use different aliases on the fields to fetch both if this was intentional."
        #expect(
            result.standardOutput
                == #"[{"message":"\#(message)","locations":[{"line":1,"column":8},{"line":1,"column":14}],"rule":"OverlappingFieldsCanBeMerged","file":"\#(document.path)"}]"#
                + "\n")
    }

    @Test func theServersLimitsApplyUnlessSpecOnly() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let deep = "{ me " + String(repeating: "{ bestFriend ", count: 20) + "{ id }" + String(repeating: " }", count: 21)
        let document = try TemporaryFile(deep)
        let limited = try switchboard("validate", "--schema", schema.path, document.path)
        #expect(limited.status == 1)
        #expect(limited.standardError == "\(document.path):1:1: Query depth 22 exceeds the maximum of 15.\n")
        let specOnly = try switchboard("validate", "--spec-only", "--schema", schema.path, document.path)
        #expect(specOnly.status == 0)
        let raised = try switchboard("validate", "--max-query-depth", "30", "--schema", schema.path, document.path)
        #expect(raised.status == 0)
    }

    @Test func introspectionCanBeRefusedAsAServerWithItOffWould() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("{ __typename __schema { queryType { name } } }")
        #expect(try switchboard("validate", "--schema", schema.path, document.path).status == 0)
        let refused = try switchboard("validate", "--no-introspection", "--schema", schema.path, document.path)
        #expect(refused.status == 1)
        #expect(
            refused.standardError
                == "\(document.path):1:14: GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".\n"
        )
    }

    @Test func aSyntaxErrorIsReportedLikeAValidationError() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let document = try TemporaryFile("{ me { id }")
        let result = try switchboard("validate", "--schema", schema.path, document.path)
        #expect(result.status == 1)
        #expect(result.standardError == "\(document.path):1:12: Syntax Error: Expected Name, found <EOF>.\n")
    }

    @Test func anInvalidSchemaStopsWithItsErrors() throws {
        let schema = try TemporaryFile("type Query { me: Person }", name: "schema.graphql")
        let document = try TemporaryFile("{ me }")
        let result = try switchboard("validate", "--schema", schema.path, document.path)
        #expect(result.status == 1)
        #expect(result.standardError == "\(schema.path):1:18: Unknown type \"Person\".\n")
    }
}

@Suite struct SchemaCommandTests {
    @Test func checkAcceptsAValidSchema() throws {
        let schema = try TemporaryFile(schemaSDL, name: "schema.graphql")
        let result = try switchboard("schema", "check", schema.path)
        #expect(result.status == 0)
        #expect(result.standardOutput == "\(schema.path): valid schema, 2 types\n")
    }

    @Test func checkReportsEveryErrorWithItsPlace() throws {
        let schema = try TemporaryFile(
            """
            type Query { me: User }
            type User { id: ID! id: String }
            union Anything = User | Bot
            """, name: "schema.graphql")
        let result = try switchboard("schema", "check", schema.path)
        #expect(result.status == 1)
        #expect(
            result.standardError == """
                \(schema.path):2:13: Field "User.id" can only be defined once.
                \(schema.path):3:25: Unknown type "Bot". Did you mean "Int"?

                """)
    }

    @Test func printGivesTheCanonicalSchemaWithExtensionsMerged() throws {
        let schema = try TemporaryFile("type Query { me: User }\ntype User { id: ID! }", name: "schema.graphql")
        let extra = try TemporaryFile("extend type User { name: String }", name: "user.graphql")
        let result = try switchboard("schema", "print", schema.path, extra.path)
        #expect(result.status == 0)
        #expect(
            result.standardOutput == """
                type Query {
                  me: User
                }

                type User {
                  id: ID!
                  name: String
                }

                """)
    }
}
