import GraphQLEngine
import Pipeline

/// What a connection's driver asks of either subprotocol's state machine, with actions in
/// one shape: the driver does the I/O for both.
public enum WebSocketAction: Equatable, Sendable {
    case send([UInt8])
    case authenticate(payload: InputValue?)
    case start(id: String, OperationRequest)
    case stop(id: String)
    case close(code: UInt16, reason: String)
}

/// An action of one subprotocol's state machine, in the shape the driver carries out.
public protocol WebSocketActionConvertible: Sendable {
    var common: WebSocketAction { get }
}

/// Either subprotocol's state machine, as the connection's driver uses it.
public protocol SubprotocolStateMachine: Sendable {
    associatedtype Action: WebSocketActionConvertible
    var isClosed: Bool { get }
    var nextDeadline: ContinuousClock.Instant? { get }
    mutating func heard(at now: ContinuousClock.Instant)
    mutating func received(_ text: [UInt8]) -> [Action]
    mutating func receivedBinary() -> [Action]
    mutating func socketClosed() -> [Action]
    mutating func accepted(at now: ContinuousClock.Instant) -> [Action]
    mutating func rejected(_ reason: String) -> [Action]
    func next(id: String, response: [UInt8]) -> [Action]
    /// The frame `next(id:response:)` sends for an active operation, up to the response
    /// (the response and `}` complete it), for a transport that writes a shared
    /// subscription's responses itself.
    static func nextFramePrefix(id: String) -> [UInt8]
    mutating func completed(id: String) -> [Action]
    mutating func failed(id: String, errors: [GraphQLError]) -> [Action]
    mutating func tick(at now: ContinuousClock.Instant) -> [Action]
    mutating func goingAway() -> [Action]
}

extension TransportWSStateMachine.Action: WebSocketActionConvertible {
    public var common: WebSocketAction {
        switch self {
        case .send(let message): .send(message.text)
        case .authenticate(let payload): .authenticate(payload: payload)
        case .start(let id, let request): .start(id: id, request)
        case .stop(let id): .stop(id: id)
        case .close(let code, let reason): .close(code: code, reason: reason)
        }
    }
}

extension TransportWSStateMachine: SubprotocolStateMachine {
    public mutating func accepted(at now: ContinuousClock.Instant) -> [Action] { accepted(ackPayload: nil, at: now) }
    /// graphql-transport-ws closes with 4403 whatever the reason.
    public mutating func rejected(_ reason: String) -> [Action] { rejected() }

    public static func nextFramePrefix(id: String) -> [UInt8] { JSONWriter.resultPrefix("next", id: id) }
}

extension LegacyWSStateMachine.Action: WebSocketActionConvertible {
    public var common: WebSocketAction {
        switch self {
        case .send(let message): .send(message.text)
        case .authenticate(let payload): .authenticate(payload: payload)
        case .start(let id, let request): .start(id: id, request)
        case .stop(let id): .stop(id: id)
        case .close(let code, let reason): .close(code: code, reason: reason)
        }
    }
}

extension LegacyWSStateMachine: SubprotocolStateMachine {
    public static func nextFramePrefix(id: String) -> [UInt8] { JSONWriter.resultPrefix("data", id: id) }
}
