import Logging
import Platform
import Redis
import Synchronization

/// The event bus of many instances: events are published on Redis channels, and each
/// instance hands what arrives to its own subscribers, so a subscription on instance A
/// receives what a mutation on instance B publishes.
///
/// An instance subscribes to a topic's channel once, while it has local subscribers of
/// that topic. While Redis is unreachable, a publish still reaches this instance's own
/// subscribers, and a new subscription fails with the reason; what must not be lost is
/// stored first and caught up from the store.
public final class RedisEventBus: EventBus {
    /// Channels are `switchboard:<topic>`, so other users of the Redis are not heard.
    public static let channelPrefix = "switchboard:"

    private let client: RedisClient
    private let local: InProcessEventBus
    private let subscriber: RedisSubscriber
    private let logger: Logger
    /// Whether the last publish failed: an outage is logged once, not per event.
    private let isPublishFailing = Atomic(false)

    public init(client: RedisClient, logger: Logger, bufferSize: Int = 1_024) throws {
        let local = InProcessEventBus(bufferSize: bufferSize)
        self.client = client
        self.local = local
        self.logger = logger
        subscriber = try RedisSubscriber(endpoint: client.endpoint, logger: logger) { channel, payload in
            guard channel.hasPrefix(Self.channelPrefix) else { return }
            local.deliver(payload, on: String(channel.dropFirst(Self.channelPrefix.count)))
        }
    }

    public func publish(_ payload: [UInt8], on topic: String) async {
        do {
            let reply = try await client.send([
                Array("PUBLISH".utf8), Array((Self.channelPrefix + topic).utf8), payload,
            ])
            if case .error(let message) = reply { throw RedisError(.reply, message) }
            if isPublishFailing.exchange(false, ordering: .relaxed) {
                logger.notice("Publishing events to Redis works again")
            }
        } catch {
            if !isPublishFailing.exchange(true, ordering: .relaxed) {
                logger.error(
                    "Cannot publish events to Redis; other instances miss them until it returns",
                    metadata: ["error": "\(error)"])
            }
            local.deliver(payload, on: topic)
        }
    }

    public func subscribe(to topic: String) async throws -> AsyncStream<[UInt8]> {
        let channel = Self.channelPrefix + topic
        // The local stream first, so nothing confirmed by Redis can arrive before it.
        let stream = local.subscribe(to: topic) { [subscriber] in subscriber.release(channel) }
        try await subscriber.retain(channel)
        return stream
    }

    /// Whether the pub/sub connection is up (for readiness).
    public var isSubscriberConnected: Bool { subscriber.isConnected }

    /// Stops the pub/sub thread; the client is its owner's to shut down.
    public func shutdown() {
        subscriber.shutdown()
    }
}
