import ArgumentParser
import Foundation
import Gateway
import GraphQLEngine
import Pipeline
import Schema

/// `switchboard execute --schema S --root-value data.json FILE`: executes an operation
/// against default resolvers that read the keys of a JSON root value, and prints the
/// response as the spec shapes it.
struct Execute: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Execute a GraphQL operation against a JSON root value.",
        discussion: """
            Fields resolve to the keys of the same name in the root value; an object \
            of an interface or union names its type with a "__typename" key. Prints \
            {"data": ...}, with "errors" first when there are any. Exits with status 1 \
            when the request fails before execution (syntax, validation, variables).
            """
    )

    @Option(name: .customLong("schema"), help: "The schema's SDL files (repeat for several).")
    var schemaPaths: [String] = ["schema.graphql"]

    @Option(help: "A JSON file holding the root value.")
    var rootValue: String?

    @Option(help: "The variables, as a JSON object.")
    var variables: String?

    @Option(help: "The operation to run, when the document has several.")
    var operation: String?

    @ArgumentParser.Argument(help: "The GraphQL document.")
    var file: String

    func run() async throws {
        let schema = try loadSchema(schemaPaths)
        let server = GatewayConfiguration()
        let root = try rootValue.map { path in try readJSON(path: path, what: "root value") } ?? .object([:])
        var inputs: [String: InputValue] = [:]
        if let variables {
            guard case .object(let fields) = try parseJSON(variables, what: "--variables") else {
                throw ArgumentParser.ValidationError("--variables must be a JSON object")
            }
            inputs = fields
        }
        let source = try readSource(path: file)
        let text = String(decoding: source.bytes, as: UTF8.self)
        let entry = DocumentCache.Entry(
            parsing: text, schema: schema, parseOptions: server.documentLimits, validationOptions: server.validation)
        switch entry {
        case .syntaxError(let error):
            print(ExecutionResponse(data: nil, errors: [error]).text)
            throw ExitCode(1)
        case .invalid(let errors):
            print(ExecutionResponse(data: nil, errors: errors).text)
            throw ExitCode(1)
        case .valid(let document):
            let response = await Executor().execute(
                document, operationName: operation, variables: inputs, rootValue: root)
            print(response.text)
            if response.data == nil { throw ExitCode(1) }
        }
    }

    private func readJSON(path: String, what: String) throws -> InputValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ArgumentParser.ValidationError("cannot read the \(what) file \(path)")
        }
        do {
            return try JSONReader.read(bytes: [UInt8](data))
        } catch {
            throw ArgumentParser.ValidationError("\(path): \(error)")
        }
    }

    private func parseJSON(_ text: String, what: String) throws -> InputValue {
        do {
            return try JSONReader.read(text)
        } catch {
            throw ArgumentParser.ValidationError("\(what): \(error)")
        }
    }
}
