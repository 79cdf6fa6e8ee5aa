/// An error as a GraphQL response carries it (spec 7.1.2): a message for people, and the
/// places in the document it concerns. Execution adds `path` and `extensions` (issue 4).
public struct GraphQLError: Error, Hashable, Sendable {
    public var message: String
    public var locations: [SourceLocation]

    public init(message: String, locations: [SourceLocation] = []) {
        self.message = message
        self.locations = locations
    }

    public init(_ error: SyntaxError, in source: Source) {
        self.init(message: error.message, locations: [error.location(in: source)])
    }

    /// `{"message": ..., "locations": [{"line": L, "column": C}]}`
    public func write(to json: inout JSONWriter) {
        json.raw(UInt8(ascii: "{"))
        writeMembers(to: &json)
        json.raw(UInt8(ascii: "}"))
    }

    /// `"message": ..., "locations": [...]` without the braces, for objects that add
    /// members of their own.
    public func writeMembers(to json: inout JSONWriter) {
        json.raw("\"message\":")
        json.string(message)
        if !locations.isEmpty {
            json.raw(",\"locations\":[")
            for (index, location) in locations.enumerated() {
                if index > 0 { json.raw(UInt8(ascii: ",")) }
                json.raw("{\"line\":")
                json.integer(location.line)
                json.raw(",\"column\":")
                json.integer(location.column)
                json.raw(UInt8(ascii: "}"))
            }
            json.raw(UInt8(ascii: "]"))
        }
    }
}
