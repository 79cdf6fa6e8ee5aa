import Synchronization

/// The loads of one request: for each loader, the keys asked for and not yet sent, the
/// tasks waiting on them, and what was loaded (the request's cache).
///
/// A batch goes out when nothing in the request can ask for more keys: every task the
/// executor started is waiting, on a load or on tasks of its own. The executor reports
/// its tasks (`started`, `finished`, `blocked`, `unblocked`), so the keys that the items
/// of a list ask for, however deep, go out together, without a timer. A task it does not
/// know of (one a resolver starts itself) can only make batches go out sooner, never
/// hold them back.
final class LoadScheduler: Sendable {
    private let state = Mutex(State())

    private struct State: ~Copyable {
        /// Tasks of the request doing work of their own; the request's own task to begin with.
        var running = 1
        var queues: [ObjectIdentifier: any LoadQueue] = [:]
        /// Loaders in the order first asked, so batches go out in a stable order.
        var order: [ObjectIdentifier] = []

        /// When nothing runs, every queued key as batches to send, counted as running.
        mutating func batchesIfIdle(_ scheduler: LoadScheduler) -> [Batch] {
            guard running <= 0 else { return [] }
            var batches: [Batch] = []
            for id in order {
                if let queue = queues[id] { batches += queue.takeBatches(answeringTo: scheduler) }
            }
            running += batches.count
            return batches
        }
    }

    /// One call of a batch function, with what to do once it has answered.
    typealias Batch = @Sendable () async -> Void

    init() {}

    /// The executor starts `count` tasks of the request.
    func started(_ count: Int) {
        state.withLock { $0.running += count }
    }

    /// A task the executor started has finished.
    func finished() {
        send(
            state.withLock { state in
                state.running -= 1
                return state.batchesIfIdle(self)
            })
    }

    /// A task waits for tasks it started.
    func blocked() { finished() }

    /// A task that waited for its tasks goes on.
    func unblocked() { started(1) }

    func load<Key, Value>(_ key: Key, with loader: DataLoader<Key, Value>, context: any Sendable) async throws -> Value?
    {
        let cached: Result<Value?, any Error>? = state.withLock { state in
            (state.queues[ObjectIdentifier(loader)] as? Queue<Key, Value>)?.loaded[key]
        }
        if let cached { return try cached.get() }
        return try await withCheckedThrowingContinuation { (waiter: CheckedContinuation<Value?, any Error>) in
            let (batches, known) = state.withLock { state -> ([Batch], Result<Value?, any Error>?) in
                let id = ObjectIdentifier(loader)
                let queue: Queue<Key, Value>
                if let existing = state.queues[id] as? Queue<Key, Value> {
                    queue = existing
                } else {
                    queue = Queue(loader: loader, context: context)
                    state.queues[id] = queue
                    state.order.append(id)
                }
                // Loaded since the look above: answered at once.
                if let loaded = queue.loaded[key] { return ([], loaded) }
                queue.enqueue(key, waiter)
                state.running -= 1
                return (state.batchesIfIdle(self), nil)
            }
            if let known { waiter.resume(with: known) }
            send(batches)
        }
    }

    /// Answers the keys of a batch that has come back: the waiters run again.
    fileprivate func answer<Key, Value>(_ results: [Key: Result<Value?, any Error>], of loader: DataLoader<Key, Value>)
    {
        let (waiters, batches) = state.withLock { state in
            let queue = state.queues[ObjectIdentifier(loader)] as? Queue<Key, Value>
            let waiters = queue?.settle(results) ?? []
            // The waiters run again before the batch counts as done, so that no batch
            // goes out between the two.
            state.running += waiters.count - 1
            return (waiters, state.batchesIfIdle(self))
        }
        for (waiter, result) in waiters { waiter.resume(with: result) }
        send(batches)
    }

    private func send(_ batches: [Batch]) {
        for batch in batches { Task { await batch() } }
    }
}

/// A loader's keys within one request, type-erased so one scheduler holds every loader's.
private protocol LoadQueue: AnyObject {
    /// The queued keys as calls of the batch function, at most `maxBatchSize` keys each.
    func takeBatches(answeringTo scheduler: LoadScheduler) -> [LoadScheduler.Batch]
}

/// Touched only under the scheduler's lock.
private final class Queue<Key: Hashable & Sendable, Value: Sendable>: LoadQueue {
    let loader: DataLoader<Key, Value>
    let context: any Sendable
    var loaded: [Key: Result<Value?, any Error>] = [:]
    var queued: [Key] = []
    var waiters: [Key: [CheckedContinuation<Value?, any Error>]] = [:]

    init(loader: DataLoader<Key, Value>, context: any Sendable) {
        (self.loader, self.context) = (loader, context)
    }

    func enqueue(_ key: Key, _ waiter: CheckedContinuation<Value?, any Error>) {
        if waiters[key] == nil { queued.append(key) }
        waiters[key, default: []].append(waiter)
    }

    func takeBatches(answeringTo scheduler: LoadScheduler) -> [LoadScheduler.Batch] {
        guard !queued.isEmpty else { return [] }
        let keys = queued
        queued = []
        return stride(from: 0, to: keys.count, by: loader.maxBatchSize).map { start in
            let chunk = Array(keys[start..<min(start + loader.maxBatchSize, keys.count)])
            return { [loader, context, scheduler] in
                var results: [Key: Result<Value?, any Error>] = [:]
                do {
                    let found = try await loader.batch(chunk, context)
                    for key in chunk { results[key] = .success(found[key]) }
                } catch {
                    for key in chunk { results[key] = .failure(error) }
                }
                scheduler.answer(results, of: loader)
            }
        }
    }

    /// Records a batch's answers and hands back the waiters they release.
    func settle(_ results: [Key: Result<Value?, any Error>]) -> [(
        CheckedContinuation<Value?, any Error>, Result<Value?, any Error>
    )] {
        var released: [(CheckedContinuation<Value?, any Error>, Result<Value?, any Error>)] = []
        for (key, result) in results {
            loaded[key] = result
            for waiter in waiters.removeValue(forKey: key) ?? [] { released.append((waiter, result)) }
        }
        return released
    }
}
