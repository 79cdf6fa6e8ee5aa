import Synchronization

/// The events of a bus, decoded once per instance: one subscription to the bus per topic,
/// whatever the number of local subscribers, and each payload decoded once and handed to
/// all of them. Ten thousand subscribers of one user's topic cost one decode per event,
/// not ten thousand.
///
/// A domain keeps one feed per kind of event (its `decode` says how to read a payload);
/// a payload it cannot decode is dropped for everyone, as a subscriber would have dropped
/// it. Each subscriber has a bounded buffer: one that falls `bufferSize` events behind
/// loses the oldest (it can catch up from the store), and never slows the others.
public final class EventFeed<Event: Sendable>: Sendable {
    private let bus: any EventBus
    private let decode: @Sendable ([UInt8]) -> Event?
    private let bufferSize: Int
    private let topics = Mutex<[String: Topic]>([:])
    private let ids = Atomic<UInt64>(0)

    /// This instance's subscription to one topic of the bus.
    private struct Topic {
        /// Tells this subscription from a later one to the same topic, once this one ended.
        let generation: UInt64
        var subscribers: [UInt64: AsyncStream<Event>.Continuation] = [:]
        /// Subscribes to the bus, then reads it; every subscriber waits for the first part.
        var opening: Task<Void, any Error>?
        var reading: Task<Void, Never>?
    }

    public init(bus: any EventBus, bufferSize: Int = 1_024, decode: @escaping @Sendable ([UInt8]) -> Event?) {
        self.bus = bus
        self.bufferSize = bufferSize
        self.decode = decode
    }

    /// The events published on `topic` from the moment this returns (the bus subscription
    /// is in place by then), until the stream is dropped. Throws what subscribing to the
    /// bus threw (Redis unreachable, say).
    public func subscribe(to topic: String) async throws -> AsyncStream<Event> {
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(bufferSize))
        let id = ids.add(1, ordering: .relaxed).newValue
        let (generation, opening) = topics.withLock { topics in
            // Changed in place: a topic's subscribers are not copied for each one who joins.
            if let generation = topics[topic]?.generation, let opening = topics[topic]?.opening {
                topics[topic]?.subscribers[id] = continuation
                return (generation, opening)
            }
            var entry = Topic(generation: id)
            entry.subscribers[id] = continuation
            let opening = open(topic, generation: id)
            entry.opening = opening
            topics[topic] = entry
            return (id, opening)
        }
        continuation.onTermination = { [weak self] _ in self?.leave(topic, subscriber: id, generation: generation) }
        do {
            try await opening.value
        } catch {
            continuation.finish()
            throw error
        }
        return stream
    }

    /// Subscribers of `topic` on this instance now (for tests and metrics).
    public func subscriberCount(on topic: String) -> Int {
        topics.withLock { $0[topic]?.subscribers.count ?? 0 }
    }

    /// Topics this instance holds a bus subscription for.
    public var topicCount: Int { topics.withLock { $0.count } }

    private func open(_ topic: String, generation: UInt64) -> Task<Void, any Error> {
        Task { [bus] in
            let payloads: AsyncStream<[UInt8]>
            do {
                payloads = try await bus.subscribe(to: topic)
            } catch {
                // Nobody holds a failed subscription: the next subscriber tries again.
                topics.withLock { topics in
                    if topics[topic]?.generation == generation { topics[topic] = nil }
                }
                throw error
            }
            let reading = Task { [weak self] in
                for await payload in payloads {
                    guard let self else { return }
                    self.deliver(payload, on: topic, generation: generation)
                }
            }
            let kept = topics.withLock { topics in
                guard topics[topic]?.generation == generation else { return false }
                topics[topic]?.reading = reading
                return true
            }
            // Every subscriber left while the bus was being subscribed to.
            if !kept { reading.cancel() }
        }
    }

    private func deliver(_ payload: [UInt8], on topic: String, generation: UInt64) {
        guard let event = decode(payload) else { return }
        let subscribers = topics.withLock { topics in
            topics[topic].flatMap { $0.generation == generation ? Array($0.subscribers.values) : nil } ?? []
        }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    /// The last subscriber of a topic to leave ends this instance's bus subscription.
    private func leave(_ topic: String, subscriber: UInt64, generation: UInt64) {
        let ended = topics.withLock { topics -> Topic? in
            guard topics[topic]?.generation == generation else { return nil }
            topics[topic]?.subscribers[subscriber] = nil
            guard topics[topic]?.subscribers.isEmpty == true else { return nil }
            return topics.removeValue(forKey: topic)
        }
        ended?.opening?.cancel()
        ended?.reading?.cancel()
    }
}
