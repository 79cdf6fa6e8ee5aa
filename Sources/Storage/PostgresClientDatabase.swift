import Logging
import Platform
import PostgresKit
import PostgresNIO
import SQLKit
import ServiceLifecycle
import Synchronization

/// PostgreSQL through PostgresNIO's connection pool: each `withConnection` leases one
/// connection for its body. The pool works only while its `service` runs (in the
/// server's service group, or `OpenedDatabase.withServices`).
public final class PostgresClientDatabase: Database {
    public let location: PostgresLocation
    private let client: PostgresClient
    private let logger: Logger
    /// How long a lease may wait for a connection. The pool itself retries a server it
    /// cannot reach for a minute before failing its waiters; an answer is wanted sooner.
    private let leaseTimeout: Duration
    private let isClosed = Mutex(false)

    /// Runs the pool: connections are leased only while it runs.
    public var service: any Service { client }

    /// A pool of at most `maximumConnections` connections to `location`; a lease
    /// fails after `leaseTimeout` (by default the location's connect timeout).
    public init(
        location: PostgresLocation, maximumConnections: Int = 20, leaseTimeout: Duration? = nil, logger: Logger
    ) {
        var configuration = location.clientConfiguration
        configuration.options.maximumConnections = maximumConnections
        self.location = location
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.logger = logger
        self.leaseTimeout = leaseTimeout ?? location.connectTimeout
    }

    public func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> Result
    ) async throws -> Result {
        guard !isClosed.withLock({ $0 }) else { throw DatabaseError.closed(.postgres(location)) }
        let lease = LeaseRace()
        return try await withThrowingTaskGroup(of: Result?.self) { group in
            group.addTask { [client, logger] in
                try await client.withConnection { connection in
                    // The timer gave up first: the caller has its error already.
                    guard lease.settle(.leased) else { throw CancellationError() }
                    return try await body(connection.sql(queryLogLevel: .trace, logger: logger))
                }
            }
            group.addTask { [leaseTimeout, location] in
                try await Task.sleep(for: leaseTimeout)
                guard lease.settle(.timedOut) else { return nil }
                throw DatabaseError(
                    "no connection to PostgreSQL at \(location.host):\(location.port) within \(leaseTimeout) (the log says why)"
                )
            }
            while let next = try await group.next() {
                if let result = next {
                    group.cancelAll()
                    return result
                }
            }
            // Unreachable: the lease task either returns a result or throws.
            throw CancellationError()
        }
    }

    /// Refuses later work; the pool itself stops with its service.
    public func close() {
        isClosed.withLock { $0 = true }
    }
}

/// Which came first for one lease: the connection or the timeout. Only the first
/// counts, so a body never runs once its caller was told the lease timed out.
private final class LeaseRace: Sendable {
    enum Outcome { case leased, timedOut }

    private let outcome = Mutex<Outcome?>(nil)

    /// Whether `outcome` is the first to settle the race.
    func settle(_ outcome: Outcome) -> Bool {
        self.outcome.withLock { settled in
            guard settled == nil else { return false }
            settled = outcome
            return true
        }
    }
}
