import Foundation
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

    @Test func aDateIsWrittenInRFC3339() throws {
        let serialize = try #require(DateTimeScalar.coercion.serialize)
        #expect(try serialize(.object(Date(timeIntervalSince1970: 1_795_000_000))) == .string("2026-11-18T11:06:40Z"))
        #expect(try serialize(.object(Date(timeIntervalSince1970: 1_795_000_000.25))) == .string("2026-11-18T11:06:40.250Z"))
        #expect(try serialize(.string("2026-11-24T09:30:00+01:00")) == .string("2026-11-24T09:30:00+01:00"))
    }

    @Test func aDateTimeFieldRefusesWhatIsNotADate() throws {
        let serialize = try #require(DateTimeScalar.coercion.serialize)
        #expect(throws: ScalarCoercionError("DateTime cannot represent an invalid date-time string: \"yesterday\"")) {
            try serialize(.string("yesterday"))
        }
        #expect(throws: ScalarCoercionError("DateTime cannot represent a value that is not a date: 5")) {
            try serialize(.int(5))
        }
    }

    @Test func executionWritesDateTimeFieldsThroughTheScalar() async throws {
        let schema = try SchemaLoader.build(sources: [
            Source("scalar DateTime\ntype Query { now: DateTime later: DateTime broken: DateTime }")
        ])
        var resolvers = Resolvers()
        resolvers["Query", "now"] = .sync { _ in .object(Date(timeIntervalSince1970: 0)) }
        resolvers["Query", "later"] = .sync { _ in .string("2026-11-24T08:30:00Z") }
        resolvers["Query", "broken"] = .sync { _ in .string("soon") }
        let document = try Validator.validate(try Parser.parse("{ now later broken }"), against: schema)
        let response = await Executor(resolvers: resolvers).execute(document)
        #expect(
            response.text
                == #"{"errors":[{"message":"DateTime cannot represent an invalid date-time string: \"soon\"","locations":[{"line":1,"column":13}],"path":["broken"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"now":"1970-01-01T00:00:00Z","later":"2026-11-24T08:30:00Z","broken":null}}"#
        )
    }
}
