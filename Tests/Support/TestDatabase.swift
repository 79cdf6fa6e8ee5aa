import Foundation
import Logging
import Platform
import SQLKit
import Storage
import Testing

/// The drivers a storage test runs on, as a test's arguments:
/// `@Test(arguments: TestDriver.all) func x(driver: TestDriver)` then
/// `try await driver.withDatabase { database in ... }`.
///
/// PostgreSQL is among them only when `SWITCHBOARD_TEST_POSTGRES_URL` names a server
/// (`scripts/test` starts one). Without it, `PostgresAvailabilityTests` is reported as
/// skipped with the reason: Swift Testing 6.3 reports a cancelled test case as passed,
/// so leaving the case out is how it never passes without running.
enum TestDriver: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    /// The drivers this run can test.
    static var all: [TestDriver] { TestDatabase.postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }

    var testDescription: String { rawValue }

    /// A fresh, empty database of this driver for `body`, removed after it.
    func withDatabase<Value: Sendable>(_ body: (any Database) async throws -> Value) async throws -> Value {
        switch self {
        case .sqlite: try await TestDatabase.withSQLite(body)
        case .postgres: try await TestDatabase.withPostgres(body)
        }
    }
}

/// Throwaway databases for tests: SQLite in a temporary folder, and PostgreSQL in a
/// schema of its own on the server `SWITCHBOARD_TEST_POSTGRES_URL` names (which
/// `scripts/test` starts), so parallel tests and runs never see each other's tables.
enum TestDatabase {
    static let postgresVariable = "SWITCHBOARD_TEST_POSTGRES_URL"
    static let postgresMissing: Comment =
        "SWITCHBOARD_TEST_POSTGRES_URL is not set; scripts/test starts PostgreSQL and sets it"

    /// The test server's URL, when there is one.
    static var postgresURL: String? {
        ProcessInfo.processInfo.environment[postgresVariable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// For a test or suite that needs PostgreSQL whatever its arguments:
    /// `@Test(TestDatabase.needsPostgres)`.
    static var needsPostgres: ConditionTrait { .enabled(if: postgresURL != nil, postgresMissing) }

    static let logger: Logger = {
        var logger = Logger(label: "switchboard.test.database")
        logger.logLevel = .critical
        return logger
    }()

    /// A temporary folder, removed when `body` ends.
    static func withTemporaryDirectory<Value>(_ body: (URL) async throws -> Value) async throws -> Value {
        let directory = FileManager.default.temporaryDirectory.appending(path: "switchboard-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try await body(directory)
    }

    /// A new SQLite file in a temporary folder.
    static func withSQLite<Value: Sendable>(_ body: (any Database) async throws -> Value) async throws -> Value {
        try await withTemporaryDirectory { directory in
            let location = DatabaseLocation.sqliteFile(path: directory.appending(path: "test.sqlite").path)
            return try await DatabaseConnector.open(location, logger: logger).withServices(body)
        }
    }

    /// The test server's location: for tests that are `needsPostgres`, or given the
    /// `.postgres` driver.
    static func postgresLocation() throws -> PostgresLocation {
        guard let url = postgresURL else { throw DatabaseError(postgresMissing.rawValue) }
        guard case .postgres(let location) = try DatabaseLocation(parsing: url, setting: postgresVariable) else {
            throw DatabaseError("\(postgresVariable) does not name a PostgreSQL server")
        }
        return location
    }

    /// A new schema on the test server, first in the search path of every connection
    /// `body` gets, dropped with everything in it afterwards.
    static func withPostgres<Value: Sendable>(_ body: (any Database) async throws -> Value) async throws -> Value {
        let server = try postgresLocation()
        let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        return try await DatabaseConnector.open(.postgres(server), logger: logger).withServices { admin in
            try await admin.withConnection { try await $0.raw("CREATE SCHEMA \(ident: schema)").run() }
            var scoped = server
            scoped.searchPath = schema
            do {
                let value = try await DatabaseConnector.open(.postgres(scoped), logger: logger).withServices(body)
                try await admin.withConnection { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
                return value
            } catch {
                try? await admin.withConnection { try await $0.raw("DROP SCHEMA \(ident: schema) CASCADE").run() }
                throw error
            }
        }
    }
}

/// Says, as a skipped test with the reason, when the PostgreSQL cases of the storage
/// tests are left out of this run.
@Suite struct PostgresAvailabilityTests {
    @Test("the storage tests run on PostgreSQL too", TestDatabase.needsPostgres)
    func storageTestsRunOnPostgres() async throws {
        #expect(TestDriver.all.contains(.postgres))
        let schema = try await TestDriver.postgres.withDatabase { database in
            try await database.withConnection { db in
                try await db.raw("SELECT current_schema() AS name").first(decodingColumn: "name", as: String.self)
            }
        }
        // Each test's tables go into a schema of its own.
        #expect(schema?.hasPrefix("t_") == true)
    }
}
