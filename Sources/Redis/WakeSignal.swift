import Glibc
import Settings

/// A pipe that wakes a thread waiting in `poll`: the subscriber's thread waits on its
/// Redis socket and on this, so a command queued by another thread is sent at once.
final class WakeSignal: Sendable {
    /// Both ends are non-blocking: `signal` never waits on a full pipe (one byte in it is
    /// enough to wake), and `drain` never waits on an empty one.
    let readDescriptor: Int32
    private let writeDescriptor: Int32

    init() throws(RedisError) {
        var descriptors: [Int32] = [-1, -1]
        guard pipe(&descriptors) == 0 else { throw RedisError(.connection, "cannot make a pipe: errno \(errno)") }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = descriptors[0]
        writeDescriptor = descriptors[1]
    }

    deinit {
        close(readDescriptor)
        close(writeDescriptor)
    }

    func signal() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Empties the pipe, so the next `poll` waits again.
    func drain() {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readDescriptor, &buffer, buffer.count) > 0 {}
    }

    /// Waits until signalled or `timeout` has passed.
    func wait(_ timeout: Duration) {
        var descriptor = pollfd(fd: readDescriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&descriptor, 1, Int32(clamping: timeout.wholeMilliseconds))
    }
}
