/// An error as a GraphQL response carries it (spec 7.1.2): a message for people, the
/// places in the document it concerns, for a field error the response path to the field,
/// and `extensions.code` for programs (`GRAPHQL_VALIDATION_FAILED`, `BAD_USER_INPUT`...).
public struct GraphQLError: Error, Hashable, Sendable {
    public var message: String
    public var locations: [SourceLocation]
    /// Response keys and list indices from the root to the field that failed.
    public var path: [PathComponent]?
    public var code: String?
    /// Members of `extensions` beside `code` (`retryAfter` of a rate-limited field),
    /// written in the order of their names.
    public var extensions: [String: InputValue] = [:]

    /// One step of a response path: a response key, or an index in a list.
    public enum PathComponent: Hashable, Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
        case key(String)
        case index(Int)

        public init(stringLiteral value: String) { self = .key(value) }
        public init(integerLiteral value: Int) { self = .index(value) }
    }

    public init(
        message: String, locations: [SourceLocation] = [], path: [PathComponent]? = nil, code: String? = nil,
        extensions: [String: InputValue] = [:]
    ) {
        self.message = message
        self.locations = locations
        self.path = path
        self.code = code
        self.extensions = extensions
    }

    public init(_ error: SyntaxError, in source: Source) {
        self.init(message: error.message, locations: [error.location(in: source)])
    }

    /// `{"message": ..., "locations": [{"line": L, "column": C}], "path": [...], "extensions": {"code": ...}}`,
    /// members left out when empty (spec 7.1.2).
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
        if let path {
            json.raw(",\"path\":[")
            for (index, component) in path.enumerated() {
                if index > 0 { json.raw(UInt8(ascii: ",")) }
                switch component {
                case .key(let key): json.string(key)
                case .index(let position): json.integer(position)
                }
            }
            json.raw(UInt8(ascii: "]"))
        }
        guard code != nil || !extensions.isEmpty else { return }
        json.raw(",\"extensions\":{")
        if let code {
            json.raw("\"code\":")
            json.string(code)
        }
        for (index, (name, value)) in extensions.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 || code != nil { json.raw(UInt8(ascii: ",")) }
            json.string(name)
            json.raw(UInt8(ascii: ":"))
            value.write(to: &json)
        }
        json.raw(UInt8(ascii: "}"))
    }
}
