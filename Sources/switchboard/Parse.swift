import ArgumentParser
import GraphQLEngine

/// `switchboard parse FILE...`: checks syntax, as the server would on a request.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the syntax of GraphQL documents.",
        discussion: """
            Errors are printed as file:line:column: message, or with --json as GraphQL \
            errors. Exits with status 1 when any document has an error.
            """
    )

    @ArgumentParser.Argument(help: "GraphQL documents to check.")
    var files: [String]

    @Flag(help: "Print errors as a JSON array of GraphQL errors.")
    var json = false

    @OptionGroup var limits: LimitOptions

    func run() throws {
        var failures: [(Source, SyntaxError)] = []
        for path in files {
            let source = try readSource(path: path)
            do {
                _ = try Parser.parse(source, options: limits.parseOptions)
            } catch {
                failures.append((source, error))
            }
        }
        if json {
            var writer = JSONWriter()
            writer.raw(UInt8(ascii: "["))
            for (index, (source, error)) in failures.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                GraphQLError(error, in: source).write(to: &writer)
            }
            writer.raw(UInt8(ascii: "]"))
            print(writer.text)
        } else {
            for (source, error) in failures {
                printError("\(source.name):\(error.location(in: source)): \(error.message)")
            }
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
