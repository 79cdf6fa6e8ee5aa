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
/// it, encodes each response once and hands the bytes to every member in one pass per
/// lane (see `SubscriptionRecipient`; a member read as a stream is a recipient whose lane
/// is its buffer). A member that leaves stops receiving; the last one to leave ends the
/// task, and with it the source. A stream member has a bounded buffer: one that falls
/// `bufferSize` responses behind loses the oldest, and never slows the others (other
/// recipients answer for their own backlog).
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
        /// Members by their lane, so each response is one pass per lane.
        var lanes: [ObjectIdentifier: LaneMembers] = [:]
        var laneOfMember: [UInt64: ObjectIdentifier] = [:]
        var reading: Task<Void, Never>?

        var count: Int { laneOfMember.count }

        mutating func add(_ recipient: any SubscriptionRecipient, id: UInt64) {
            let lane = ObjectIdentifier(recipient.lane)
            lanes[lane, default: LaneMembers(lane: recipient.lane)].recipients[id] = recipient
            laneOfMember[id] = lane
        }

        mutating func remove(_ id: UInt64) {
            guard let lane = laneOfMember.removeValue(forKey: id) else { return }
            lanes[lane]?.recipients[id] = nil
            if lanes[lane]?.recipients.isEmpty == true { lanes[lane] = nil }
        }

        /// Who to hand the next response to, lane by lane.
        var snapshot: [(lane: any DeliveryLane, recipients: [any SubscriptionRecipient])] {
            lanes.values.map { ($0.lane, Array($0.recipients.values)) }
        }
    }

    private struct LaneMembers {
        let lane: any DeliveryLane
        var recipients: [UInt64: any SubscriptionRecipient] = [:]
    }

    /// The responses of `stream` for a caller with `context`: shared with the group of
    /// subscribers like it when its source may be shared, else its own. A shared one joins
    /// its group when it is read, or when a recipient is given it.
    public func responses(of stream: ResponseStream, context: RequestContext) -> SubscriptionResponses {
        guard let sharing = stream.sharing else { return SubscriptionResponses(stream) }
        let request = stream.request
        let key = Key(
            sharing: sharing, document: ObjectIdentifier(request.document.memos), operationName: request.name,
            variables: request.variables, user: context.user, tenant: context.tenant, roles: context.roles,
            rateLimitRefusals: context.rateLimitRefusals)
        return SubscriptionResponses(shared: SharedSubscription(hub: self, key: key, stream: stream))
    }

    /// Subscribers in groups now, and the groups (for tests and metrics).
    public var counts: (members: Int, groups: Int) {
        groups.withLock { groups in (groups.values.reduce(0) { $0 + $1.count }, groups.count) }
    }

    /// Joins the group as a stream read by its subscriber.
    func joinAsStream(_ key: Key, source: ResponseStream) -> AsyncThrowingStream<[UInt8], any Error> {
        let (encoded, continuation) = AsyncThrowingStream<[UInt8], any Error>.makeStream(
            bufferingPolicy: .bufferingNewest(bufferSize))
        let membership = join(key, recipient: StreamRecipient(continuation), source: source)
        continuation.onTermination = { _ in membership.leave() }
        return encoded
    }

    /// Joins the group as a recipient the transport writes itself.
    func join(_ key: Key, recipient: any SubscriptionRecipient, source: ResponseStream) -> SubscriptionMembership {
        let id = ids.add(1, ordering: .relaxed).newValue
        let generation = groups.withLock { groups in
            // Changed in place: a group's members are not copied for each one who joins.
            if let generation = groups[key]?.generation {
                // The group's source already runs; this subscriber's own is dropped here.
                groups[key]?.add(recipient, id: id)
                return generation
            }
            var group = Group(generation: id)
            group.add(recipient, id: id)
            group.reading = read(source, into: key, generation: id)
            groups[key] = group
            return id
        }
        return SubscriptionMembership { [weak self] in self?.leave(key, member: id, generation: generation) }
    }

    private func read(_ stream: ResponseStream, into key: Key, generation: UInt64) -> Task<Void, Never> {
        Task { [weak self] in
            var failure: (any Error)?
            do {
                for try await response in stream {
                    guard let self else { return }
                    let json = response.json
                    let members = self.groups.withLock { groups in
                        groups[key].flatMap { $0.generation == generation ? $0.snapshot : nil }
                    }
                    guard let members else { return }
                    for (lane, recipients) in members {
                        lane.run {
                            for recipient in recipients { recipient.receive(json) }
                            for recipient in recipients { recipient.flush() }
                        }
                    }
                }
            } catch {
                failure = error
            }
            // The source ended (or failed): so does the group, for every member.
            let ended = self?.groups.withLock { groups -> Group? in
                guard groups[key]?.generation == generation else { return nil }
                return groups.removeValue(forKey: key)
            }
            guard let members = ended?.snapshot else { return }
            let ending = failure
            for (lane, recipients) in members {
                lane.run { for recipient in recipients { recipient.end(throwing: ending) } }
            }
        }
    }

    /// The last member to leave ends the group's reading, and with it its source stream.
    private func leave(_ key: Key, member: UInt64, generation: UInt64) {
        let ended = groups.withLock { groups -> Group? in
            guard groups[key]?.generation == generation else { return nil }
            groups[key]?.remove(member)
            guard groups[key]?.count == 0 else { return nil }
            return groups.removeValue(forKey: key)
        }
        ended?.reading?.cancel()
    }
}

/// A shared subscription not yet joined: it joins its group when read, or when given a
/// recipient.
struct SharedSubscription: Sendable {
    let hub: SharedSubscriptions
    let key: SharedSubscriptions.Key
    let stream: ResponseStream
}

/// A member read as a stream: its responses go into its buffer, on the spot.
private final class StreamRecipient: SubscriptionRecipient {
    private let continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation

    init(_ continuation: AsyncThrowingStream<[UInt8], any Error>.Continuation) {
        self.continuation = continuation
    }

    var lane: any DeliveryLane { InlineLane.shared }
    func receive(_ response: [UInt8]) { continuation.yield(response) }
    func flush() {}
    func end(throwing error: (any Error)?) { continuation.finish(throwing: error) }
}

/// A lane that runs each pass where it is given (a stream's buffer needs no other place).
private final class InlineLane: DeliveryLane {
    static let shared = InlineLane()
    func run(_ pass: @escaping @Sendable () -> Void) { pass() }
}
