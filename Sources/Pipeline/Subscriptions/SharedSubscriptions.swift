import GraphQLEngine
import Platform
import Synchronization

/// Subscribers whose events would give the same responses share one execution per event
/// and one encoded response: the same validated document and operation, the same
/// variables, a source stream with the same sharing key (`EventStream.sharing`: the same
/// events) and the same caller as far as execution can tell (user, tenant, roles, and the
/// field limits they are over). Ten thousand devices of one user subscribed to
/// `notificationAdded { title }` cost one execution an event, not ten thousand.
///
/// The first subscriber of a group lends its response stream to the group: a task reads
/// it, encodes each response once and hands the bytes to every member. A member that
/// leaves stops receiving; the last one to leave ends the task, and with it the source.
/// Each member has a bounded buffer: one that falls `bufferSize` responses behind loses
/// the oldest, and never slows the others.
public final class SharedSubscriptions: Sendable {
    private let groups = Mutex<[Key: Group]>([:])
    private let ids = Atomic<UInt64>(0)
    private let bufferSize: Int

    public init(bufferSize: Int = 1_024) {
        self.bufferSize = bufferSize
    }

    /// What tells one group from another.
    struct Key: Hashable {
        let sharing: String
        /// The validated document, by identity: the document cache hands the same one out
        /// for the same text.
        let document: ObjectIdentifier
        let operationName: String?
        let variables: [String: InputValue]
        /// The caller as execution sees it (not its address, which only admission reads).
        let user: String?
        let tenant: String?
        let roles: Set<String>
        let rateLimitRefusals: [String: Int]
    }

    private struct Group {
        /// Tells this group from a later one with the same key, once this one ended.
        let generation: UInt64
        var members: [UInt64: AsyncThrowingStream<[UInt8], any Error>.Continuation] = [:]
        var reading: Task<Void, Never>?
    }

    /// The responses of `stream` for a caller with `context`: shared with the group of
    /// subscribers like it when its source may be shared, else its own.
    public func responses(of stream: ResponseStream, context: RequestContext) -> SubscriptionResponses {
        guard let sharing = stream.sharing else { return SubscriptionResponses(stream) }
        let request = stream.request
        let key = Key(
            sharing: sharing, document: ObjectIdentifier(request.document.memos), operationName: request.name,
            variables: request.variables, user: context.user, tenant: context.tenant, roles: context.roles,
            rateLimitRefusals: context.rateLimitRefusals)
        let (encoded, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream(
            bufferingPolicy: .bufferingNewest(bufferSize))
        let id = ids.add(1, ordering: .relaxed).newValue
        let generation = groups.withLock { groups in
            // Changed in place: a group's members are not copied for each one who joins.
            if let generation = groups[key]?.generation {
                // The group's source already runs; this subscriber's own is dropped here.
                groups[key]?.members[id] = continuation
                return generation
            }
            var group = Group(generation: id)
            group.members[id] = continuation
            group.reading = read(stream, into: key, generation: id)
            groups[key] = group
            return id
        }
        continuation.onTermination = { [weak self] _ in self?.leave(key, member: id, generation: generation) }
        return SubscriptionResponses(encoded)
    }

    /// Subscribers in groups now, and the groups (for tests and metrics).
    public var counts: (members: Int, groups: Int) {
        groups.withLock { groups in (groups.values.reduce(0) { $0 + $1.members.count }, groups.count) }
    }

    private func read(_ stream: ResponseStream, into key: Key, generation: UInt64) -> Task<Void, Never> {
        Task { [weak self] in
            var failure: (any Error)?
            do {
                for try await response in stream {
                    guard let self else { return }
                    let json = response.json
                    for member in self.members(of: key, generation: generation) { member.yield(json) }
                }
            } catch {
                failure = error
            }
            // The source ended (or failed): so does the group, for every member.
            let ended = self?.groups.withLock { groups -> Group? in
                guard groups[key]?.generation == generation else { return nil }
                return groups.removeValue(forKey: key)
            }
            if let ended {
                for member in ended.members.values { member.finish(throwing: failure) }
            }
        }
    }

    private func members(
        of key: Key, generation: UInt64
    ) -> [AsyncThrowingStream<[UInt8], any Error>.Continuation] {
        groups.withLock { groups in
            groups[key].flatMap { $0.generation == generation ? Array($0.members.values) : nil } ?? []
        }
    }

    /// The last member to leave ends the group's reading, and with it its source stream.
    private func leave(_ key: Key, member: UInt64, generation: UInt64) {
        let ended = groups.withLock { groups -> Group? in
            guard groups[key]?.generation == generation else { return nil }
            groups[key]?.members[member] = nil
            guard groups[key]?.members.isEmpty == true else { return nil }
            return groups.removeValue(forKey: key)
        }
        ended?.reading?.cancel()
    }
}
