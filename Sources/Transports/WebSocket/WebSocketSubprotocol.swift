/// The two GraphQL subprotocols served on `/graphql`, chosen from the client's
/// `Sec-WebSocket-Protocol` header.
public enum WebSocketSubprotocol: String, Sendable, CaseIterable {
    /// graphql-ws's `graphql-transport-ws`, preferred when a client offers both.
    case graphQLTransportWS = "graphql-transport-ws"
    /// subscriptions-transport-ws's legacy `graphql-ws`.
    case graphQLWS = "graphql-ws"

    /// The subprotocol to speak, from the header's comma-separated list; nil when the
    /// client offers neither (the socket is then closed with 4406).
    public static func choose(from header: String?) -> WebSocketSubprotocol? {
        let offered = Set((header ?? "").split(separator: ",").map { $0.trimmingSpaces() })
        return allCases.first { offered.contains($0.rawValue) }
    }

    /// The close for a client that offered no subprotocol we speak.
    public static let notAcceptable = (code: UInt16(4406), reason: "Subprotocol not acceptable")
}
