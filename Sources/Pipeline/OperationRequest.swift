import GraphQLEngine

/// What a client asks to run, over any transport: GraphQL over HTTP's request parameters
/// (`query`, `operationName`, `variables`, `extensions`), which both WebSocket
/// subprotocols carry as their subscribe (or start) payload.
///
/// `query` may be absent when `extensions.persistedQuery` names the document by its hash
/// (automatic persisted queries).
public struct OperationRequest: Equatable, Sendable {
    public var query: String?
    public var operationName: String?
    public var variables: [String: InputValue]
    public var extensions: [String: InputValue]

    public init(
        query: String?, operationName: String? = nil, variables: [String: InputValue] = [:],
        extensions: [String: InputValue] = [:]
    ) {
        self.query = query
        self.operationName = operationName
        self.variables = variables
        self.extensions = extensions
    }

    /// The request in a JSON object, or why it is not one: a member of the wrong type is
    /// named, as a client needs to fix it.
    public init(json: InputValue, in place: String) throws(ProtocolViolation) {
        guard case .object(let members) = json else { throw ProtocolViolation("\(place) must be an object") }
        switch members["operationName"] {
        case nil, .null?: operationName = nil
        case .string(let name)?: operationName = name
        default: throw ProtocolViolation("\(place).operationName must be a string or null")
        }
        variables = try Self.object(members["variables"], "\(place).variables")
        extensions = try Self.object(members["extensions"], "\(place).extensions")
        switch members["query"] {
        case .string(let query)?: self.query = query
        case nil, .null?:
            guard Self.persistedQuery(in: extensions) != nil else {
                throw ProtocolViolation(
                    "\(place).query is missing: send the document, or its hash in extensions.persistedQuery")
            }
            self.query = nil
        default: throw ProtocolViolation("\(place).query must be a string")
        }
    }

    /// `extensions.persistedQuery`, when the client sent one (a null is none).
    public var persistedQuery: InputValue? { Self.persistedQuery(in: extensions) }

    static func persistedQuery(in extensions: [String: InputValue]) -> InputValue? {
        switch extensions["persistedQuery"] {
        case nil, .null?: nil
        case let value?: value
        }
    }

    private static func object(_ value: InputValue?, _ place: String) throws(ProtocolViolation) -> [String: InputValue]
    {
        switch value {
        case nil, .null?: return [:]
        case .object(let members)?: return members
        default: throw ProtocolViolation("\(place) must be an object or null")
        }
    }
}

/// A message that breaks a protocol, with what is wrong, as a close reason says it.
public struct ProtocolViolation: Error, Equatable, Sendable {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }
}
