import Foundation
import Gateway
import Settings
import Testing

@testable import TestSupport

/// The `persisted-queries.*` settings: once read, they make the gateway's mode, and the
/// manifest they name is read, its errors naming the setting.
extension ServerConfigurationTests {
    @Test func persistedQueriesAreAutomaticWithTheirCacheSizeUnlessSet() throws {
        #expect(try load().gateway.persistedQueries == .automatic(maxEntries: 10_000))
        #expect(
            try load(flags: ["persisted-queries.max-entries": "50"]).gateway.persistedQueries
                == .automatic(maxEntries: 50))
        #expect(
            try load(environment: ["SWITCHBOARD_PERSISTED_QUERIES_MODE": "off"]).gateway.persistedQueries == .disabled)
    }

    @Test func anAllowListRunsTheOperationsOfItsManifest() throws {
        let directory = FileManager.default.temporaryDirectory.appending(path: UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("query Status { realtimeStatus { status } }".utf8).write(
            to: directory.appending(path: "status.graphql"))

        let configuration = try load(
            yaml: "persisted-queries:\n  mode: allow-list\n  manifest: \(directory.path)\n")
        #expect(configuration.gateway.persistedQueries == .allowList)
        #expect(configuration.gateway.registeredOperations.count == 1)
    }

    @Test func aManifestThatCannotBeReadIsNamedAsTheSettingThatNamedIt() {
        #expect(
            throws: SettingsError(
                "--persisted-queries-manifest: /nonexistent/ops.json: cannot be read: no such file or directory")
        ) {
            try load(flags: ["persisted-queries.manifest": "/nonexistent/ops.json"])
        }
    }
}
