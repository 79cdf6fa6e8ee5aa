import Foundation
import Logging
import Platform
import SQLKit
import SQLiteKit
import Synchronization

/// SQLite through one connection, the embedded default. SQLite writes one transaction
/// at a time anyway; one connection whose users queue in order (a `FIFOLock`) keeps
/// each one's statements together, so a transaction never sees another's.
///
/// `withConnection` must not be called again from inside its own body: the inner call
/// would wait for the outer one forever.
public final class SQLiteDatabase: Database {
    public let location: DatabaseLocation
    private let connection: SQLiteConnection
    private let sql: any SQLDatabase
    private let lock = FIFOLock()
    private let isClosed = Mutex(false)

    /// How long, in milliseconds, a statement waits for another process's write lock
    /// (`switchboard migrate` run beside a server) before failing with "database is locked".
    static let busyTimeoutMilliseconds = 5_000

    /// Opens `location`'s file (created when missing; its folder must exist) or memory,
    /// with foreign keys enforced and, for a file, write-ahead logging so readers in
    /// other processes do not block the writer.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> SQLiteDatabase {
        let storage: SQLiteConnection.Storage
        switch location {
        case .sqliteFile(let path): storage = .file(path: path)
        case .sqliteMemory: storage = .memory
        case .postgres: throw DatabaseError("\(location) is not an SQLite database")
        }
        let connection: SQLiteConnection
        do {
            connection = try await SQLiteConnection.open(storage: storage, logger: logger)
        } catch {
            throw DatabaseError("cannot open the SQLite database \(location): \(error)")
        }
        let database = SQLiteDatabase(location: location, connection: connection, logger: logger)
        do {
            try await database.sql.raw("PRAGMA foreign_keys = ON").run()
            try await database.sql.raw("PRAGMA busy_timeout = \(literal: busyTimeoutMilliseconds)").run()
            if case .sqliteFile = location {
                // Answers the mode now in force: "wal", or "memory"/"delete" where WAL is not possible.
                try await database.sql.raw("PRAGMA journal_mode = WAL").run()
            }
        } catch {
            try? await connection.close()
            throw DatabaseError("cannot use the SQLite database \(location): \(error)")
        }
        return database
    }

    private init(location: DatabaseLocation, connection: SQLiteConnection, logger: Logger) {
        self.location = location
        self.connection = connection
        self.sql = connection.sql(queryLogLevel: .trace)
    }

    public func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        try await lock.withLock {
            guard !isClosed.withLock({ $0 }) else { throw DatabaseError.closed(location) }
            return try await body(sql)
        }
    }

    /// Closes the connection once the work already queued is done; later work fails.
    public func close() async throws {
        try await lock.withLock {
            let wasClosed = isClosed.withLock { closed in
                defer { closed = true }
                return closed
            }
            if !wasClosed { try await connection.close() }
        }
    }
}
