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
        guard case .type(.object(let query)) = schema.documents.first?.definitions.first else {
            Issue.record("expected an object type")
            return
        }
        #expect(query.fields.count == 40_000)
    }
}
