import GraphQLEngine
import Pipeline

/// A text frame of either WebSocket subprotocol read as `{"type": ..., "id": ...,
/// "payload": ...}`: both speak JSON messages of that shape.
struct ProtocolFrame {
    let type: String
    let members: [String: InputValue]

    init(_ text: [UInt8]) throws(ProtocolViolation) {
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
        (self.type, self.members) = (type, members)
    }

    /// The message's id, which operation messages must have.
    func id() throws(ProtocolViolation) -> String {
        guard case .string(let id)? = members["id"], !id.isEmpty else {
            throw ProtocolViolation("Invalid message: \"\(type)\" needs a non-empty string \"id\"")
        }
        return id
    }

    /// An optional object payload (`connection_init`, `ping`, ...).
    func objectPayload() throws(ProtocolViolation) -> InputValue? {
        switch members["payload"] {
        case nil, .null?: return nil
        case .object(let fields)?: return .object(fields)
        default: throw ProtocolViolation("Invalid message: \"\(type)\" payload must be an object or null")
        }
    }

    /// The operation a `subscribe` or `start` carries.
    func operationPayload() throws(ProtocolViolation) -> OperationRequest {
        guard let request = members["payload"] else {
            throw ProtocolViolation("Invalid message: \"\(type)\" needs a payload")
        }
        return try OperationRequest(json: request, in: "payload")
    }
}
