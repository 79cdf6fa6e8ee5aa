import Crypto
import Dispatch
import Foundation
import Logging

/// Redis through hiredis: a pool of blocking connections whose calls run on threads of
/// their own, never on an event loop or the concurrency pool's few threads. A command,
/// a pipeline (one round trip for many commands) and scripts by SHA with the source as
/// fallback.
public final class RedisClient: Sendable {
    public let endpoint: RedisEndpoint
    private let pool: RedisConnectionPool
    private let logger: Logger
    /// Where the blocking calls run: one thread per call in flight, at most the pool's
    /// size.
    private let queue = DispatchQueue(label: "switchboard.redis", attributes: .concurrent)

    /// A client of at most `maximumConnections` connections; a caller waits at most
    /// `leaseTimeout` for one to come free.
    public init(
        endpoint: RedisEndpoint, maximumConnections: Int = 8, leaseTimeout: Duration = .seconds(5), logger: Logger
    ) {
        _ = Self.ignoreBrokenPipes
        self.endpoint = endpoint
        self.logger = logger
        pool = RedisConnectionPool(maximum: maximumConnections, leaseTimeout: leaseTimeout)
    }

    /// hiredis writes with plain `write`: to a server that went away that raises
    /// SIGPIPE, which would end the process. Ignored once, process-wide, so the write
    /// fails with EPIPE instead and the connection is dropped.
    private static let ignoreBrokenPipes: Void = {
        signal(SIGPIPE, SIG_IGN)
    }()

    /// One command: `try await redis.send("SET", "key", "value")`.
    @discardableResult
    public func send(_ arguments: String...) async throws -> RedisValue {
        try await send(arguments.map { Array($0.utf8) })
    }

    @discardableResult
    public func send(_ arguments: [[UInt8]]) async throws -> RedisValue {
        try await pipeline([arguments])[0]
    }

    /// Commands sent together, their replies in order: one round trip.
    public func pipeline(_ commands: [[[UInt8]]]) async throws -> [RedisValue] {
        guard !commands.isEmpty else { return [] }
        return try await withConnection { connection in try connection.pipeline(commands) }
    }

    /// Runs `script` by its SHA1 (EVALSHA); when this Redis does not know it yet
    /// (NOSCRIPT, after a restart say), sends the source (EVAL), which loads it.
    public func evaluate(_ script: RedisScript, keys: [String], arguments: [String]) async throws -> RedisValue {
        let tail = [Array(String(keys.count).utf8)] + keys.map { Array($0.utf8) } + arguments.map { Array($0.utf8) }
        let reply = try await send([Array("EVALSHA".utf8), Array(script.sha1.utf8)] + tail)
        if case .error(let message) = reply, message.hasPrefix("NOSCRIPT") {
            return try await send([Array("EVAL".utf8), Array(script.source.utf8)] + tail)
        }
        return reply
    }

    /// Refuses later calls; connections close as they come back.
    public func shutdown() async {
        pool.close()
    }

    /// Runs `body` with a leased connection on a thread of the client's queue; the
    /// connection goes back to the pool from that thread.
    private func withConnection<Result: Sendable>(
        _ body: @escaping @Sendable (RedisConnection) throws -> Result
    ) async throws -> Result {
        let lease = try await pool.lease()
        let leased: LeasedConnection
        switch lease {
        case .connection(let connection):
            leased = connection
        case .make:
            do {
                leased = try await blocking { [endpoint] in LeasedConnection(try RedisConnection(endpoint)) }
                pool.connected()
            } catch let error as RedisError {
                logger.debug("Cannot connect to Redis", metadata: ["endpoint": "\(endpoint)", "error": "\(error)"])
                pool.failedToConnect(error)
                throw error
            }
        }
        return try await blocking { [pool] in
            defer { pool.release(leased) }
            return try body(leased.connection)
        }
    }

    /// `work` on a thread of the queue; the caller's task waits without holding a thread.
    private func blocking<Result: Sendable>(
        _ work: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            queue.async {
                do {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }
}

/// A Lua script kept by Redis under its SHA1.
public struct RedisScript: Sendable {
    public let source: String
    public let sha1: String

    public init(_ source: String) {
        self.source = source
        sha1 = Insecure.SHA1.hash(data: Data(source.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
