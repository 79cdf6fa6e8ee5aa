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
        try await evaluate(script, [RedisScriptCall(keys: keys, arguments: arguments.map { Array($0.utf8) })])[0]
    }

    /// Runs `script` once per call, in one round trip (a pipeline of EVALSHA); the calls
    /// that meet NOSCRIPT are sent again with the source, in order, in a second one.
    public func evaluate(_ script: RedisScript, _ calls: [RedisScriptCall]) async throws -> [RedisValue] {
        func command(_ name: String, _ body: String, _ call: RedisScriptCall) -> [[UInt8]] {
            [Array(name.utf8), Array(body.utf8), Array(String(call.keys.count).utf8)] + call.keys.map { Array($0.utf8) }
                + call.arguments
        }
        var replies = try await pipeline(calls.map { command("EVALSHA", script.sha1, $0) })
        let unknown = replies.indices.filter { index in
            if case .error(let message) = replies[index] { return message.hasPrefix("NOSCRIPT") }
            return false
        }
        guard !unknown.isEmpty else { return replies }
        let retried = try await pipeline(unknown.map { command("EVAL", script.source, calls[$0]) })
        for (index, reply) in zip(unknown, retried) {
            replies[index] = reply
        }
        return replies
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

/// One run of a script: its KEYS (in a cluster, of one slot) and ARGV, binary-safe.
public struct RedisScriptCall: Sendable, Equatable {
    public var keys: [String]
    public var arguments: [[UInt8]]

    public init(keys: [String], arguments: [[UInt8]]) {
        self.keys = keys
        self.arguments = arguments
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
