import Testing

@testable import GraphQLEngine

@Suite struct NoSchemaIntrospectionCustomRuleTests {
    let rule = NoSchemaIntrospectionCustomRule.self

    @Test func typenameIsAllowedWithIntrospectionOff() {
        expectValid(rule, "{ __typename me { __typename name } }")
    }

    @Test func schemaAndTypeAreRefusedWhereverTheyAreSelected() {
        expectErrors(
            rule,
            """
            { __schema { queryType { name } } }
            query Alias { t: __type(name: "User") { name } }
            fragment F on Query { __type(name: "Bot") { fields { name } } }
            """,
            [
                error(
                    "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\".",
                    at: (1, 3)),
                error(
                    "GraphQL introspection has been disabled, but the requested query contained the field \"__type\".",
                    at: (2, 15)),
                error(
                    "GraphQL introspection has been disabled, but the requested query contained the field \"__type\".",
                    at: (3, 23)),
            ])
    }

    @Test func theRuleRunsOnlyWhenTheOptionsTurnIntrospectionOff() throws {
        let document = try Parser.parse("{ __schema { queryType { name } } }")
        #expect(Validator.errors(in: document, against: validationSchema).isEmpty)
        let off = Validator.errors(in: document, against: validationSchema, options: ValidationOptions(allowsIntrospection: false))
        #expect(off.map(\.message) == [
            "GraphQL introspection has been disabled, but the requested query contained the field \"__schema\"."
        ])
    }
}
