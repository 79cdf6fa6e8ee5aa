import ArgumentParser
import Gateway
import GraphQLEngine
import Pipeline
import Schema

/// `switchboard validate --schema S FILE...`: validates operation documents against the
/// schema, as the server would before executing them — what frontend teams run in CI.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate GraphQL operations against the schema.",
        discussion: """
            Applies the spec's validation rules and, unless --spec-only, the limits the \
            server is configured with (depth, aliases, root fields, introspection depth). \
            Errors are printed as file:line:column: message, or with --json as a JSON array \
            of {message, locations, rule, file}. Exits with status 1 when any document has \
            an error.
            """
    )

    @Option(name: .customLong("schema"), help: "The schema's SDL files (repeat for several).")
    var schemaPaths: [String] = ["schema.graphql"]

    @ArgumentParser.Argument(help: "GraphQL operation documents to validate.")
    var files: [String]

    @Flag(help: "Print errors as JSON.")
    var json = false

    @Flag(help: "Apply the spec's rules only, without the server's limits.")
    var specOnly = false

    @Option(help: "Deepest selection nesting an operation may have (default: the server's).")
    var maxQueryDepth: Int?

    @Option(help: "Most aliases an operation may have (default: the server's).")
    var maxAliases: Int?

    @Option(help: "Most root fields an operation may select (default: the server's).")
    var maxRootFields: Int?

    @Flag(help: "Refuse __schema and __type, as a server with introspection off does.")
    var noIntrospection = false

    func run() throws {
        let schema = try loadSchema(schemaPaths)
        let server = GatewayConfiguration()
        var options = specOnly ? ValidationOptions.specOnly : server.validation
        if !specOnly {
            var limits = options.limits ?? OperationLimits()
            limits.maxDepth = maxQueryDepth ?? limits.maxDepth
            limits.maxAliases = maxAliases ?? limits.maxAliases
            limits.maxRootFields = maxRootFields ?? limits.maxRootFields
            options.limits = limits
        }
        if noIntrospection { options.allowsIntrospection = false }

        var report = ErrorReport()
        for path in files {
            let source = try readSource(path: path)
            do {
                let document = try Parser.parse(source, options: server.documentLimits)
                for error in Validator.errors(in: document, against: schema, options: options) {
                    report.add(error.message, locations: error.locations(in: source), rule: error.rule, file: path)
                }
            } catch {
                report.add(error.message, locations: [error.location(in: source)], rule: "Syntax", file: path)
            }
        }
        report.print(asJSON: json)
        if !report.isEmpty { throw ExitCode(1) }
    }
}

/// Builds the schema from its files, or prints every error in it and exits with status 1.
func loadSchema(_ paths: [String]) throws -> GraphQLEngine.Schema {
    do {
        return try SchemaLoader.load(paths: paths)
    } catch {
        printError(error.description)
        throw ExitCode(1)
    }
}

/// Errors found in documents, printed as `file:line:column: message` lines on standard
/// error, or as one JSON array on standard output.
struct ErrorReport {
    private var entries: [(message: String, locations: [SourceLocation], rule: String, file: String)] = []

    var isEmpty: Bool { entries.isEmpty }

    mutating func add(_ message: String, locations: [SourceLocation], rule: String, file: String) {
        entries.append((message, locations, rule, file))
    }

    func print(asJSON: Bool) {
        guard asJSON else {
            for entry in entries {
                let place = entry.locations.first.map { "\(entry.file):\($0)" } ?? entry.file
                printError("\(place): \(entry.message)")
            }
            return
        }
        var writer = JSONWriter()
        writer.raw(UInt8(ascii: "["))
        for (index, entry) in entries.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            writer.raw(UInt8(ascii: "{"))
            GraphQLError(message: entry.message, locations: entry.locations).writeMembers(to: &writer)
            writer.raw(",\"rule\":")
            writer.string(entry.rule)
            writer.raw(",\"file\":")
            writer.string(entry.file)
            writer.raw(UInt8(ascii: "}"))
        }
        writer.raw(UInt8(ascii: "]"))
        Swift.print(writer.text)
    }
}
