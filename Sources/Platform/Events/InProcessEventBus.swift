import Foundation
import Synchronization

/// The event bus of a single instance, the default: subscribers in this process only.
///
/// Each subscriber has a bounded buffer; one that falls `bufferSize` events behind loses
/// the oldest (it can catch up from the store), and never slows the publisher.
public final class InProcessEventBus: EventBus {
    private let subscribers = Mutex<[String: [UUID: AsyncStream<[UInt8]>.Continuation]]>([:])
    private let bufferSize: Int

    public init(bufferSize: Int = 1_024) {
        self.bufferSize = bufferSize
    }

    public func publish(_ payload: [UInt8], on topic: String) async {
        deliver(payload, on: topic)
    }

    public func subscribe(to topic: String) async throws -> AsyncStream<[UInt8]> {
        subscribe(to: topic, whenEnded: {})
    }

    /// Hands `payload` to this process's subscribers of `topic`, from any thread (a
    /// shared bus calls it with what arrives from elsewhere).
    public func deliver(_ payload: [UInt8], on topic: String) {
        let continuations = subscribers.withLock { Array(($0[topic] ?? [:]).values) }
        for continuation in continuations {
            continuation.yield(payload)
        }
    }

    /// `subscribe(to:)`, calling `whenEnded` once the stream is dropped or finished (a
    /// shared bus releases its own subscription to the topic there).
    public func subscribe(to topic: String, whenEnded: @escaping @Sendable () -> Void) -> AsyncStream<[UInt8]> {
        let (stream, continuation) = AsyncStream<[UInt8]>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = UUID()
        subscribers.withLock { $0[topic, default: [:]][id] = continuation }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { table in
                table[topic]?[id] = nil
                if table[topic]?.isEmpty == true { table[topic] = nil }
            }
            whenEnded()
        }
        return stream
    }

    /// Subscribers on `topic` now (for tests and metrics).
    public func subscriberCount(on topic: String) -> Int {
        subscribers.withLock { $0[topic]?.count ?? 0 }
    }
}
