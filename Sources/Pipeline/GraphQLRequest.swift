import GraphQLEngine
import Platform

/// One request for an operation as every transport hands it to the pipeline: what the
/// client asked to run (the document or its persisted hash, the operation's name, the
/// variables), who asks, and over what.
public struct GraphQLRequest: Sendable {
    public var operation: OperationRequest
    public var caller: RequestContext
    public var transport: Transport
    /// When the transport received it: the operation's latency counts from here.
    public var receivedAt: ContinuousClock.Instant

    public init(
        _ operation: OperationRequest, caller: RequestContext, transport: Transport,
        receivedAt: ContinuousClock.Instant = .now
    ) {
        self.operation = operation
        self.caller = caller
        self.transport = transport
        self.receivedAt = receivedAt
    }
}

/// What a request came over, which decides the operation kinds it can carry.
public enum Transport: Sendable, Equatable {
    /// GraphQL over HTTP: a GET carries queries only (a mutation must not change state
    /// on a GET), neither carries subscriptions (they need a stream).
    case http(method: HTTPMethod)
    /// Either WebSocket subprotocol: every kind.
    case webSocket

    public enum HTTPMethod: Sendable, Equatable {
        case get, post
    }

    /// The metrics' `transport` label.
    public var label: String {
        switch self {
        case .http: "http"
        case .webSocket: "websocket"
        }
    }

    /// Whether an operation of `type` can be answered over this transport.
    public func carries(_ type: OperationType) -> Bool {
        switch (self, type) {
        case (.webSocket, _), (.http, .query), (.http(.post), .mutation): true
        case (.http(.get), .mutation), (.http, .subscription): false
        }
    }
}
