import GraphQLEngine

/// The SDL files a schema is built from, read and parsed as trusted input.
///
/// Issue 3 builds the type system from these documents; for now this is where the one
/// public `schema.graphql` is read and its syntax checked at start-up.
public struct SchemaSource: Sendable {
    public let sources: [Source]
    public let documents: [Document]

    /// Parses each source, failing on the first syntax error with the file it is in.
    public init(sources: [Source]) throws(SchemaLoadError) {
        var documents: [Document] = []
        for source in sources {
            do {
                documents.append(try Parser.parse(source, options: .trusted))
            } catch {
                throw SchemaLoadError(source: source, error: error)
            }
        }
        self.sources = sources
        self.documents = documents
    }
}

/// A syntax error in one of the schema's files, reported as `file:line:column: message`.
public struct SchemaLoadError: Error, CustomStringConvertible {
    public let source: Source
    public let error: SyntaxError

    public var description: String {
        "\(source.name):\(error.location(in: source)): \(error.message)"
    }
}
