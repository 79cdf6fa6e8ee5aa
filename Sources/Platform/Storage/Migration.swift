import SQLKit

/// One versioned change to the database's tables. Migrations are applied in order of
/// version, each in its own transaction, and recorded in `switchboard_migrations`; a
/// version once released never changes (a later one alters what it made).
public struct Migration: Sendable {
    public let version: Int
    public let name: String
    public let apply: @Sendable (any SQLDatabase) async throws -> Void

    public init(version: Int, name: String, apply: @escaping @Sendable (any SQLDatabase) async throws -> Void) {
        self.version = version
        self.name = name
        self.apply = apply
    }
}

extension SQLDatabase {
    /// The type of an auto-numbered key column: SQLite numbers only an `INTEGER PRIMARY
    /// KEY` by itself, PostgreSQL a 64-bit identity column.
    public var autoNumberedKey: SQLDataType {
        isPostgres ? .bigint : .custom(SQLRaw("INTEGER"))
    }
}
