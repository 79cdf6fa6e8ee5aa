import Foundation
import Testing

@testable import GraphQLEngine

/// The validator as a whole: every rule together, on real documents.
@Suite struct ValidatorTests {
    static func fixture(_ name: String) throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/workload/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let workloadSchema: Schema? = try? Schema(
        sdl: fixture("schema.graphql"), scalars: ["DateTime": .any, "JSON": .any])

    @Test func theWorkloadQueriesAreValidUnderTheServersDefaults() throws {
        let schema = try #require(Self.workloadSchema)
        for name in ["query-client.graphql", "query-list.graphql"] {
            let document = try Parser.parse(Source(try Self.fixture(name), name: name))
            let options = ValidationOptions(limits: OperationLimits())
            #expect(Validator.errors(in: document, against: schema, options: options).isEmpty, "\(name)")
            #expect(throws: Never.self) { try Validator.validate(document, against: schema, options: options) }
        }
    }

    @Test func everyRuleReportsInOneRunInDocumentOrder() throws {
        let document = try Parser.parse(
            """
            query Feed($unused: Int, $first: Int) {
              me { nme friends(first: $first) }
              notifications(first: "ten") { title }
              ...Missing
            }
            fragment Lonely on User { id }
            """)
        let errors = Validator.errors(in: document, against: validationSchema)
        #expect(
            errors.map(\.rule) == [
                "FieldsOnCorrectType", "ScalarLeafs", "ValuesOfCorrectType", "KnownFragmentNames", "NoUnusedFragments",
                "NoUnusedVariables",
            ])
        #expect(
            errors.map(\.message) == [
                "Cannot query field \"nme\" on type \"User\". Did you mean \"name\"?",
                "Field \"friends\" of type \"[User!]!\" must have a selection of subfields. Did you mean \"friends { ... }\"?",
                "Int cannot represent non-integer value: \"ten\"",
                "Unknown fragment \"Missing\".",
                "Fragment \"Lonely\" is never used.",
                "Variable \"$unused\" is never used in operation \"Feed\".",
            ])
    }

    @Test func onlyAValidatedDocumentComesBackAsValid() throws {
        let good = try Parser.parse("{ me { id } }")
        let valid = try Validator.validate(good, against: validationSchema)
        #expect(valid.schema === validationSchema)
        let bad = try Parser.parse("{ me { id secret } }")
        #expect(throws: ValidationFailure.self) { try Validator.validate(bad, against: validationSchema) }
        do {
            _ = try Validator.validate(bad, against: validationSchema)
        } catch {
            #expect(
                error.graphQLErrors == [
                    GraphQLError(
                        message: "Cannot query field \"secret\" on type \"User\".",
                        locations: [GraphQLEngine.SourceLocation(line: 1, column: 11)])
                ])
        }
    }

    @Test func hostileRepetitionValidatesWithoutBlowingUp() throws {
        // 1,000 copies of one field with a subselection, and fragments that double at
        // each of 30 levels (a billion copies if expanded): each is checked once.
        let fields = "{ me { " + String(repeating: "name friends { id name } ", count: 1_000) + "} }"
        var fragments = "{ me { ...F0 ...F0 } }\n"
        for level in 0..<30 {
            fragments += "fragment F\(level) on User { name friends { ...F\(level + 1) ...F\(level + 1) } }\n"
        }
        fragments += "fragment F30 on User { id }\n"
        let options = ValidationOptions(limits: OperationLimits(maxDepth: 100, maxAliases: 10, maxRootFields: 10))
        // Two names at every level reaching the next fragment, with a conflict and a
        // variable at the bottom: 2^30 paths to them.
        var paths = "query Q($v: Int) { me { ...P0 } }\n"
        for level in 0..<30 {
            paths += "fragment P\(level) on User { a: bestFriend { ...P\(level + 1) } b: bestFriend { ...P\(level + 1) } }\n"
        }
        paths += "fragment P30 on User { x: id x: name friends(first: $v) { id } }\n"
        let pathsErrors = Validator.errors(
            in: try Parser.parse(paths), against: validationSchema,
            options: ValidationOptions(limits: OperationLimits(maxDepth: 100, maxAliases: nil, maxRootFields: 10)))
        #expect(pathsErrors.map(\.rule) == ["OverlappingFieldsCanBeMerged"])
        for text in [fields, fragments] {
            let document = try Parser.parse(text)
            #expect(Validator.errors(in: document, against: validationSchema, options: options).isEmpty)
        }
    }
}
