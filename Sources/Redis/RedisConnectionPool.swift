import Foundation
import Synchronization

/// The connections of a `RedisClient`: lent to one caller at a time, at most `maximum`
/// of them, callers queued in order when all are out. A connection that broke is
/// dropped; new ones are made on demand, and after a failed connect the next try waits
/// a backoff (doubling to `maximumBackoff`), failing fast meanwhile, so a Redis that is
/// down costs callers nothing but an error.
///
/// A mutex rather than an actor: a caller that finds an idle connection takes it without
/// leaving its thread, and a connection goes back from the thread that used it, so one
/// command costs one hop to a blocking thread and back, not four.
final class RedisConnectionPool: Sendable {
    /// What a caller is lent: a connection, or the right to make one.
    enum Lease: Sendable {
        case connection(LeasedConnection)
        case make
    }

    private struct State {
        var idle: [LeasedConnection] = []
        var count = 0
        var waiters: [(id: UInt64, continuation: CheckedContinuation<Lease, any Error>)] = []
        var nextWaiter: UInt64 = 0
        var closed = false
        /// After a failed connect: no new try before this, and the wait before the next.
        var retryAt: ContinuousClock.Instant?
        var backoff = Duration.milliseconds(100)
        var lastConnectError: RedisError?
    }

    private let maximum: Int
    private let leaseTimeout: Duration
    private let maximumBackoff: Duration
    private let state = Mutex(State())

    init(maximum: Int, leaseTimeout: Duration, maximumBackoff: Duration = .seconds(5)) {
        self.maximum = max(1, maximum)
        self.leaseTimeout = leaseTimeout
        self.maximumBackoff = maximumBackoff
    }

    /// An idle connection or the right to make one at once; when all are out, waits its
    /// turn for at most the lease timeout.
    func lease() async throws -> Lease {
        let immediate: Result<Lease, RedisError>? = state.withLock { state in
            guard !state.closed else { return .failure(RedisError(.closed, "the client is shut down")) }
            if let connection = state.idle.popLast() { return .success(.connection(connection)) }
            guard state.count < maximum else { return nil }
            if let retryAt = state.retryAt, ContinuousClock.now < retryAt, let error = state.lastConnectError {
                return .failure(error)
            }
            state.count += 1
            return .success(.make)
        }
        if let immediate { return try immediate.get() }
        let id = state.withLock { state in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let timer = Task { [leaseTimeout] in
            try? await Task.sleep(for: leaseTimeout)
            expire(id)
        }
        defer { timer.cancel() }
        return try await withCheckedThrowingContinuation { continuation in
            let refusal: RedisError? = state.withLock { state in
                if state.closed { return RedisError(.closed, "the client is shut down") }
                // A connection may have come back between the first look and now.
                if let connection = state.idle.popLast() {
                    continuation.resume(returning: .connection(connection))
                    return nil
                }
                state.waiters.append((id, continuation))
                return nil
            }
            if let refusal { continuation.resume(throwing: refusal) }
        }
    }

    /// A connection back from its caller: to the next in line, or kept for later;
    /// dropped when broken.
    func release(_ connection: LeasedConnection) {
        let isBroken = connection.connection.isBroken
        let (waiter, lease) = state.withLock { state -> (CheckedContinuation<Lease, any Error>?, Lease?) in
            if isBroken || state.closed {
                state.count -= 1
                guard !state.closed, !state.waiters.isEmpty, state.count < maximum else { return (nil, nil) }
                state.count += 1
                return (state.waiters.removeFirst().continuation, .make)
            }
            guard !state.waiters.isEmpty else {
                state.idle.append(connection)
                return (nil, nil)
            }
            return (state.waiters.removeFirst().continuation, .connection(connection))
        }
        if let waiter, let lease { waiter.resume(returning: lease) }
    }

    /// A `.make` lease that made its connection.
    func connected() {
        state.withLock { state in
            state.retryAt = nil
            state.lastConnectError = nil
            state.backoff = .milliseconds(100)
        }
    }

    /// A `.make` lease that could not connect: its slot is free again, and callers fail
    /// fast until the backoff is over.
    func failedToConnect(_ error: RedisError) {
        let waiters = state.withLock { state in
            state.count -= 1
            state.lastConnectError = error
            state.retryAt = ContinuousClock.now + state.backoff
            state.backoff = min(state.backoff * 2, maximumBackoff)
            // Waiters would only wait to fail: they hear the error now.
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(throwing: error) }
    }

    func close() {
        let waiters = state.withLock { state in
            state.closed = true
            state.idle.removeAll()
            defer { state.waiters.removeAll() }
            return state.waiters.map(\.continuation)
        }
        for waiter in waiters { waiter.resume(throwing: RedisError(.closed, "the client is shut down")) }
    }

    private func expire(_ id: UInt64) {
        let waiter = state.withLock { state -> CheckedContinuation<Lease, any Error>? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index).continuation
        }
        waiter?.resume(throwing: RedisError(.poolTimeout, "no connection came free within \(leaseTimeout)"))
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
