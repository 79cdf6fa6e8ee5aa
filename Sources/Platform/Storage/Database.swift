import SQLKit

/// Where the domains' stores keep their rows: SQL written once with SQLKit, run on
/// SQLite (the embedded default) or PostgreSQL. The gateway supplies the driver.
///
/// Every statement runs on a connection leased for it, so that a transaction's
/// statements never mix with anyone else's.
public protocol Database: Sendable {
    /// Runs `body` on one connection, held for the whole of it.
    func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result
}

extension Database {
    /// Runs `body` as one transaction: committed when it returns, rolled back when it
    /// throws, so a failed write leaves nothing half-written.
    public func transaction<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await withConnection { connection in
            try await connection.raw("BEGIN").run()
            let result: Result
            do {
                result = try await body(connection)
            } catch {
                try? await connection.raw("ROLLBACK").run()
                throw error
            }
            try await connection.raw("COMMIT").run()
            return result
        }
    }

    /// Whether the database answers a trivial query: what `/ready` asks.
    public func isReachable() async -> Bool {
        do {
            return try await withConnection { connection in
                try await connection.raw("SELECT 1 AS one").first() != nil
            }
        } catch {
            return false
        }
    }
}

extension SQLDatabase {
    /// Whether this is PostgreSQL, for the few statements the two drivers write
    /// differently (key columns, advisory locks).
    public var isPostgres: Bool { dialect.name == "postgresql" }
}
