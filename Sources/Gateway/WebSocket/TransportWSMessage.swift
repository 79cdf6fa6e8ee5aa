import GraphQLEngine

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
        let json: InputValue
        do {
            json = try JSONReader.read(bytes: text, maxDepth: 64)
        } catch {
            throw ProtocolViolation("Invalid message: not JSON (\(error.description))")
        }
        guard case .object(let members) = json else { throw ProtocolViolation("Invalid message: not an object") }
        guard case .string(let type)? = members["type"] else {
            throw ProtocolViolation("Invalid message: no string \"type\"")
        }
        func payload() throws(ProtocolViolation) -> InputValue? {
            switch members["payload"] {
            case nil, .null?: return nil
            case .object(let fields)?: return .object(fields)
            default: throw ProtocolViolation("Invalid message: \"\(type)\" payload must be an object or null")
            }
        }
        func id() throws(ProtocolViolation) -> String {
            guard case .string(let id)? = members["id"], !id.isEmpty else {
                throw ProtocolViolation("Invalid message: \"\(type)\" needs a non-empty string \"id\"")
            }
            return id
        }
        switch type {
        case "connection_init": self = .connectionInit(payload: try payload())
        case "ping": self = .ping(payload: try payload())
        case "pong": self = .pong(payload: try payload())
        case "subscribe":
            let id = try id()
            guard let request = members["payload"] else {
                throw ProtocolViolation("Invalid message: \"subscribe\" needs a payload")
            }
            self = .subscribe(id: id, try OperationRequest(json: request, in: "payload"))
        case "complete": self = .complete(id: try id())
        default: throw ProtocolViolation("Invalid message type \"\(type)\"")
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
            json.raw("\"next\",\"id\":")
            json.string(id)
            json.raw(",\"payload\":")
            json.append(response)
        case .error(let id, let errors):
            json.raw("\"error\",\"id\":")
            json.string(id)
            json.raw(",\"payload\":[")
            for (index, error) in errors.enumerated() {
                if index > 0 { json.raw(UInt8(ascii: ",")) }
                error.write(to: &json)
            }
            json.raw(UInt8(ascii: "]"))
        case .complete(let id):
            json.raw("\"complete\",\"id\":")
            json.string(id)
        }
        json.raw(UInt8(ascii: "}"))
        return json.bytes
    }
}
