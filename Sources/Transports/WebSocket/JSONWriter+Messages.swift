import GraphQLEngine

/// The pieces both subprotocols write their messages with.
extension JSONWriter {
    /// `"<type>","id":"<id>"`: the type and id of a message about one operation, in
    /// either subprotocol, after `{"type":`.
    mutating func operation(_ type: StaticString, id: String) {
        raw(UInt8(ascii: "\""))
        raw(type)
        raw("\",\"id\":")
        string(id)
    }

    /// `"<type>","id":"<id>","payload":`: a message about one operation up to its payload,
    /// after `{"type":`.
    mutating func operationPayload(_ type: StaticString, id: String) {
        operation(type, id: id)
        raw(",\"payload\":")
    }

    /// `{"type":"<type>","id":"<id>","payload":`: the frame of one operation's result up
    /// to the result; the result and `}` complete it.
    static func resultPrefix(_ type: StaticString, id: String) -> [UInt8] {
        var json = JSONWriter(capacity: 40 + id.utf8.count)
        json.raw("{\"type\":")
        json.operationPayload(type, id: id)
        return json.bytes
    }

    /// `[{"message": ...}, ...]`, as both subprotocols send an operation's errors.
    mutating func errors(_ errors: [GraphQLError]) {
        raw(UInt8(ascii: "["))
        for (index, error) in errors.enumerated() {
            if index > 0 { raw(UInt8(ascii: ",")) }
            error.write(to: &self)
        }
        raw(UInt8(ascii: "]"))
    }
}
