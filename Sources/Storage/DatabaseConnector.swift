import Logging
import Platform
import ServiceLifecycle

/// Opens the database a location names, with the driver it needs.
public enum DatabaseConnector {
    /// SQLite is opened here and now (a file that cannot be opened fails here);
    /// PostgreSQL connects when its service runs and work is asked of it.
    public static func open(_ location: DatabaseLocation, logger: Logger) async throws -> OpenedDatabase {
        switch location {
        case .sqliteFile, .sqliteMemory:
            let database = try await SQLiteDatabase.open(location, logger: logger)
            return OpenedDatabase(location: location, database: database, services: []) {
                try await database.close()
            }
        case .postgres(let postgres):
            let database = PostgresClientDatabase(location: postgres, logger: logger)
            return OpenedDatabase(location: location, database: database, services: [database.service]) {
                database.close()
            }
        }
    }
}

/// An open database, with what must run for it to work.
public struct OpenedDatabase: Sendable {
    public let location: DatabaseLocation
    public let database: any Database
    /// To run for as long as the database is used (PostgreSQL's connection pool); none
    /// for SQLite. The server adds them to its service group.
    public let services: [any Service]
    private let closeDatabase: @Sendable () async throws -> Void

    init(
        location: DatabaseLocation, database: any Database, services: [any Service],
        close: @escaping @Sendable () async throws -> Void
    ) {
        self.location = location
        self.database = database
        self.services = services
        self.closeDatabase = close
    }

    /// Ends the database's use: later work fails. SQLite's file is closed once the work
    /// already queued is done; PostgreSQL's pool stops with its services.
    public func close() async throws {
        try await closeDatabase()
    }

    /// Runs `body` with the services running, then stops them and closes the database:
    /// for a command or a test that uses the database and ends.
    public func withServices<Value: Sendable>(_ body: (any Database) async throws -> Value) async throws -> Value {
        let outcome: Result<Value, any Error> = await withTaskGroup(of: Void.self) { group in
            for service in services {
                // A pool that stops early shows as failing leases, with their reason.
                group.addTask { try? await service.run() }
            }
            defer { group.cancelAll() }
            do {
                return .success(try await body(database))
            } catch {
                return .failure(error)
            }
        }
        do {
            try await close()
        } catch {
            // The body's own error says more than a failed close after it.
            if case .success = outcome { throw error }
        }
        return try outcome.get()
    }
}
