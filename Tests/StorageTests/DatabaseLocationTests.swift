import Settings
import Storage
import Testing

@testable import TestSupport

/// The `database` setting's forms, and errors that name the setting without showing a password.
@Suite struct DatabaseLocationTests {
    @Test func aPlainPathOrSqliteURLIsAnSQLiteFile() throws {
        #expect(try DatabaseLocation(parsing: "switchboard.sqlite") == .sqliteFile(path: "switchboard.sqlite"))
        #expect(try DatabaseLocation(parsing: "/var/lib/sb/db.sqlite") == .sqliteFile(path: "/var/lib/sb/db.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:data/db.sqlite") == .sqliteFile(path: "data/db.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite:///tmp/db.sqlite") == .sqliteFile(path: "/tmp/db.sqlite"))
        #expect(try DatabaseLocation(parsing: "sqlite::memory:") == .sqliteMemory)
    }

    @Test func aPostgresURLGivesEveryPart() throws {
        let location = try DatabaseLocation(
            parsing: "postgres://app:s%40cret@db.internal:6543/switchboard?sslmode=require&connect_timeout=3")
        var expected = PostgresLocation(
            host: "db.internal", port: 6543, username: "app", password: "s@cret", database: "switchboard")
        expected.tls = .require
        expected.connectTimeout = .seconds(3)
        #expect(location == .postgres(expected))
    }

    @Test func whatAPostgresURLLeavesOutIsLibpqsDefault() throws {
        let location = try DatabaseLocation(parsing: "postgresql://db.internal")
        #expect(location == .postgres(PostgresLocation(host: "db.internal")))
        guard case .postgres(let postgres) = location else { return }
        #expect(postgres.port == 5432)
        #expect(postgres.username == "postgres")
        #expect(postgres.database == "postgres")
        #expect(postgres.tls == .prefer)
        let named = try DatabaseLocation(parsing: "postgres://alice@[::1]:5433/?sslmode=disable&search_path=app")
        var expected = PostgresLocation(host: "::1", port: 5433, username: "alice")
        expected.tls = .disable
        expected.searchPath = "app"
        #expect(named == .postgres(expected))
    }

    @Test func theDescriptionNeverShowsThePassword() throws {
        let location = try DatabaseLocation(parsing: "postgres://app:hunter2@db:5432/sb")
        #expect(location.description == "postgres://app:***@db:5432/sb?sslmode=prefer")
        #expect(!String(reflecting: location).contains("hunter2"))
        #expect(DatabaseLocation.sqliteFile(path: "a.sqlite").description == "sqlite:a.sqlite")
    }

    @Test(arguments: [
        (
            "postgres://user:pw@/db",
            "SWITCHBOARD_DATABASE: the PostgreSQL URL needs a host, as in postgres://user:password@host:5432/database"
        ),
        (
            "postgres://user:pw@db:54x2/db",
            #"SWITCHBOARD_DATABASE: the port must be a number from 1 to 65535, not "54x2", as in postgres://user:password@host:5432/database"#
        ),
        (
            "postgres://db:70000",
            #"SWITCHBOARD_DATABASE: the port must be a number from 1 to 65535, not "70000", as in postgres://user:password@host:5432/database"#
        ),
        (
            "postgres://db/x?sslmode=always",
            #"SWITCHBOARD_DATABASE: unknown sslmode "always": expected one of disable, prefer, require, verify-full"#
        ),
        (
            "postgres://db/x?sslmod=disable",
            #"SWITCHBOARD_DATABASE: unknown parameter "sslmod" in the PostgreSQL URL: expected sslmode, connect_timeout or search_path"#
        ),
        (
            "mysql://db/x",
            #"SWITCHBOARD_DATABASE: unknown scheme "mysql": expected postgres://, postgresql://, sqlite: or a file path"#
        ),
        ("sqlite:", "SWITCHBOARD_DATABASE: expected a PostgreSQL URL, sqlite:PATH, sqlite::memory: or a file path"),
    ])
    func aBadLocationIsRefusedNamingTheSetting(text: String, message: String) {
        #expect(throws: SettingsError(message)) {
            try DatabaseLocation(parsing: text, setting: "SWITCHBOARD_DATABASE")
        }
    }

    @Test func aRefusedURLDoesNotRepeatItsPassword() {
        do {
            _ = try DatabaseLocation(parsing: "postgres://app:hunter2@db:bad/sb")
            Issue.record("a bad port was accepted")
        } catch {
            #expect(!error.description.contains("hunter2"))
            #expect(error.description.hasPrefix("database: "))
        }
    }
}
