import Foundation
import Pipeline
import Testing
import Transports

/// Loading registered operations from a JSON manifest or a directory of `.graphql` files,
/// with every hash checked against its query.
@Suite struct PersistedQueryManifestTests {
    /// A fresh directory under the temporary directory, removed after `body`.
    func inTemporaryDirectory(_ body: (URL) throws -> Void) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "apq-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try body(directory)
    }

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    let hello = "query Hello { hello }"
    var helloHash: String { PersistedQueryHash.sha256(hello) }

    @Test func aJSONObjectFromHashToQueryLoads() throws {
        try inTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("operations.json")
            // An uppercase hash is taken, and kept in lowercase.
            try write(#"{"\#(helloHash.uppercased())":"\#(hello)"}"#, to: file)
            let manifest = try PersistedQueryManifest(contentsOf: file.path)
            #expect(manifest.operations == [helloHash: hello])
        }
    }

    @Test func apollosManifestFormatLoads() throws {
        try inTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("persisted-query-manifest.json")
            try write(
                #"{"format":"apollo-persisted-query-manifest","version":1,"operations":[{"id":"\#(helloHash)","body":"\#(hello)","name":"Hello","type":"query"}]}"#,
                to: file)
            #expect(try PersistedQueryManifest(jsonFile: file.path).operations == [helloHash: hello])
        }
    }

    @Test func aHashThatIsNotTheQuerysIsReportedWithFileAndHash() throws {
        try inTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("operations.json")
            let wrong = PersistedQueryHash.sha256("{ other }")
            try write(#"{"\#(wrong)":"\#(hello)"}"#, to: file)
            let expected = PersistedQueryManifestError.hashMismatch(path: file.path, hash: wrong, computed: helloHash)
            #expect(throws: expected) { try PersistedQueryManifest(contentsOf: file.path) }
            #expect(
                expected.description
                    == "\(file.path): the query under \(wrong) does not have that hash; its sha256 is \(helloHash)")
        }
    }

    @Test func malformedManifestsSayWhatIsWrong() throws {
        try inTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("m.json")
            try write(#"{"abc":"{ hello }"}"#, to: file)
            #expect(throws: PersistedQueryManifestError.malformedHash(path: file.path, hash: "abc")) {
                try PersistedQueryManifest(jsonFile: file.path)
            }
            try write(#"{"\#(helloHash)":7}"#, to: file)
            #expect(throws: PersistedQueryManifestError.malformedEntry(path: file.path, entry: helloHash)) {
                try PersistedQueryManifest(jsonFile: file.path)
            }
            try write("[1]", to: file)
            #expect(throws: PersistedQueryManifestError.notAManifest(path: file.path)) {
                try PersistedQueryManifest(jsonFile: file.path)
            }
            try write("{}", to: file)
            #expect(throws: PersistedQueryManifestError.empty(path: file.path)) {
                try PersistedQueryManifest(jsonFile: file.path)
            }
            try write("{", to: file)
            let notJSON = #expect(throws: PersistedQueryManifestError.self) {
                try PersistedQueryManifest(jsonFile: file.path)
            }
            guard case .notJSON(let path, _)? = notJSON else {
                Issue.record("expected notJSON, got \(String(describing: notJSON))")
                return
            }
            #expect(path == file.path)
            let missing = directory.appendingPathComponent("missing.json").path
            #expect(
                throws: PersistedQueryManifestError.unreadable(path: missing, reason: "no such file or directory")
            ) { try PersistedQueryManifest(contentsOf: missing) }
        }
    }

    @Test func aDirectoryOfGraphQLFilesRegistersEachFilesExactText() throws {
        try inTemporaryDirectory { directory in
            let nested = "query Nested { hello }\n"
            try write(hello, to: directory.appendingPathComponent("Hello.graphql"))
            try write(nested, to: directory.appendingPathComponent("deeper/Nested.graphql"))
            try write("not an operation", to: directory.appendingPathComponent("README.md"))
            let manifest = try PersistedQueryManifest(contentsOf: directory.path)
            #expect(manifest.operations == [helloHash: hello, PersistedQueryHash.sha256(nested): nested])
        }
    }

    @Test func aGraphQLFileNamedAfterAnotherHashIsReported() throws {
        try inTemporaryDirectory { directory in
            let wrong = PersistedQueryHash.sha256("{ other }")
            let file = directory.appendingPathComponent("\(wrong).graphql")
            try write(hello, to: file)
            #expect(
                throws: PersistedQueryManifestError.hashMismatch(path: file.path, hash: wrong, computed: helloHash)
            ) { try PersistedQueryManifest(directory: directory.path) }
        }
    }

    @Test func aDirectoryWithoutGraphQLFilesIsAnError() throws {
        try inTemporaryDirectory { directory in
            #expect(throws: PersistedQueryManifestError.empty(path: directory.path)) {
                try PersistedQueryManifest(directory: directory.path)
            }
        }
    }
}
