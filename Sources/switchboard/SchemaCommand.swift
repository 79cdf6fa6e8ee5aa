import ArgumentParser
import GraphQLEngine
import Schema

/// `switchboard schema check|print`: the schema's own tools.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Check or print the schema.",
        subcommands: [Check.self, Print.self]
    )

    /// `switchboard schema check FILE...`: validates SDL, reporting every error.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate SDL files as one schema.",
            discussion: "Prints every error as file:line:column: message; exits with status 1 on errors."
        )

        @ArgumentParser.Argument(help: "The schema's SDL files.")
        var files: [String] = ["schema.graphql"]

        func run() throws {
            let schema = try loadSchema(files)
            let own = schema.types.filter { !$0.isIntrospectionType && !$0.isBuiltInScalar }
            print("\(files.joined(separator: ", ")): valid schema, \(own.count) types")
        }
    }

    /// `switchboard schema print [FILE...]`: prints the canonical schema.
    struct Print: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the schema in canonical SDL.",
            discussion: "Types and directives in schema order, extensions merged, built-ins left out."
        )

        @ArgumentParser.Argument(help: "The schema's SDL files.")
        var files: [String] = ["schema.graphql"]

        func run() throws {
            print(try loadSchema(files).printed())
        }
    }
}
