import GraphQLEngine
import Pipeline

/// The parts of an HTTP request that GraphQL over HTTP reads, and the response to send:
/// what the server hands the service and writes back, so the protocol is tested without
/// sockets.
public struct HTTPExchange: Sendable {
    public struct Request: Sendable {
        public var method: String
        public var accept: String?
        public var contentType: String?
        public var queryItems: [(name: String, value: String)]
        public var body: [UInt8]

        public init(
            method: String, accept: String? = nil, contentType: String? = nil,
            queryItems: [(name: String, value: String)] = [], body: [UInt8] = []
        ) {
            self.method = method
            self.accept = accept
            self.contentType = contentType
            self.queryItems = queryItems
            self.body = body
        }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]
        /// What the request came to, for the metrics and the request's log line.
        public var report: OperationReport

        public var text: String { String(decoding: body, as: UTF8.self) }

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

}
