import Foundation

/// The connections of a `RedisClient`: lent to one caller at a time, at most `maximum`
/// of them, callers queued in order when all are out. A connection that broke is
/// dropped; new ones are made on demand, and after a failed connect the next try waits
/// a backoff (doubling to `maximumBackoff`), failing fast meanwhile, so a Redis that is
/// down costs callers nothing but an error.
actor RedisConnectionPool {
    /// What a caller is lent: a connection, or the right to make one.
    enum Lease {
        case connection(LeasedConnection)
        case make
    }

    private let maximum: Int
    private let leaseTimeout: Duration
    private let maximumBackoff: Duration
    private var idle: [LeasedConnection] = []
    private var count = 0
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Lease, any Error>)] = []
    private var nextWaiter: UInt64 = 0
    private var closed = false
    /// After a failed connect: no new try before this, and the wait before the next.
    private var retryAt: ContinuousClock.Instant?
    private var backoff = Duration.milliseconds(100)
    private var lastConnectError: RedisError?

    init(maximum: Int, leaseTimeout: Duration, maximumBackoff: Duration = .seconds(5)) {
        self.maximum = max(1, maximum)
        self.leaseTimeout = leaseTimeout
        self.maximumBackoff = maximumBackoff
    }

    func lease() async throws -> Lease {
        guard !closed else { throw RedisError(.closed, "the client is shut down") }
        if let connection = idle.popLast() { return .connection(connection) }
        if count < maximum {
            if let retryAt, ContinuousClock.now < retryAt, let lastConnectError { throw lastConnectError }
            count += 1
            return .make
        }
        let id = nextWaiter
        nextWaiter += 1
        let timeout = leaseTimeout
        let timer = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            waiters.append((id, continuation))
        }
    }

    /// A connection back from its caller: to the next in line, or kept for later;
    /// dropped when broken.
    func release(_ connection: LeasedConnection) {
        if connection.connection.isBroken || closed {
            count -= 1
            if !closed, !waiters.isEmpty, count < maximum {
                count += 1
                waiters.removeFirst().continuation.resume(returning: .make)
            }
            return
        }
        if !waiters.isEmpty {
            waiters.removeFirst().continuation.resume(returning: .connection(connection))
        } else {
            idle.append(connection)
        }
    }

    /// A `.make` lease that made its connection.
    func connected() {
        retryAt = nil
        lastConnectError = nil
        backoff = .milliseconds(100)
    }

    /// A `.make` lease that could not connect: its slot is free again, and callers fail
    /// fast until the backoff is over.
    func failedToConnect(_ error: RedisError) {
        count -= 1
        lastConnectError = error
        retryAt = ContinuousClock.now + backoff
        backoff = min(backoff * 2, maximumBackoff)
        // Waiters would only wait to fail: they hear the error now.
        for waiter in waiters { waiter.continuation.resume(throwing: error) }
        waiters.removeAll()
    }

    func close() {
        closed = true
        idle.removeAll()
        for waiter in waiters { waiter.continuation.resume(throwing: RedisError(.closed, "the client is shut down")) }
        waiters.removeAll()
    }

    private func expire(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(
            throwing: RedisError(.poolTimeout, "no connection came free within \(leaseTimeout)"))
    }
}

/// A connection while it is lent: used by exactly one caller at a time, on one thread
/// at a time (the pool hands it out once and takes it back before lending it again),
/// which is what makes passing it between tasks safe.
final class LeasedConnection: @unchecked Sendable {
    let connection: RedisConnection

    init(_ connection: RedisConnection) {
        self.connection = connection
    }
}
