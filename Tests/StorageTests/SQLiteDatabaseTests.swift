import Foundation
import Platform
import SQLKit
import Storage
import Testing

@testable import TestSupport

/// The SQLite driver: one connection shared in turn, a file that persists, and clear
/// failures.
@Suite struct SQLiteDatabaseTests {
    @Test("concurrent transactions never interleave: every increment counts")
    func concurrentTransactionsAreSerialized() async throws {
        try await TestDatabase.withSQLite { database in
            try await database.withConnection { db in
                try await db.create(table: "counter").column("value", type: .bigint, .notNull).run()
                try await db.insert(into: "counter").columns("value").values(SQLBind(0)).run()
            }
            let (tasks, increments) = (8, 25)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks {
                    group.addTask {
                        for _ in 0..<increments {
                            try await database.transaction { db in
                                let value = try await db.select().column("value").from("counter").first(
                                    decodingColumn: "value", as: Int.self)
                                // Were the lock not held across the transaction, another task's
                                // read would come in here and one of the two increments would be lost.
                                await Task.yield()
                                try await db.update("counter").set("value", to: SQLBind((value ?? 0) + 1)).run()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let total = try await database.withConnection { db in
                try await db.select().column("value").from("counter").first(decodingColumn: "value", as: Int.self)
            }
            #expect(total == tasks * increments)
        }
    }

    @Test("a file keeps its rows when opened again, with foreign keys and WAL on")
    func aFileSurvivesReopening() async throws {
        try await TestDatabase.withTemporaryDirectory { directory in
            let location = DatabaseLocation.sqliteFile(path: directory.appending(path: "kept.sqlite").path)
            try await DatabaseConnector.open(location, logger: TestDatabase.logger).withServices { database in
                try await database.withConnection { db in
                    try await db.create(table: "notes").column("text", type: .text).run()
                    try await db.insert(into: "notes").columns("text").values(SQLBind("remembered")).run()
                }
            }
            let (notes, foreignKeys, journal) = try await DatabaseConnector.open(location, logger: TestDatabase.logger)
                .withServices { database in
                    try await database.withConnection { db in
                        (
                            try await db.select().column("text").from("notes").all().map {
                                try $0.decode(column: "text", as: String.self)
                            },
                            try await db.raw("PRAGMA foreign_keys").first(decodingColumn: "foreign_keys", as: Int.self),
                            try await db.raw("PRAGMA journal_mode").first(
                                decodingColumn: "journal_mode", as: String.self)
                        )
                    }
                }
            #expect(notes == ["remembered"])
            #expect(foreignKeys == 1)
            #expect(journal == "wal")
        }
    }

    @Test("after close, work fails and the database is not reachable")
    func closedIsUnreachable() async throws {
        let opened = try await DatabaseConnector.open(.sqliteMemory, logger: TestDatabase.logger)
        #expect(await opened.database.isReachable())
        try await opened.close()
        #expect(await !opened.database.isReachable())
        await #expect(throws: DatabaseError("the database sqlite::memory: is closed")) {
            try await opened.database.withConnection { _ in 1 }
        }
    }

    @Test("a file that cannot be opened is a clear error naming it")
    func aMissingFolderIsAnError() async throws {
        let path = "/nonexistent-\(UUID().uuidString)/db.sqlite"
        do {
            _ = try await DatabaseConnector.open(.sqliteFile(path: path), logger: TestDatabase.logger)
            Issue.record("opened \(path)")
        } catch let error as DatabaseError {
            #expect(error.description.hasPrefix("cannot open the SQLite database sqlite:\(path)"))
        }
    }
}
