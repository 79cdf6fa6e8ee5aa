import Foundation
import GraphQLEngine

/// Loads the public schema: reads its SDL files, builds and validates the type system,
/// and gives our custom scalars their behaviour.
public enum SchemaLoader {
    /// The custom scalars `schema.graphql` may declare, with their input coercion.
    public static let scalars: [String: ScalarCoercion] = [
        "DateTime": DateTimeScalar.coercion,
        "JSON": .any,
    ]

    /// Builds the schema from SDL files; a file that cannot be read, or any error in the
    /// SDL, stops it with every error and where it is.
    public static func load(paths: [String]) throws(SchemaLoadError) -> GraphQLEngine.Schema {
        var sources: [Source] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
            sources.append(Source(bytes: [UInt8](data), name: path))
        }
        do {
            return try build(sources: sources)
        } catch {
            throw .invalid(error)
        }
    }

    /// Builds the schema from SDL sources already in memory.
    public static func build(sources: [Source]) throws(SchemaBuildError) -> GraphQLEngine.Schema {
        try GraphQLEngine.Schema(sdl: sources, scalars: scalars)
    }
}

/// Why the schema could not be loaded.
public enum SchemaLoadError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case invalid(SchemaBuildError)

    /// One line per error, each `file:line:column: message`.
    public var description: String {
        switch self {
        case .unreadable(let path): "\(path): cannot read the schema file"
        case .invalid(let error): error.description
        }
    }
}
