import CHiredis
import Glibc
import Settings

/// The non-blocking side of a connection, for the subscriber: commands are queued and
/// flushed, and replies are read as they arrive (pushes of a subscribed connection come
/// whenever Redis sends them).
extension RedisConnection {
    /// Queues a command; `flush` sends it.
    func append(_ arguments: [[UInt8]]) throws(RedisError) {
        let appended = Self.withArgv(arguments) { count, argv, lengths in
            redisAppendCommandArgv(context, count, argv, lengths)
        }
        guard appended == REDIS_OK else { throw RedisError(.connection, lastError) }
    }

    /// Writes every queued command.
    func flush() throws(RedisError) {
        var done: Int32 = 0
        while done == 0 {
            guard redisBufferWrite(context, &done) == REDIS_OK else { throw RedisError(.connection, lastError) }
        }
    }

    /// The replies that arrive within `timeout` (none when nothing came, or when
    /// `wakeDescriptor` became readable first: the subscriber has commands to send).
    /// Waits on the sockets with poll, so a quiet connection costs no CPU.
    func readAvailable(waiting timeout: Duration, wakeDescriptor: Int32) throws(RedisError) -> [RedisValue] {
        var replies = try bufferedReplies()
        guard replies.isEmpty else { return replies }
        var descriptors = [
            pollfd(fd: context.pointee.fd, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        let milliseconds = Int32(clamping: timeout.wholeMilliseconds)
        let ready = poll(&descriptors, 2, milliseconds)
        guard ready > 0 else {
            if ready < 0, errno != EINTR { throw RedisError(.connection, "poll failed: errno \(errno)") }
            return []
        }
        guard descriptors[0].revents != 0 else { return [] }
        guard redisBufferRead(context) == REDIS_OK else { throw RedisError(.connection, lastError) }
        replies = try bufferedReplies()
        return replies
    }

    private func bufferedReplies() throws(RedisError) -> [RedisValue] {
        var replies: [RedisValue] = []
        while true {
            var raw: UnsafeMutableRawPointer?
            guard redisGetReplyFromReader(context, &raw) == REDIS_OK else { throw RedisError(.connection, lastError) }
            guard let raw else { return replies }
            replies.append(Self.value(raw.assumingMemoryBound(to: redisReply.self)))
            freeReplyObject(raw)
        }
    }
}
