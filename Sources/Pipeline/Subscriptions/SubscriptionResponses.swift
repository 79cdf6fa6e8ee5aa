import GraphQLEngine

/// A subscription's responses as a transport sends them: each one's JSON, encoded once
/// (for a shared subscription, once for all its subscribers). Ends when the source stream
/// ends, throwing what ended it; dropping it ends this subscriber's part.
public struct SubscriptionResponses: AsyncSequence, Sendable {
    public typealias Element = [UInt8]

    private let makeIterator: @Sendable () -> Iterator

    /// This subscriber's own responses, executed as they are read.
    public init(_ responses: ResponseStream) {
        makeIterator = { Iterator(responses.map(\.json).makeAsyncIterator()) }
    }

    /// Responses encoded elsewhere and handed over (a shared subscription's).
    init(_ encoded: AsyncThrowingStream<[UInt8], any Error>) {
        makeIterator = { Iterator(encoded.makeAsyncIterator()) }
    }

    public func makeAsyncIterator() -> Iterator { makeIterator() }

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
