import GraphQLEngine
import Schema
import Testing

@Suite struct SchemaSourceTests {
    @Test func parsesEveryFileOfTheSchema() throws {
        let schema = try SchemaSource(sources: [
            Source("type Query { me: User }", name: "schema.graphql"),
            Source("type User { id: ID! }", name: "user.graphql"),
        ])
        #expect(schema.documents.count == 2)
        #expect(schema.documents.map(\.definitions.count) == [1, 1])
        #expect(schema.documents.map { Printer.print($0) } == ["type Query {\n  me: User\n}", "type User {\n  id: ID!\n}"])
    }

    @Test func syntaxErrorNamesTheFileLineAndColumn() {
        #expect {
            try SchemaSource(sources: [
                Source("type Query { me: User }", name: "schema.graphql"),
                Source("type User {\n  id: \n}", name: "user.graphql"),
            ])
        } throws: { error in
            String(describing: error) == #"user.graphql:3:1: Syntax Error: Expected Name, found "}"."#
        }
    }

    @Test func trustedSchemaIsNotHeldToClientLimits() throws {
        // A schema larger than a client request may be: 120,000 tokens.
        let fields = (0..<40_000).map { "f\($0): Int" }.joined(separator: "\n")
        let schema = try SchemaSource(sources: [Source("type Query {\n\(fields)\n}")])
        let document = try #require(schema.documents.first)
        guard case .type(.object(let query)) = document[document.definitions].first else {
            Issue.record("expected an object type")
            return
        }
        #expect(query.fields.count == 40_000)
        #expect(document.text(document[query.fields][39_999].name) == "f39999")
    }
}
