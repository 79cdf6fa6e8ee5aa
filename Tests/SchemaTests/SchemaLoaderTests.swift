import GraphQLEngine
import Testing

@testable import Schema

@Suite struct SchemaLoaderTests {
    @Test func buildsOneSchemaFromEveryFile() throws {
        let schema = try SchemaLoader.build(sources: [
            Source("type Query { me: User }", name: "schema.graphql"),
            Source("type User { id: ID! joinedAt: DateTime }\nscalar DateTime", name: "user.graphql"),
        ])
        #expect(schema.queryType.map { schema[$0].name } == "Query")
        #expect(schema.type(named: "User")?.fields.map(\.name) == ["id", "joinedAt"])
    }

    @Test func aSyntaxErrorNamesTheFileLineAndColumn() {
        #expect {
            try SchemaLoader.build(sources: [
                Source("type Query { me: User }", name: "schema.graphql"),
                Source("type User {\n  id: \n}", name: "user.graphql"),
            ])
        } throws: { error in
            String(describing: error) == #"user.graphql:3:1: Syntax Error: Expected Name, found "}"."#
        }
    }

    @Test func everySchemaErrorIsReportedWithItsFile() {
        #expect {
            try SchemaLoader.build(sources: [
                Source("type Query { me: Person }", name: "schema.graphql"),
                Source("type User {\n  id: ID!\n  id: ID\n}", name: "user.graphql"),
            ])
        } throws: { error in
            String(describing: error) == """
                schema.graphql:1:18: Unknown type "Person".
                user.graphql:2:3: Field "User.id" can only be defined once.
                """
        }
    }

    @Test func aSchemaFileMayBeLargerThanAnyRequest() throws {
        // 120,000 tokens: more than a client document may have.
        let fields = (0..<40_000).map { "f\($0): Int" }.joined(separator: "\n")
        let schema = try SchemaLoader.build(sources: [Source("type Query {\n\(fields)\n}")])
        #expect(schema.type(named: "Query")?.fields.count == 40_000)
    }

    @Test func anUnreadableFileIsNamed() {
        #expect {
            try SchemaLoader.load(paths: ["/nonexistent/schema.graphql"])
        } throws: { error in
            String(describing: error) == "/nonexistent/schema.graphql: cannot read the schema file"
        }
    }

    @Test(arguments: [
        "2026-11-24T08:30:00Z", "2026-11-24T09:30:00.250+01:00", "2024-02-29t00:00:00z", "2026-06-30 23:59:60-07:00",
    ])
    func dateTimeAcceptsRFC3339(_ text: String) throws {
        #expect(try DateTimeScalar.coercion.coerce(.string(text)) == .string(text))
    }

    @Test(arguments: [
        "2026-11-24", "2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-24T24:00:00Z", "2026-11-24T08:30:00",
        "2026-11-24T08:30:00.Z", "2026-11-24T08:30:00+0100", "yesterday",
    ])
    func dateTimeRefusesAnythingElse(_ text: String) {
        #expect(throws: ScalarCoercionError("DateTime cannot represent an invalid date-time string: \"\(text)\"")) {
            try DateTimeScalar.coercion.coerce(.string(text))
        }
    }

    @Test func dateTimeRefusesNonStrings() {
        #expect(throws: ScalarCoercionError("DateTime cannot represent a non string value: 1700000000")) {
            try DateTimeScalar.coercion.coerce(.int(1_700_000_000))
        }
    }
}
