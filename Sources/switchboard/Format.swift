import ArgumentParser
import GraphQLEngine

/// `switchboard format FILE`: prints a document in canonical form.
struct Format: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a GraphQL document in canonical form."
    )

    @ArgumentParser.Argument(help: "The GraphQL document (operations or SDL).")
    var file: String

    func run() throws {
        let source = try readSource(path: file)
        do {
            let document = try Parser.parse(source, options: .trusted)
            print(Printer.print(document))
        } catch {
            printError("\(source.name):\(error.location(in: source)): \(error.message)")
            throw ExitCode(1)
        }
    }
}
