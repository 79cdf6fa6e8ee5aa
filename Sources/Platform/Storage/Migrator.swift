import Foundation
import Logging
import SQLKit

/// Brings a database up to the newest version of the migrations: at start-up and by
/// `switchboard migrate`.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    static let table = "switchboard_migrations"

    /// Migrations must be numbered uniquely; they are applied in order of version.
    public init(migrations: [Migration]) {
        precondition(Set(migrations.map(\.version)).count == migrations.count, "two migrations share a version")
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The versions already applied to `database`.
    public func appliedVersions(on database: any Database) async throws -> Set<Int> {
        try await database.withConnection { connection in
            try await Self.createTable(on: connection)
            return try await Self.versions(on: connection)
        }
    }

    /// Applies every migration not yet applied, oldest first, and returns them. Each runs
    /// in a transaction with its record, so a failure leaves the database at the last
    /// version that succeeded. On PostgreSQL an advisory lock keeps instances that start
    /// together from applying the same migration twice.
    @discardableResult
    public func migrate(_ database: any Database, logger: Logger) async throws -> [Migration] {
        try await database.withConnection { connection in try await Self.createTable(on: connection) }
        var applied: [Migration] = []
        for migration in migrations {
            let ran = try await database.transaction { connection in
                if connection.isPostgres {
                    // Held until this transaction ends; a second instance waits here.
                    try await connection.raw("SELECT pg_advisory_xact_lock(7305916112)").run()
                }
                let present = try await connection.select().column("version").from(Self.table)
                    .where("version", .equal, migration.version).first()
                guard present == nil else { return false }
                try await migration.apply(connection)
                try await connection.insert(into: Self.table)
                    .columns("version", "name", "applied_at")
                    .values(
                        SQLBind(migration.version), SQLBind(migration.name),
                        SQLBind(Int64(Date().timeIntervalSince1970 * 1000))
                    )
                    .run()
                return true
            }
            if ran {
                logger.info("Applied migration \(migration.version) (\(migration.name))")
                applied.append(migration)
            }
        }
        return applied
    }

    private static func createTable(on connection: any SQLDatabase) async throws {
        try await connection.create(table: table).ifNotExists()
            .column("version", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .bigint, .notNull)
            .run()
    }

    private static func versions(on connection: any SQLDatabase) async throws -> Set<Int> {
        let rows = try await connection.select().column("version").from(table).all()
        return Set(try rows.map { try $0.decode(column: "version", as: Int.self) })
    }
}
