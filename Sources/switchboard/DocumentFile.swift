import ArgumentParser
import Foundation
import GraphQLEngine

/// Reads a GraphQL file given on the command line into a `Source` named by its path.
func readSource(path: String) throws -> Source {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw ArgumentParser.ValidationError("cannot read \(path)")
    }
    return Source(bytes: [UInt8](data), name: path)
}

/// The document limits a command applies, settable from the command line.
struct LimitOptions: ParsableArguments {
    @Option(help: "Most tokens a document may have.")
    var maxTokens: Int = ParseOptions.default.maxTokens

    @Option(help: "Deepest nesting of selections, lists and objects.")
    var maxDepth: Int = ParseOptions.default.maxDepth

    @Option(help: "Largest document, in bytes.")
    var maxBytes: Int = ParseOptions.default.maxDocumentBytes

    var parseOptions: ParseOptions {
        ParseOptions(maxTokens: maxTokens, maxDepth: maxDepth, maxDocumentBytes: maxBytes)
    }
}

/// Prints a string to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
