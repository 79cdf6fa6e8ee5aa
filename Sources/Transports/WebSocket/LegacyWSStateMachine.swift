import GraphQLEngine
import Pipeline

/// One connection speaking the legacy `graphql-ws` subprotocol (subscriptions-transport-ws),
/// as a plain state machine like `TransportWSStateMachine`: events in, actions out, time
/// passed in. Where the two protocols differ: a message that cannot be read is answered
/// with `connection_error` and the socket stays; a `start` with an id in use replaces
/// that operation; `stop` is answered with `complete`; the server keeps the connection
/// alive with `ka`, right after the acknowledgement and then periodically.
public struct LegacyWSStateMachine: Sendable {
    public typealias Configuration = TransportWSStateMachine.Configuration

    public enum Action: Equatable, Sendable {
        case send(LegacyWSServerMessage)
        /// Check the `connection_init` payload, then call `accepted` or `rejected`.
        case authenticate(payload: InputValue?)
        /// Run the operation; report with `next`, `completed` and `failed`.
        case start(id: String, OperationRequest)
        /// Cancel the operation; send nothing more for it.
        case stop(id: String)
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

    public mutating func heard(at now: ContinuousClock.Instant) { connection.heard(at: now) }

    public mutating func received(_ text: [UInt8]) -> [Action] {
        guard !isClosed else { return [] }
        if let (code, reason) = connection.oversized(text) { return close(code, reason) }
        let message: LegacyWSClientMessage
        do {
            message = try LegacyWSClientMessage(text: text)
        } catch {
            return [.send(.connectionError(message: error.reason))]
        }
        switch message {
        case .connectionInit(let payload):
            guard connection.initialise() else {
                return [.send(.connectionError(message: "Too many initialisation requests"))]
            }
            return [.authenticate(payload: payload)]
        case .start(let id, let request):
            guard connection.isAcknowledged else {
                let error = GraphQLError(
                    message: "The connection is not initialised: send connection_init first.", code: "UNAUTHENTICATED")
                return [.send(.error(id: id, errors: [error]))]
            }
            // An id in use names the operation the client replaces.
            var actions: [Action] = connection.operations.remove(id) != nil ? [.stop(id: id)] : []
            if let error = connection.operationLimitError { return actions + [.send(.error(id: id, errors: [error]))] }
            connection.operations.insert(id)
            actions.append(.start(id: id, request))
            return actions
        case .stop(let id):
            guard connection.operations.remove(id) != nil else { return [] }
            return [.stop(id: id), .send(.complete(id: id))]
        case .connectionTerminate:
            return close(1000, "Normal Closure")
        }
    }

    public mutating func receivedBinary() -> [Action] {
        guard !isClosed else { return [] }
        return [.send(.connectionError(message: "Invalid message: binary frames are not part of the protocol"))]
    }

    public mutating func socketClosed() -> [Action] {
        guard !isClosed else { return [] }
        return connection.close().map { .stop(id: $0) }
    }

    // MARK: - From the host

    public mutating func accepted(at now: ContinuousClock.Instant) -> [Action] {
        guard connection.acknowledge(at: now) else { return [] }
        guard configuration.keepAliveInterval != nil else { return [.send(.connectionAck)] }
        return [.send(.connectionAck), .send(.keepAlive)]
    }

    /// The credentials were refused: the client is told why, and the socket closes.
    public mutating func rejected(_ message: String) -> [Action] {
        guard connection.isAuthenticating else { return [] }
        return [.send(.connectionError(message: message))] + close(4403, "Forbidden")
    }

    public func next(id: String, response: [UInt8]) -> [Action] {
        guard connection.operations.contains(id) else { return [] }
        return [.send(.data(id: id, response: response))]
    }

    public mutating func completed(id: String) -> [Action] {
        guard connection.operations.remove(id) != nil else { return [] }
        return [.send(.complete(id: id))]
    }

    public mutating func failed(id: String, errors: [GraphQLError]) -> [Action] {
        guard connection.operations.remove(id) != nil else { return [] }
        return [.send(.error(id: id, errors: errors))]
    }

    public mutating func internalError(_ reason: String) -> [Action] {
        guard !isClosed else { return [] }
        return close(1011, reason)
    }

    /// The server is shutting down: each running operation is stopped and completed,
    /// then the socket closes with 1001.
    public mutating func goingAway() -> [Action] {
        guard !isClosed else { return [] }
        let running = connection.close()
        return running.map { .stop(id: $0) } + running.map { .send(.complete(id: $0)) }
            + [.close(code: 1001, reason: "Server shutting down")]
    }

    // MARK: - Time

    public mutating func tick(at now: ContinuousClock.Instant) -> [Action] {
        switch connection.due(at: now) {
        case .nothing: []
        case .initTimeout: close(4408, "Connection initialisation timeout")
        case .idle: close(1000, "Idle timeout")
        case .keepAlive: [.send(.keepAlive)]
        }
    }

    public var nextDeadline: ContinuousClock.Instant? { connection.nextDeadline }

    private mutating func close(_ code: UInt16, _ reason: String) -> [Action] {
        connection.close().map { .stop(id: $0) } + [.close(code: code, reason: reason)]
    }
}
