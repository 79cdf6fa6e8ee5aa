/// A batch function for one kind of key (users by id, say), declared once with the
/// resolvers. Resolvers ask for one key at a time with `info.load(key, with: loader)`;
/// within a request, the keys asked for while executing together (the items of a list,
/// at every depth) reach the batch function in one call, and each key is loaded at most
/// once per request. This is how list fields avoid one call per item (the N+1 problem).
public final class DataLoader<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    /// The most keys one call is given; more keys are split into several calls.
    public let maxBatchSize: Int
    let batch: @Sendable (_ keys: [Key], _ context: any Sendable) async throws -> [Key: Value]

    /// `batch` gets distinct keys and the request's context, and gives the value of each
    /// key it found; a key it leaves out loads as nil (a null field).
    public init(
        maxBatchSize: Int = 1_000,
        _ batch: @escaping @Sendable (_ keys: [Key], _ context: any Sendable) async throws -> [Key: Value]
    ) {
        self.maxBatchSize = max(1, maxBatchSize)
        self.batch = batch
    }
}

extension ResolveInfo {
    /// The value of `key`, loaded in a batch with the other keys the request asks of
    /// `loader` at the same time, or from what the request has already loaded.
    public func load<Key, Value>(_ key: Key, with loader: DataLoader<Key, Value>) async throws -> Value? {
        try await loads.load(key, with: loader, context: context)
    }

    /// The values of `keys`, in order, loaded as `load(_:with:)` loads one.
    public func load<Key, Value>(_ keys: [Key], with loader: DataLoader<Key, Value>) async throws -> [Value?] {
        try await withThrowingTaskGroup(of: (Int, Value?).self) { group in
            loads.started(keys.count)
            for (index, key) in keys.enumerated() {
                group.addTask {
                    defer { loads.finished() }
                    return (index, try await loads.load(key, with: loader, context: context))
                }
            }
            var values = [Value?](repeating: nil, count: keys.count)
            loads.blocked()
            defer { loads.unblocked() }
            for try await (index, value) in group { values[index] = value }
            return values
        }
    }
}
