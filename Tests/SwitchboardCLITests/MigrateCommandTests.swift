import Foundation
import Testing

@Suite struct MigrateCommandTests {
    @Test func migrateAppliesEachMigrationOnceAndStatusListsThem() throws {
        let config = try TemporaryFile("log-level: warning\n", name: "switchboard.yaml")
        let database = URL(fileURLWithPath: config.path).deletingLastPathComponent().appendingPathComponent("sb.sqlite")
            .path
        func lines(_ result: CommandResult) -> [String] {
            result.standardOutput.split(separator: "\n").map(String.init)
        }

        let pending = try switchboard("migrate", "--status", "--database", database)
        #expect(pending.status == 0)
        // One line per migration, in order of version: "100 notifications: pending".
        let migrations = lines(pending).map { $0.replacingOccurrences(of: ": pending", with: "") }
        #expect(migrations.first == "100 notifications")
        #expect(lines(pending).allSatisfy { $0.hasSuffix(": pending") })

        let first = try switchboard("migrate", "--config", config.path, "--database", "sqlite:\(database)")
        #expect(first.status == 0)
        #expect(lines(first) == migrations.map { "Applied \($0)" })

        let second = try switchboard("migrate", "--database", database)
        #expect(second.status == 0)
        let newest = try #require(migrations.last?.split(separator: " ").first)
        #expect(second.standardOutput == "Up to date at version \(newest)\n")

        let applied = try switchboard("migrate", "--status", "--database", database)
        #expect(lines(applied) == migrations.map { "\($0): applied" })
    }

    @Test func aBadDatabaseSettingExitsOneNamingIt() throws {
        let result = try switchboard("migrate", "--database", "postgres://db:99999/sb")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--database: the port must be a number from 1 to 65535"))
    }

    @Test func aDatabaseThatCannotBeOpenedExitsOne() throws {
        let result = try switchboard("migrate", "--database", "/nonexistent-folder/sb.sqlite")
        #expect(result.status == 1)
        #expect(result.standardError.contains("cannot open the SQLite database sqlite:/nonexistent-folder/sb.sqlite"))
    }
}
