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
