import CHiredis
import Foundation

/// One blocking hiredis connection. Not thread-safe: the pool lends it to one caller at
/// a time, and calls it on a thread of its own, never on an event loop.
final class RedisConnection {
    let context: UnsafeMutablePointer<redisContext>
    let endpoint: RedisEndpoint

    /// Connects within `endpoint.connectTimeout`; each command then waits at most
    /// `endpoint.commandTimeout` for its reply. Authenticates and selects the database
    /// the endpoint names.
    init(_ endpoint: RedisEndpoint) throws(RedisError) {
        guard
            let context = redisConnectWithTimeout(
                endpoint.host, Int32(endpoint.port), Self.timeval(endpoint.connectTimeout))
        else { throw RedisError(.connection, "cannot allocate a connection") }
        self.context = context
        self.endpoint = endpoint
        // Every stored property is set: from here a throw still runs deinit, which
        // frees the context.
        if context.pointee.err != 0 {
            throw RedisError(.connection, "cannot connect to \(endpoint): \(lastError)")
        }
        redisSetTimeout(context, Self.timeval(endpoint.commandTimeout))
        if let password = endpoint.password {
            var arguments = ["AUTH"]
            if let username = endpoint.username { arguments.append(username) }
            arguments.append(password)
            try expectOK(try command(arguments.map { Array($0.utf8) }), doing: "AUTH")
        }
        if endpoint.database != 0 {
            try expectOK(try command([Array("SELECT".utf8), Array(String(endpoint.database).utf8)]), doing: "SELECT")
        }
    }

    deinit {
        redisFree(context)
    }

    /// Whether the connection broke; a broken one is never used again.
    var isBroken: Bool { context.pointee.err != 0 }

    /// One command and its reply.
    func command(_ arguments: [[UInt8]]) throws(RedisError) -> RedisValue {
        let replies = try pipeline([arguments])
        return replies[0]
    }

    /// Several commands sent at once, their replies read in order: one round trip.
    func pipeline(_ commands: [[[UInt8]]]) throws(RedisError) -> [RedisValue] {
        guard !isBroken else { throw RedisError(.connection, "the connection is broken: \(lastError)") }
        for arguments in commands {
            let appended = Self.withArgv(arguments) { count, argv, lengths in
                redisAppendCommandArgv(context, count, argv, lengths)
            }
            guard appended == REDIS_OK else { throw RedisError(.connection, lastError) }
        }
        var replies: [RedisValue] = []
        replies.reserveCapacity(commands.count)
        for _ in commands {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReply(context, &raw) == REDIS_OK, let raw else {
                throw RedisError(.connection, lastError)
            }
            defer { freeReplyObject(raw) }
            replies.append(Self.value(raw.assumingMemoryBound(to: redisReply.self)))
        }
        return replies
    }

    private func expectOK(_ reply: RedisValue, doing what: String) throws(RedisError) {
        if case .error(let message) = reply { throw RedisError(.reply, "\(what) failed: \(message)") }
    }

    /// hiredis's message for the last error.
    var lastError: String {
        withUnsafeBytes(of: context.pointee.errstr) { bytes in
            String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
        }
    }

    /// The reply tree as values; hiredis frees it afterwards.
    static func value(_ reply: UnsafeMutablePointer<redisReply>) -> RedisValue {
        let node = reply.pointee
        switch node.type {
        case REDIS_REPLY_STATUS: return .status(text(node))
        case REDIS_REPLY_ERROR: return .error(text(node))
        case REDIS_REPLY_INTEGER: return .integer(node.integer)
        case REDIS_REPLY_NIL: return .bulk(nil)
        case REDIS_REPLY_STRING:
            guard let pointer = node.str else { return .bulk([]) }
            return .bulk(Array(UnsafeRawBufferPointer(start: pointer, count: node.len)))
        case REDIS_REPLY_ARRAY:
            guard let elements = node.element else { return .array([]) }
            return .array(
                (0..<node.elements).map { index in
                    elements[index].map(value) ?? .bulk(nil)
                })
        default:
            return .error("an unknown reply type \(node.type)")
        }
    }

    private static func text(_ node: redisReply) -> String {
        guard let pointer = node.str else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: node.len), as: UTF8.self)
    }

    /// The arguments as hiredis takes them: pointers and lengths, alive for `body`.
    static func withArgv<Result>(
        _ arguments: [[UInt8]],
        _ body: (Int32, UnsafeMutablePointer<UnsafePointer<CChar>?>?, UnsafePointer<Int>?) -> Result
    ) -> Result {
        let buffers = arguments.map { bytes -> UnsafeMutablePointer<CChar> in
            let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
            bytes.withUnsafeBufferPointer { source in
                source.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress { buffer.initialize(from: base, count: bytes.count) }
                }
            }
            return buffer
        }
        defer { buffers.forEach { $0.deallocate() } }
        var pointers = buffers.map { UnsafePointer<CChar>?(UnsafePointer($0)) }
        let lengths = arguments.map(\.count)
        return pointers.withUnsafeMutableBufferPointer { argv in
            lengths.withUnsafeBufferPointer { sizes in
                body(Int32(arguments.count), argv.baseAddress, sizes.baseAddress)
            }
        }
    }

    static func timeval(_ duration: Duration) -> Glibc.timeval {
        let parts = duration.components
        return Glibc.timeval(tv_sec: Int(parts.seconds), tv_usec: Int(parts.attoseconds / 1_000_000_000_000))
    }
}
