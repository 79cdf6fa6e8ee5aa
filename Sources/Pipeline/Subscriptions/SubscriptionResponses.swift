import GraphQLEngine

/// A subscription's responses as a transport sends them: each one's JSON, encoded once
/// (for a shared subscription, once for all its subscribers). Read it as a stream, or,
/// when it is shared, give it a recipient to write (`deliver(to:)`). Ends when the source
/// stream ends, throwing what ended it; dropping it ends this subscriber's part.
public struct SubscriptionResponses: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private enum Source: Sendable {
        case own(ResponseStream)
        case shared(SharedSubscription)
    }

    private let source: Source

    /// This subscriber's own responses, executed as they are read.
    public init(_ responses: ResponseStream) {
        source = .own(responses)
    }

    init(shared: SharedSubscription) {
        source = .shared(shared)
    }

    /// Whether its group's responses can be written by a recipient (`deliver(to:)`).
    public var isShared: Bool {
        if case .shared = source { true } else { false }
    }

    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .own(let responses): Iterator(responses.map(\.json).makeAsyncIterator())
        case .shared(let shared):
            Iterator(shared.hub.joinAsStream(shared.key, source: shared.stream).makeAsyncIterator())
        }
    }

    /// Joins the group with `recipient`, which is then given every response on its lane;
    /// nil for a subscription that is not shared (read it instead).
    public func deliver(to recipient: any SubscriptionRecipient) -> SubscriptionMembership? {
        guard case .shared(let shared) = source else { return nil }
        return shared.hub.join(shared.key, recipient: recipient, source: shared.stream)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let nextResponse: () async throws -> [UInt8]?

        init<Base: AsyncIteratorProtocol>(_ base: Base) where Base.Element == [UInt8] {
            let box = Box(base)
            nextResponse = { try await box.next() }
        }

        public mutating func next() async throws -> [UInt8]? { try await nextResponse() }
    }

    /// Holds the iterator the closure advances; one task reads it at a time, as
    /// AsyncIteratorProtocol asks of its users.
    private final class Box<Base: AsyncIteratorProtocol> where Base.Element == [UInt8] {
        var base: Base
        init(_ base: Base) { self.base = base }
        func next() async throws -> [UInt8]? { try await base.next() }
    }
}
