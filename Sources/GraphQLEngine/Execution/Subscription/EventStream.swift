/// The source stream of a subscription (spec 6.2.3 "Source Stream"): the events a
/// subscription root field yields, each becoming one response. Any `AsyncSequence` of
/// sendable events will do; its iteration is cancelled when the subscriber leaves.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = any Sendable

    private let makeIterator: @Sendable () -> Iterator
    /// Set when every stream with this key carries the same events, and executing a
    /// selection over them depends on nothing of the caller beyond the key and the
    /// caller's identity: a server may then execute each event once for all subscribers
    /// of the same operation (see the pipeline's `SharedSubscriptions`). A user's topic
    /// is such a key; a stream that filters events by anything else of the caller is not.
    public let sharing: String?

    /// `events`, shared by the subscribers whose streams carry the same `sharing` key (nil:
    /// this subscriber's own).
    public init<Events: AsyncSequence & Sendable>(_ events: Events, sharing: String? = nil)
    where Events.Element: Sendable {
        makeIterator = { Iterator(events.makeAsyncIterator()) }
        self.sharing = sharing
    }

    public func makeAsyncIterator() -> Iterator { makeIterator() }

    public struct Iterator: AsyncIteratorProtocol {
        private let nextEvent: () async throws -> (any Sendable)?

        init<Base: AsyncIteratorProtocol>(_ base: Base) where Base.Element: Sendable {
            let box = IteratorBox(base)
            nextEvent = { try await box.next() }
        }

        public mutating func next() async throws -> (any Sendable)? { try await nextEvent() }
    }

    /// Holds the mutable iterator the closure advances. An iterator is used by one task
    /// at a time, as AsyncIteratorProtocol requires of its users.
    private final class IteratorBox<Base: AsyncIteratorProtocol> where Base.Element: Sendable {
        var base: Base
        init(_ base: Base) { self.base = base }
        func next() async throws -> Base.Element? { try await base.next() }
    }
}

/// How a subscription root field subscribes (spec 6.2.3.1 "CreateSourceEventStream",
/// ResolveFieldEventStream): given the field's coerced arguments and the request's
/// context, the stream of its events. An error thrown here refuses the subscription.
public typealias SubscriptionSource = @Sendable (ResolveInfo) async throws -> EventStream
