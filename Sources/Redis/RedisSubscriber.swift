import Foundation
import Logging
import Synchronization

/// The dedicated pub/sub connection: a thread of its own holds one subscribed connection
/// and hands each message to `onMessage`.
///
/// Channels are counted: the first `retain` of a channel subscribes to it, the last
/// `release` unsubscribes. When the connection breaks, the thread reconnects with a
/// backoff (100 ms doubling to 5 s) and subscribes again to every channel still wanted;
/// what was published meanwhile is gone (notifications are caught up from the store).
/// An outage is logged when it starts and when it ends, not once per attempt.
public final class RedisSubscriber: Sendable {
    public typealias MessageHandler = @Sendable (_ channel: String, _ payload: [UInt8]) -> Void

    private let endpoint: RedisEndpoint
    private let logger: Logger
    private let onMessage: MessageHandler
    private let confirmationTimeout: Duration
    private let wake: WakeSignal
    private let state = Mutex(State())

    /// Starts the thread, which connects at once. `retain` waits at most
    /// `confirmationTimeout` for Redis to confirm a new subscription.
    public init(
        endpoint: RedisEndpoint, confirmationTimeout: Duration = .seconds(3), logger: Logger,
        onMessage: @escaping MessageHandler
    ) throws {
        self.endpoint = endpoint
        self.logger = logger
        self.onMessage = onMessage
        self.confirmationTimeout = confirmationTimeout
        wake = try WakeSignal()
        let thread = Thread { [self] in run() }
        thread.name = "switchboard.redis-subscriber"
        thread.start()
    }

    /// Subscribes to `channel` unless already subscribed, and returns once Redis has
    /// confirmed it: from then on every message published on it arrives. Throws when
    /// Redis does not confirm in time (it is down); the channel is still counted, so
    /// pair every `retain` with a `release`.
    public func retain(_ channel: String) async throws {
        let id = UUID()
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let outcome = state.withLock { state in state.retain(channel, waiter: id, continuation) }
            switch outcome {
            case .confirmed: continuation.resume()
            case .stopped: continuation.resume(throwing: RedisError(.closed, "the Redis subscriber is shut down"))
            case .waiting(let sendNow):
                if sendNow { wake.signal() }
                Task { [self, confirmationTimeout] in
                    try? await Task.sleep(for: confirmationTimeout)
                    expire(channel, waiter: id)
                }
            }
        }
    }

    /// One fewer reader of `channel`; the last one unsubscribes.
    public func release(_ channel: String) {
        if state.withLock({ $0.release(channel) }) { wake.signal() }
    }

    /// Whether the connection is up and subscribed (for readiness).
    public var isConnected: Bool { state.withLock { $0.isConnected } }

    /// Ends the thread; waiting `retain`s throw.
    public func shutdown() {
        let waiters = state.withLock { state in
            state.isStopped = true
            return state.takeAllWaiters()
        }
        for waiter in waiters { waiter.resume(throwing: RedisError(.closed, "the Redis subscriber is shut down")) }
        wake.signal()
    }

    private func expire(_ channel: String, waiter id: UUID) {
        guard let continuation = state.withLock({ $0.removeWaiter(id, on: channel) }) else { return }
        continuation.resume(
            throwing: RedisError(
                .connection,
                "Redis did not confirm the subscription to \(channel) within \(confirmationTimeout) "
                    + "(is \(endpoint) reachable?)"))
    }

    // MARK: - The thread

    private func run() {
        var backoff = Duration.milliseconds(100)
        var outage: String?
        while !state.withLock({ $0.isStopped }) {
            let connection: RedisConnection
            do {
                connection = try RedisConnection(endpoint)
            } catch {
                if outage == nil {
                    outage = error.message
                    logger.error("Redis pub/sub connection lost; reconnecting", metadata: ["error": "\(error)"])
                }
                wake.wait(backoff)
                wake.drain()
                backoff = min(backoff * 2, .seconds(5))
                continue
            }
            backoff = .milliseconds(100)
            if outage != nil {
                outage = nil
                logger.notice("Redis pub/sub connection back; subscriptions renewed")
            }
            do {
                try serve(connection)
            } catch {
                outage = error.message
                logger.error("Redis pub/sub connection lost; reconnecting", metadata: ["error": "\(error)"])
            }
            state.withLock { $0.disconnected() }
        }
    }

    /// Subscribes to every channel wanted, then sends what `retain` and `release` queue
    /// and reads what Redis pushes, until the connection breaks or the subscriber stops.
    private func serve(_ connection: RedisConnection) throws(RedisError) {
        let channels = state.withLock { $0.connected() }
        if !channels.isEmpty { try connection.append(Self.command("SUBSCRIBE", channels)) }
        try connection.flush()
        while true {
            wake.drain()
            let (commands, isStopped) = state.withLock { state in (state.takeCommands(), state.isStopped) }
            if isStopped { return }
            for command in commands { try connection.append(command) }
            if !commands.isEmpty { try connection.flush() }
            for reply in try connection.readAvailable(waiting: .seconds(1), wakeDescriptor: wake.readDescriptor) {
                handle(reply)
            }
        }
    }

    /// A push of a subscribed connection: `message`, or the confirmation of a
    /// (un)subscription.
    private func handle(_ reply: RedisValue) {
        guard let parts = reply.elements, parts.count == 3, let kind = parts[0].text, let channel = parts[1].text
        else {
            logger.warning("Unexpected reply on the Redis pub/sub connection", metadata: ["reply": "\(reply)"])
            return
        }
        switch kind {
        case "message":
            guard case .bulk(let payload?) = parts[2] else { return }
            onMessage(channel, payload)
        case "subscribe":
            let waiters = state.withLock { $0.confirmed(channel) }
            for waiter in waiters { waiter.resume() }
        case "unsubscribe":
            state.withLock { $0.unsubscribed(channel) }
        default:
            break
        }
    }

    static func command(_ name: String, _ channels: [String]) -> [[UInt8]] {
        [Array(name.utf8)] + channels.map { Array($0.utf8) }
    }
}

extension RedisSubscriber {
    /// The bookkeeping both threads share, under the mutex: what is wanted, what Redis
    /// has confirmed on the current connection, who waits, and what to send next.
    struct State {
        var readers: [String: Int] = [:]
        var subscribed: Set<String> = []
        var waiters: [String: [UUID: CheckedContinuation<Void, any Error>]] = [:]
        var commands: [[[UInt8]]] = []
        var isConnected = false
        var isStopped = false

        enum RetainOutcome {
            case confirmed
            case stopped
            /// `sendNow`: a SUBSCRIBE was queued for the connection that is up.
            case waiting(sendNow: Bool)
        }

        mutating func retain(
            _ channel: String, waiter id: UUID, _ continuation: CheckedContinuation<Void, any Error>
        ) -> RetainOutcome {
            guard !isStopped else { return .stopped }
            readers[channel, default: 0] += 1
            if subscribed.contains(channel) { return .confirmed }
            let isFirst = waiters[channel] == nil && readers[channel] == 1
            waiters[channel, default: [:]][id] = continuation
            // Without a connection there is nothing to queue: connecting subscribes to
            // every channel wanted. A second reader waits for the first one's SUBSCRIBE.
            guard isConnected, isFirst else { return .waiting(sendNow: false) }
            commands.append(RedisSubscriber.command("SUBSCRIBE", [channel]))
            return .waiting(sendNow: true)
        }

        /// Whether an UNSUBSCRIBE was queued.
        mutating func release(_ channel: String) -> Bool {
            guard let count = readers[channel] else { return false }
            guard count <= 1 else {
                readers[channel] = count - 1
                return false
            }
            readers[channel] = nil
            subscribed.remove(channel)
            guard isConnected else { return false }
            commands.append(RedisSubscriber.command("UNSUBSCRIBE", [channel]))
            return true
        }

        mutating func removeWaiter(_ id: UUID, on channel: String) -> CheckedContinuation<Void, any Error>? {
            let continuation = waiters[channel]?.removeValue(forKey: id)
            if waiters[channel]?.isEmpty == true { waiters[channel] = nil }
            return continuation
        }

        /// The channels to subscribe to on a new connection; earlier queued commands are
        /// for the old one and superseded.
        mutating func connected() -> [String] {
            isConnected = true
            commands = []
            return Array(readers.keys)
        }

        mutating func disconnected() {
            isConnected = false
            subscribed = []
            commands = []
        }

        mutating func takeCommands() -> [[[UInt8]]] {
            defer { commands = [] }
            return commands
        }

        /// Redis confirmed `channel`: the readers waiting for it may go on. A channel
        /// released meanwhile stays unsubscribed (its UNSUBSCRIBE follows).
        mutating func confirmed(_ channel: String) -> [CheckedContinuation<Void, any Error>] {
            guard readers[channel] != nil else { return [] }
            subscribed.insert(channel)
            return Array((waiters.removeValue(forKey: channel) ?? [:]).values)
        }

        mutating func unsubscribed(_ channel: String) {
            if readers[channel] == nil { subscribed.remove(channel) }
        }

        mutating func takeAllWaiters() -> [CheckedContinuation<Void, any Error>] {
            defer { waiters = [:] }
            return waiters.values.flatMap(\.values)
        }
    }
}
