import GraphQLEngine
import Pipeline

/// The messages of `graphql-transport-ws` (graphql-ws's PROTOCOL.md), as the server
/// reads them from a client...
public enum TransportWSClientMessage: Equatable, Sendable {
    case connectionInit(payload: InputValue?)
    case ping(payload: InputValue?)
    case pong(payload: InputValue?)
    case subscribe(id: String, OperationRequest)
    case complete(id: String)

    /// The message in a text frame, or the violation that closes the socket with 4400.
    public init(text: [UInt8]) throws(ProtocolViolation) {
        let frame = try ProtocolFrame(text)
        switch frame.type {
        case "connection_init": self = .connectionInit(payload: try frame.objectPayload())
        case "ping": self = .ping(payload: try frame.objectPayload())
        case "pong": self = .pong(payload: try frame.objectPayload())
        case "subscribe":
            let id = try frame.id()
            self = .subscribe(id: id, try frame.operationPayload())
        case "complete": self = .complete(id: try frame.id())
        default: throw ProtocolViolation("Invalid message type \"\(frame.type)\"")
        }
    }
}

/// ...and writes to it.
public enum TransportWSServerMessage: Equatable, Sendable {
    case connectionAck(payload: InputValue?)
    case ping
    case pong
    /// One result of the operation: a response's JSON as the executor wrote it.
    case next(id: String, response: [UInt8])
    /// Errors that end the operation before (or instead of) a result.
    case error(id: String, errors: [GraphQLError])
    case complete(id: String)

    /// The message as the text of a frame.
    public var text: [UInt8] {
        var json = JSONWriter(capacity: 64)
        json.raw("{\"type\":")
        switch self {
        case .connectionAck(let payload):
            json.raw("\"connection_ack\"")
            if let payload {
                json.raw(",\"payload\":")
                json.json(payload)
            }
        case .ping: json.raw("\"ping\"")
        case .pong: json.raw("\"pong\"")
        case .next(let id, let response):
            json.operationPayload("next", id: id)
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
