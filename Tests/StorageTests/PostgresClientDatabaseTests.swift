import Platform
import Storage
import Testing

@testable import TestSupport

/// The PostgreSQL driver's answers when the server is not there or the database is closed.
@Suite struct PostgresClientDatabaseTests {
    @Test("a server that does not answer is unreachable within the lease timeout")
    func anUnreachableServerIsReportedQuickly() async throws {
        // Port 1 has no listener: every connection attempt is refused.
        var location = PostgresLocation(host: "127.0.0.1", port: 1)
        location.tls = .disable
        location.connectTimeout = .milliseconds(300)
        let database = PostgresClientDatabase(location: location, logger: TestDatabase.logger)
        let clock = ContinuousClock()
        let started = clock.now
        let reachable = await withTaskGroup(of: Void.self) { group in
            group.addTask { try? await database.service.run() }
            defer { group.cancelAll() }
            return await database.isReachable()
        }
        #expect(!reachable)
        // Well before the minute the pool itself keeps retrying for, with room for a busy
        // machine running every test at once.
        #expect(clock.now - started < .seconds(30))
    }

    @Test("after close, the test server is no longer reachable", TestDatabase.needsPostgres)
    func closedIsUnreachable() async throws {
        let opened = try await DatabaseConnector.open(
            .postgres(TestDatabase.postgresLocation()), logger: TestDatabase.logger)
        let (before, after) = try await opened.withServices { database in
            let before = await database.isReachable()
            try await opened.close()
            return (before, await database.isReachable())
        }
        #expect(before)
        #expect(!after)
    }
}
