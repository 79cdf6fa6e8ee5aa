import Synchronization

/// An operation's timeout. The operation runs in a task of its own, so that the answer
/// can go out at the deadline even when a resolver ignores cancellation; that resolver
/// is cancelled and left to finish, and its result is dropped.
enum Deadline {
    /// The operation's response, or at the deadline a `TIMEOUT` error (`data` null: the
    /// operation started but gave no response). Cancelling the caller cancels both.
    static func race(
        after timeout: Duration, on clock: any Clock<Duration>,
        _ operation: @escaping @Sendable () async -> ExecutionResponse
    ) async -> ExecutionResponse {
        let race = Race()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (answer: CheckedContinuation<ExecutionResponse, Never>) in
                race.start(answer, timeout: timeout, clock: clock, operation)
            }
        } onCancel: {
            race.cancel()
        }
    }

    static func timedOut(after timeout: Duration) -> ExecutionResponse {
        ExecutionResponse(
            data: Array("null".utf8),
            errors: [GraphQLError(message: "The operation timed out after \(describe(timeout)).", code: "TIMEOUT")])
    }

    /// What a field that a cancelled operation did not resolve gets.
    static let cancellation = GraphQLError(message: "The operation was cancelled.", code: "CANCELLED")
    static let cancelled = ExecutionResponse(data: Array("null".utf8), errors: [cancellation])

    /// "2 seconds", "1.5 seconds", "250 milliseconds".
    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        if milliseconds % 1_000 != 0 || milliseconds < 1_000 {
            return milliseconds < 1_000 ? "\(milliseconds) milliseconds" : "\(Double(milliseconds) / 1_000) seconds"
        }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }

    /// The two tasks of one race and the answer, given once: by whichever ends first.
    private final class Race: Sendable {
        private struct State {
            var answer: CheckedContinuation<ExecutionResponse, Never>?
            var tasks: [Task<Void, Never>] = []
            var cancelled = false
        }
        private let state = Mutex(State())

        func start(
            _ answer: CheckedContinuation<ExecutionResponse, Never>, timeout: Duration, clock: any Clock<Duration>,
            _ operation: @escaping @Sendable () async -> ExecutionResponse
        ) {
            state.withLock { $0.answer = answer }
            let work = Task { self.finish(with: await operation()) }
            let timer = Task {
                do {
                    try await Self.sleep(on: clock, for: timeout)
                    self.finish(with: Deadline.timedOut(after: timeout))
                } catch {
                    // Cancelled: the operation ended first, or the caller left.
                }
            }
            let (answered, cancelled) = state.withLock { state in
                state.tasks = [work, timer]
                return (state.answer == nil, state.cancelled)
            }
            if cancelled {
                cancel()
            } else if answered {
                work.cancel()
                timer.cancel()
            }
        }

        /// Gives the answer, if none was given yet, and cancels whatever still runs.
        private func finish(with response: ExecutionResponse) {
            let (answer, tasks) = state.withLock { state in
                defer { state.answer = nil }
                return (state.answer, state.tasks)
            }
            guard let answer else { return }
            for task in tasks { task.cancel() }
            answer.resume(returning: response)
        }

        /// The caller left: it is answered at once, and the operation and the timer stop.
        func cancel() {
            state.withLock { $0.cancelled = true }
            finish(with: Deadline.cancelled)
        }

        private static func sleep<C: Clock>(on clock: C, for duration: Duration) async throws
        where C.Duration == Duration {
            try await clock.sleep(for: duration)
        }
    }
}
