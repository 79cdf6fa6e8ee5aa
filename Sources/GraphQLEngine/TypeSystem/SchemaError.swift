/// One thing wrong with a schema, and where: a schema may be built from several files, so
/// each place names its source.
public struct SchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    public let diagnostic: SchemaDiagnostic
    public let locations: [Location]

    public struct Location: Hashable, Sendable, CustomStringConvertible {
        public let sourceName: String
        public let location: SourceLocation

        public var description: String { "\(sourceName):\(location)" }
    }

    public var message: String { diagnostic.message }

    /// `file:line:column: message`, at the first place the error concerns.
    public var description: String {
        guard let first = locations.first else { return message }
        return "\(first): \(message)"
    }
}

/// Why a schema could not be built: every error found, in source order, not just the first.
public struct SchemaBuildError: Error, Sendable, CustomStringConvertible {
    public let errors: [SchemaError]

    public var description: String { errors.map(\.description).joined(separator: "\n") }
}
