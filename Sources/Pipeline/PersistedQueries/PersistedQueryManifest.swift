import Foundation
import GraphQLEngine

/// Operations registered ahead of time, read from a file or a directory:
///
/// - a JSON object from hash to query text, `{"<sha256>": "query ..."}`;
/// - Apollo's persisted query manifest, `{"format": "apollo-persisted-query-manifest",
///   "version": 1, "operations": [{"id": "<sha256>", "body": "query ...", ...}]}`;
/// - a directory of `.graphql` files (searched recursively), each file's exact text one
///   operation, hashed as it is. A file named after a hash must have that hash.
///
/// Every hash is checked against its query, so a stale manifest fails at start-up, named
/// by file and hash, rather than refusing operations later.
public struct PersistedQueryManifest: Equatable, Sendable {
    /// Hash (lowercase) to query text.
    public var operations: [String: String]

    /// Reads the JSON file or the directory at `path`.
    public init(contentsOf path: String) throws(PersistedQueryManifestError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, reason: "no such file or directory")
        }
        if isDirectory.boolValue {
            try self.init(directory: path)
        } else {
            try self.init(jsonFile: path)
        }
    }

    /// Reads a JSON manifest: hash to query, or Apollo's format.
    public init(jsonFile path: String) throws(PersistedQueryManifestError) {
        let json: InputValue
        do {
            json = try JSONReader.read(bytes: try Self.bytes(at: path), maxDepth: 16)
        } catch let error as JSONReader.Error {
            throw .notJSON(path: path, reason: error.description)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        guard case .object(let members) = json else { throw .notAManifest(path: path) }
        var operations: [String: String] = [:]
        if case .string("apollo-persisted-query-manifest")? = members["format"] {
            guard case .list(let entries)? = members["operations"] else { throw .notAManifest(path: path) }
            for (index, entry) in entries.enumerated() {
                guard case .object(let fields) = entry, case .string(let hash)? = fields["id"],
                    case .string(let query)? = fields["body"]
                else { throw .malformedEntry(path: path, entry: "operations[\(index)]") }
                try Self.add(query, hash: hash, from: path, to: &operations)
            }
        } else {
            for (hash, value) in members {
                guard case .string(let query) = value else { throw .malformedEntry(path: path, entry: hash) }
                try Self.add(query, hash: hash, from: path, to: &operations)
            }
        }
        guard !operations.isEmpty else { throw .empty(path: path) }
        self.operations = operations
    }

    /// Reads every `.graphql` file under `path`.
    public init(directory path: String) throws(PersistedQueryManifestError) {
        let root = URL(fileURLWithPath: path, isDirectory: true)
        guard let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
            throw .unreadable(path: path, reason: "the directory cannot be listed")
        }
        var operations: [String: String] = [:]
        for case let file as URL in files where file.pathExtension == "graphql" {
            let bytes: [UInt8]
            do {
                bytes = try Self.bytes(at: file.path)
            } catch {
                throw .unreadable(path: file.path, reason: "\(error)")
            }
            let query = String(decoding: bytes, as: UTF8.self)
            let hash = PersistedQueryHash.sha256(query)
            let name = file.deletingPathExtension().lastPathComponent
            if PersistedQueryHash.isWellFormed(name) {
                try Self.add(query, hash: name, from: file.path, to: &operations)
            } else {
                operations[hash] = query
            }
        }
        guard !operations.isEmpty else { throw .empty(path: path) }
        self.operations = operations
    }

    private static func bytes(at path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// Adds `query` under `hash` after checking that it is its hash.
    private static func add(
        _ query: String, hash: String, from path: String, to operations: inout [String: String]
    ) throws(PersistedQueryManifestError) {
        guard PersistedQueryHash.isWellFormed(hash) else { throw .malformedHash(path: path, hash: hash) }
        let computed = PersistedQueryHash.sha256(query)
        guard computed == hash.lowercased() else {
            throw .hashMismatch(path: path, hash: hash, computed: computed)
        }
        operations[computed] = query
    }
}

/// Why a persisted query manifest cannot be used, naming the file and the entry.
public enum PersistedQueryManifestError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notJSON(path: String, reason: String)
    /// The JSON is neither an object from hash to query nor Apollo's manifest format.
    case notAManifest(path: String)
    /// An entry that is not a query string (or, in Apollo's format, an object with a
    /// string `id` and `body`).
    case malformedEntry(path: String, entry: String)
    case malformedHash(path: String, hash: String)
    case hashMismatch(path: String, hash: String, computed: String)
    case empty(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "\(path): cannot be read: \(reason)"
        case .notJSON(let path, let reason): "\(path): not JSON: \(reason)"
        case .notAManifest(let path):
            "\(path): expected an object from sha256 hash to query, or an apollo-persisted-query-manifest"
        case .malformedEntry(let path, let entry):
            "\(path): entry \(entry) is not a query (a string; in Apollo's format, an object with string id and body)"
        case .malformedHash(let path, let hash): "\(path): \"\(hash)\" is not a sha256 hash (64 hexadecimal digits)"
        case .hashMismatch(let path, let hash, let computed):
            "\(path): the query under \(hash) does not have that hash; its sha256 is \(computed)"
        case .empty(let path): "\(path): no operations"
        }
    }
}
