import GraphQLEngine
import Pipeline

/// One connection speaking `graphql-transport-ws` (graphql-ws's PROTOCOL.md), as a plain
/// state machine: events go in (a frame's text, the host's answers, the time), actions
/// come out (frames to send, operations to start or stop, the socket to close). It does
/// no I/O and reads no clock, so every rule is tested with instants made up by the test.
public struct TransportWSStateMachine: Sendable {
    public struct Configuration: Sendable {
        /// How long a client may take to send `connection_init` and be acknowledged.
        public var connectionInitTimeout: Duration
        /// How often the server pings an acknowledged client; nil for never.
        public var keepAliveInterval: Duration?
        /// The most operations one connection may run at once.
        public var maxOperations: Int
        /// The largest frame a client may send, in bytes.
        public var maxMessageBytes: Int
        /// How long an acknowledged client that runs nothing may stay silent before the
        /// server closes the socket (1000, "Idle timeout"); nil for as long as it likes.
        public var idleTimeout: Duration?

        public init(
            connectionInitTimeout: Duration = .seconds(3), keepAliveInterval: Duration? = .seconds(12),
            maxOperations: Int = 100, maxMessageBytes: Int = 1 << 20, idleTimeout: Duration? = nil
        ) {
            self.connectionInitTimeout = connectionInitTimeout
            self.keepAliveInterval = keepAliveInterval
            self.maxOperations = maxOperations
            self.maxMessageBytes = maxMessageBytes
            self.idleTimeout = idleTimeout
        }
    }

    public enum Action: Equatable, Sendable {
        case send(TransportWSServerMessage)
        /// Check the `connection_init` payload (credentials), then call `accepted` or
        /// `rejected`.
        case authenticate(payload: InputValue?)
        /// Run the operation; report with `next`, `completed` and `failed`.
        case start(id: String, OperationRequest)
        /// The client no longer wants the operation: cancel it, send nothing more for it.
        case stop(id: String)
        /// Close the socket (the protocol's codes: 4400, 4401, 4403, 4408, 4409, 4429,
        /// 4500; 1009 for a frame over the size limit); every operation stops with it.
        case close(code: UInt16, reason: String)
    }

    public let configuration: Configuration
    private var connection: ConnectionLifecycle

    public init(configuration: Configuration = Configuration(), openedAt: ContinuousClock.Instant) {
        self.configuration = configuration
        connection = ConnectionLifecycle(configuration: configuration, openedAt: openedAt)
    }

    public var isClosed: Bool { connection.isClosed }

    // MARK: - From the client

    /// The client was heard from (any frame), for the idle timeout.
    public mutating func heard(at now: ContinuousClock.Instant) { connection.heard(at: now) }

    /// A text frame from the client.
    public mutating func received(_ text: [UInt8]) -> [Action] {
        guard !isClosed else { return [] }
        if let (code, reason) = connection.oversized(text) { return close(code, reason) }
        let message: TransportWSClientMessage
        do {
            message = try TransportWSClientMessage(text: text)
        } catch {
            return close(4400, error.reason)
        }
        switch message {
        case .connectionInit(let payload):
            guard connection.initialise() else { return close(4429, "Too many initialisation requests") }
            return [.authenticate(payload: payload)]
        case .ping:
            return [.send(.pong)]
        case .pong:
            return []
        case .subscribe(let id, let request):
            guard connection.isAcknowledged else { return close(4401, "Unauthorized") }
            guard !connection.operations.contains(id) else { return close(4409, "Subscriber for \(id) already exists") }
            if let error = connection.operationLimitError { return [.send(.error(id: id, errors: [error]))] }
            connection.operations.insert(id)
            return [.start(id: id, request)]
        case .complete(let id):
            // An id already completed (messages cross on the wire) is ignored.
            guard connection.operations.remove(id) != nil else { return [] }
            return [.stop(id: id)]
        }
    }

    /// A frame of the wrong kind (binary): graphql-transport-ws speaks text only.
    public mutating func receivedBinary() -> [Action] {
        guard !isClosed else { return [] }
        return close(4400, "Invalid message: binary frames are not part of the protocol")
    }

    /// The socket closed from the client's side: everything running stops.
    public mutating func socketClosed() -> [Action] {
        guard !isClosed else { return [] }
        return connection.close().map { .stop(id: $0) }
    }

    // MARK: - From the host

    /// The `connection_init` payload was accepted.
    public mutating func accepted(ackPayload: InputValue? = nil, at now: ContinuousClock.Instant) -> [Action] {
        guard connection.acknowledge(at: now) else { return [] }
        return [.send(.connectionAck(payload: ackPayload))]
    }

    /// The `connection_init` payload was refused (bad or missing credentials).
    public mutating func rejected() -> [Action] {
        guard connection.isAuthenticating else { return [] }
        return close(4403, "Forbidden")
    }

    /// A result of a running operation.
    public func next(id: String, response: [UInt8]) -> [Action] {
        guard connection.operations.contains(id) else { return [] }
        return [.send(.next(id: id, response: response))]
    }

    /// The operation ended after its results.
    public mutating func completed(id: String) -> [Action] {
        guard connection.operations.remove(id) != nil else { return [] }
        return [.send(.complete(id: id))]
    }

    /// The operation ended with errors instead of (more) results.
    public mutating func failed(id: String, errors: [GraphQLError]) -> [Action] {
        guard connection.operations.remove(id) != nil else { return [] }
        return [.send(.error(id: id, errors: errors))]
    }

    /// Something went wrong in the server itself: the socket closes with 4500.
    public mutating func internalError(_ reason: String) -> [Action] {
        guard !isClosed else { return [] }
        return close(4500, reason)
    }

    /// The server is shutting down: each running operation is stopped and completed, so
    /// the client knows it ended rather than broke, then the socket closes with 1001.
    public mutating func goingAway() -> [Action] {
        guard !isClosed else { return [] }
        let running = connection.close()
        return running.map { .stop(id: $0) } + running.map { .send(.complete(id: $0)) }
            + [.close(code: 1001, reason: "Server shutting down")]
    }

    // MARK: - Time

    /// The time now: closes a socket whose client has not been acknowledged in time
    /// (4408), and pings an acknowledged one when a keep-alive is due.
    public mutating func tick(at now: ContinuousClock.Instant) -> [Action] {
        switch connection.due(at: now) {
        case .nothing: []
        case .initTimeout: close(4408, "Connection initialisation timeout")
        case .idle: close(1000, "Idle timeout")
        case .keepAlive: [.send(.ping)]
        }
    }

    /// When the host should next call `tick`, if anything waits on time.
    public var nextDeadline: ContinuousClock.Instant? { connection.nextDeadline }

    private mutating func close(_ code: UInt16, _ reason: String) -> [Action] {
        connection.close().map { .stop(id: $0) } + [.close(code: code, reason: reason)]
    }
}
