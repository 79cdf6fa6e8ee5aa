/// An async lock that hands itself to waiters in the order they came: what keeps one
/// SQLite connection's users from mixing their statements, without blocking a thread.
///
/// A waiter whose task is cancelled leaves the queue with `CancellationError` and never
/// holds the lock; a holder passes it straight to the next waiter, so no newcomer can
/// jump the queue.
actor FIFOLock {
    private var isHeld = false
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var nextWaiterID: UInt64 = 0

    /// Runs `body` while holding the lock, released however `body` ends.
    nonisolated func withLock<Result: Sendable>(_ body: () async throws -> Result) async throws -> Result {
        try await acquire()
        let result: Result
        do {
            result = try await body()
        } catch {
            await release()
            throw error
        }
        await release()
        return result
    }

    private func acquire() async throws {
        guard isHeld else {
            isHeld = true
            return
        }
        let id = nextWaiterID
        nextWaiterID += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                // A task cancelled before it queued: its handler has already run and found nothing.
                if Task.isCancelled {
                    continuation.resume(throwing: CancellationError())
                } else {
                    waiters.append((id, continuation))
                }
            }
        } onCancel: {
            Task { await self.abandon(id) }
        }
    }

    private func release() {
        if waiters.isEmpty {
            isHeld = false
        } else {
            // Still held: it passes to the first in line.
            waiters.removeFirst().continuation.resume()
        }
    }

    /// A cancelled waiter leaves the queue, unless it was already given the lock.
    private func abandon(_ id: UInt64) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(throwing: CancellationError())
    }
}
