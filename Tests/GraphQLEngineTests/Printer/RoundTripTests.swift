import Foundation
import GraphQLEngine
import Testing

/// A document of the engine workload, from the copies in `Fixtures/workload` (this file
/// is Tests/GraphQLEngineTests/Printer/RoundTripTests.swift).
private func workload(_ name: String) throws -> String {
    let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/workload")
    return try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
}

/// The documents that must survive printing: our two kitchen sinks and the workload.
enum RoundTripCorpus: String, CaseIterable, Sendable {
    case executableKitchenSink = "executable kitchen sink"
    case schemaKitchenSink = "schema kitchen sink"
    case workloadSchema = "schema.graphql"
    case workloadClientQuery = "query-client.graphql"
    case workloadListQuery = "query-list.graphql"

    func text() throws -> String {
        switch self {
        case .executableKitchenSink: GraphQLEngineTests.executableKitchenSink
        case .schemaKitchenSink: GraphQLEngineTests.schemaKitchenSink
        case .workloadSchema, .workloadClientQuery, .workloadListQuery: try workload(rawValue)
        }
    }
}

@Suite("Printer: round trips")
struct PrinterRoundTripTests {
    @Test(arguments: RoundTripCorpus.allCases)
    func printedDocumentParsesBackToTheSameDocument(_ document: RoundTripCorpus) throws {
        let original = try parseContent(try document.text())
        let printed = Printer.print(original)
        let reparsed = try parseContent(printed)
        #expect(reparsed == original, "\(document.rawValue) changed when printed:\n\(printed)")
    }

    @Test(arguments: RoundTripCorpus.allCases)
    func printingThePrintedDocumentAgainChangesNothing(_ document: RoundTripCorpus) throws {
        let once = Printer.print(try parseContent(try document.text()))
        let twice = Printer.print(try parseContent(once))
        #expect(twice == once, "\(document.rawValue) printed differently the second time")
    }

    @Test func kitchenSinksUseTheConstructsTheyPromise() throws {
        let executable = try parseContent(executableKitchenSink)
        let operations = executable.definitions.compactMap { definition -> OperationDefinition? in
            if case .operation(let operation) = definition { return operation }
            return nil
        }
        #expect(Set(operations.map(\.operation)) == Set(OperationType.allCases))
        #expect(operations.contains { $0.isShorthand })
        #expect(operations.contains { $0.name == nil && !$0.isShorthand })
        #expect(operations.contains { $0.description?.isBlock == true })
        #expect(executable.definitions.contains { if case .fragment = $0 { true } else { false } })

        let schema = try parseContent(schemaKitchenSink)
        var kinds = Set<String>()
        for definition in schema.definitions {
            switch definition {
            case .schema: kinds.insert("schema")
            case .directive: kinds.insert("directive")
            case .schemaExtension: kinds.insert("extend schema")
            case .type(let type): kinds.insert(kind(of: type))
            case .typeExtension(let type): kinds.insert("extend " + kind(of: type))
            case .operation, .fragment: kinds.insert("executable")
            }
        }
        let expected: Set<String> = [
            "schema", "directive", "scalar", "type", "interface", "union", "enum", "input", "extend schema",
            "extend scalar", "extend type", "extend interface", "extend union", "extend enum", "extend input",
        ]
        #expect(kinds == expected)
    }

    @Test func documentWithEveryDefinitionKindRoundTripsAsOne() throws {
        let combined = try parseContent(executableKitchenSink + "\n" + schemaKitchenSink)
        #expect(try parseContent(Printer.print(combined)) == combined)
    }

    @Test func printedWorkloadSchemaIsCanonicallyFormatted() throws {
        let printed = Printer.print(try parseContent(try workload("schema.graphql")))
        #expect(printed.hasPrefix("\"\"\"Workload schema used to compare GraphQL engines side by side.\"\"\"\nscalar DateTime\n\nscalar JSON\n\nenum NotificationType {\n  MESSAGE\n"))
        #expect(!printed.contains("\t"))
        #expect(!printed.hasSuffix("\n"))
    }

    /// The shorthand `{` cannot follow a definition that would take the brace as its own
    /// body (`type T`, `enum E`, `extend schema @d` ...): the grammar's lookahead
    /// restrictions make such text invalid. The tree must still print to text that reads
    /// back as the same tree (as `query {`, which parses to the same operation).
    @Test(arguments: [
        "type T", "interface I", "enum E", "input In", "extend schema @tag", "extend type T @tag",
        "extend enum E @tag", "scalar S", "union U", "directive @d on FIELD", "fragment F on T { a }",
    ])
    func shorthandQueryAfterADefinitionWithoutBodyStillReadsBack(previous: String) throws {
        let query = OperationDefinition(
            operation: .query,
            selectionSet: SelectionSet(selections: [.field(Field(name: Name("a")))]))
        var document = try parseContent(previous)
        document.definitions.append(.operation(query))
        let printed = Printer.print(document)
        let reparsed = try? parseContent(printed)
        #expect(reparsed == document, "printed as:\n\(printed)")
    }
}

private let tripleQuote = "\"\"\""

extension PrinterRoundTripTests {
    /// Block descriptions holding characters that Swift merges with a neighbouring quote,
    /// backslash or space into one grapheme cluster (U+0301 combining acute after it,
    /// U+0600 prepended before it): read, printed and read again, they must not change.
    @Test(arguments: [
        tripleQuote + #"a\"# + tripleQuote + "\u{301}b" + tripleQuote,
        tripleQuote + "a\u{600}\\" + tripleQuote + "b" + tripleQuote,
        tripleQuote + "x\u{600}\"\n" + tripleQuote,
        tripleQuote + "x\u{600}\\\n" + tripleQuote,
        tripleQuote + "\u{301}abc" + tripleQuote,
        tripleQuote + " \u{301}x\"\n" + tripleQuote,
    ])
    func blockDescriptionsWithGraphemeClusteringCharactersRoundTrip(description: String) throws {
        let original = try parseContent(description + "\nscalar S")
        let printed = Printer.print(original)
        let reparsed = try? parseContent(printed)
        #expect(reparsed == original, "printed as:\n\(printed)")
    }
}

private func kind(of type: TypeDefinition) -> String {
    switch type {
    case .scalar: "scalar"
    case .object: "type"
    case .interface: "interface"
    case .union: "union"
    case .enumType: "enum"
    case .inputObject: "input"
    }
}
