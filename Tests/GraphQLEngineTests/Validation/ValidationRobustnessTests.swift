import PropertyBased
import Testing

@testable import GraphQLEngine

/// Validation of arbitrary documents (the printer's generated ones: every definition,
/// selection and value kind, names at random) must always finish, report the same
/// errors twice over, and place every error inside the document.
@Suite struct ValidationRobustnessTests {
    @Test func anyDocumentValidatesToTheSameErrorsInsideIt() async {
        await propertyCheck(count: 300, input: SyntaxGenerators.mixedDocument) { tree in
            let source = Source(Printer.print(tree))
            let document = try Parser.parse(source, options: .trusted)
            let first = Validator.errors(in: document, against: validationSchema)
            let second = Validator.errors(in: document, against: validationSchema)
            #expect(first == second)
            for error in first {
                #expect(!error.message.isEmpty)
                #expect(error.spans.allSatisfy { Int($0.start) <= source.bytes.count && $0.start <= $0.end })
            }
        }
    }

    @Test func documentsOfTheSchemasOwnNamesValidateWithoutTrapping() async {
        // Names drawn from the schema, so that fields, arguments and fragments resolve and
        // the deeper rules (merging, values, variables) run on them.
        let fieldNames = ["me", "user", "node", "actor", "named", "search", "notifications", "arguments", "friends",
            "bestFriend", "name", "id", "email", "version", "owner", "title", "int", "target", "filter", "__typename"]
        let field = Gen.element(of: fieldNames).map { $0 ?? "id" }
        let alias = Gen.element(of: ["a", "b", "name", "id"]).map { $0 ?? "a" }.optional(valueRate: 0.3)
        let argument = Gen.element(of: ["id: 1", "value: $v", "first: 2", "value: {text: \"x\"}", "uppercase: true"])
            .map { $0 ?? "id: 1" }.optional(valueRate: 0.3)
        let selection = zip(alias, field, argument).map { alias, field, argument in
            (alias.map { "\($0): " } ?? "") + field + (argument.map { "(\($0))" } ?? "")
        }
        let level = selection.array(of: 1...4).map { $0.joined(separator: " ") }
        let document = zip(level, level, level, Gen.element(of: ["User", "Bot", "Named", "Query"]))
            .map { outer, middle, inner, type in
                "query Q($v: Int) { \(outer) { \(middle) { \(inner) } ...F } }\n"
                    + "fragment F on \(type ?? "User") { \(middle) { \(inner) } ... on Bot { \(outer) } }"
            }
        await propertyCheck(count: 300, input: document) { text in
            let parsed = try Parser.parse(text)
            let errors = Validator.errors(in: parsed, against: validationSchema, options: ValidationOptions(limits: .init()))
            #expect(errors == Validator.errors(in: parsed, against: validationSchema, options: ValidationOptions(limits: .init())))
        }
    }

    @Test(arguments: [
        "{ me { ...A } }\nfragment A on User { bestFriend { ...A } }",
        "{ me { ...A } }\nfragment A on User { a: bestFriend { ...B } b: bestFriend { ...A ...B } }\nfragment B on User { friends { ...A } }",
        "{ me { ...A } }\nfragment A on User { bestFriend { ...A } bestFriend { ...A name } }",
    ])
    func fragmentsSpreadingThemselvesInsideFieldsAreReportedAndValidationEnds(document: String) throws {
        let parsed = try Parser.parse(document)
        let errors = Validator.errors(in: parsed, against: validationSchema, options: ValidationOptions(limits: .init()))
        #expect(errors.contains { $0.message.hasPrefix("Cannot spread fragment \"A\" within itself") })
    }
}
