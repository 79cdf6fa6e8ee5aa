import GraphQLEngine
import Pipeline

/// The messages of the legacy `graphql-ws` subprotocol (subscriptions-transport-ws's
/// PROTOCOL.md), which older Apollo clients and Python's `gql` speak, as the server reads
/// them from a client...
public enum LegacyWSClientMessage: Equatable, Sendable {
    case connectionInit(payload: InputValue?)
    case start(id: String, OperationRequest)
    case stop(id: String)
    case connectionTerminate

    public init(text: [UInt8]) throws(ProtocolViolation) {
        let frame = try ProtocolFrame(text)
        switch frame.type {
        case "connection_init": self = .connectionInit(payload: try frame.objectPayload())
        case "start":
            let id = try frame.id()
            self = .start(id: id, try frame.operationPayload())
        case "stop": self = .stop(id: try frame.id())
        case "connection_terminate": self = .connectionTerminate
        default: throw ProtocolViolation("Invalid message type \"\(frame.type)\"")
        }
    }
}

/// ...and writes to it.
public enum LegacyWSServerMessage: Equatable, Sendable {
    case connectionAck
    /// The connection was refused, or a message could not be read (the socket stays).
    case connectionError(message: String)
    case keepAlive
    /// One result of the operation: a response's JSON as the executor wrote it.
    case data(id: String, response: [UInt8])
    /// Errors that end the operation before it executes.
    case error(id: String, errors: [GraphQLError])
    case complete(id: String)

    public var text: [UInt8] {
        var json = JSONWriter(capacity: 64)
        json.raw("{\"type\":")
        switch self {
        case .connectionAck: json.raw("\"connection_ack\"")
        case .connectionError(let message):
            json.raw("\"connection_error\",\"payload\":{\"message\":")
            json.string(message)
            json.raw(UInt8(ascii: "}"))
        case .keepAlive: json.raw("\"ka\"")
        case .data(let id, let response):
            json.operationPayload("data", id: id)
            json.append(response)
        case .error(let id, let errors):
            json.operation("error", id: id)
            json.raw(",\"payload\":")
            json.errors(errors)
        case .complete(let id):
            json.operation("complete", id: id)
        }
        json.raw(UInt8(ascii: "}"))
        return json.bytes
    }
}
