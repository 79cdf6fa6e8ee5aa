import Logging
import Platform
import SQLKit
import Storage
import Testing

@testable import TestSupport

/// Migrations on both drivers: each applied once and recorded, and a failing one
/// leaving nothing behind.
@Suite struct MigratorTests {
    @Test("every migration is applied once, then none, and each version is recorded", arguments: TestDriver.all)
    func appliesEachMigrationOnce(driver: TestDriver) async throws {
        try await driver.withDatabase { database in
            let migrator = Migrator(migrations: [
                Migration(version: 1, name: "people") { db in
                    try await db.create(table: "people").column("id", type: .bigint, .primaryKey(autoIncrement: false))
                        .column("name", type: .text).run()
                },
                Migration(version: 2, name: "people by name") { db in
                    try await db.create(index: "people_by_name").on("people").column("name").run()
                },
            ])
            let first = try await migrator.migrate(database, logger: TestDatabase.logger)
            #expect(first.map(\.version) == migrator.migrations.map(\.version))
            #expect(!first.isEmpty)
            let second = try await migrator.migrate(database, logger: TestDatabase.logger)
            #expect(second.isEmpty)
            #expect(try await migrator.appliedVersions(on: database) == Set(migrator.migrations.map(\.version)))
        }
    }

    @Test("a failing migration rolls back its changes and leaves no record", arguments: TestDriver.all)
    func aFailingMigrationLeavesNothing(driver: TestDriver) async throws {
        struct Broken: Error {}
        let migrator = Migrator(migrations: [
            Migration(version: 1, name: "first") { db in
                try await db.create(table: "first_table").column("id", type: .bigint).run()
            },
            Migration(version: 2, name: "broken") { db in
                try await db.create(table: "half_made").column("id", type: .bigint).run()
                try await db.insert(into: "first_table").columns("id").values(SQLBind(7)).run()
                throw Broken()
            },
        ])
        try await driver.withDatabase { database in
            await #expect(throws: Broken.self) { try await migrator.migrate(database, logger: TestDatabase.logger) }
            #expect(try await migrator.appliedVersions(on: database) == [1])
            let rows = try await database.withConnection { db in
                try await db.select().column("id").from("first_table").all().count
            }
            #expect(rows == 0)
            await #expect(throws: (any Error).self) {
                try await database.withConnection { db in try await db.select().column("id").from("half_made").all() }
            }
        }
    }
}

/// `transaction` on both drivers: committed when its body returns, undone when it throws.
@Suite struct TransactionTests {
    @Test("a transaction that throws leaves no row, one that returns keeps its rows", arguments: TestDriver.all)
    func rollsBackOnThrow(driver: TestDriver) async throws {
        struct Abandoned: Error {}
        try await driver.withDatabase { database in
            try await database.withConnection { db in
                try await db.create(table: "items").column("name", type: .text, .notNull).run()
            }
            await #expect(throws: Abandoned.self) {
                try await database.transaction { db in
                    try await db.insert(into: "items").columns("name").values(SQLBind("lost")).run()
                    throw Abandoned()
                }
            }
            try await database.transaction { db in
                try await db.insert(into: "items").columns("name").values(SQLBind("kept")).run()
            }
            let names = try await database.withConnection { db in
                try await db.select().column("name").from("items").all().map {
                    try $0.decode(column: "name", as: String.self)
                }
            }
            #expect(names == ["kept"])
        }
    }

    @Test("a reachable database says so", arguments: TestDriver.all)
    func isReachable(driver: TestDriver) async throws {
        let reachable = try await driver.withDatabase { database in await database.isReachable() }
        #expect(reachable)
    }
}
