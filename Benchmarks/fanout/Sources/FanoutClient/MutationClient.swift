import NIOCore
import NIOHTTP1
import NIOPosix

/// Fires events: GraphQL mutations over one keep-alive HTTP/1.1 connection, one at a
/// time, each answered before the next is sent.
struct MutationClient {
    let host: String
    let port: Int
    let token: String

    /// Runs `body` with a function that posts a GraphQL request and returns the status and
    /// the answer's text.
    func withConnection<Result: Sendable>(
        on group: MultiThreadedEventLoopGroup,
        _ body: (_ post: (String) async throws -> (status: Int, text: String)) async throws -> Result
    ) async throws -> Result {
        let channel = try await ClientBootstrap(group: group).connect(host: host, port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHTTPClientHandlers()
                return try NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>(
                    wrappingChannelSynchronously: channel)
            }
        }
        return try await channel.executeThenClose { inbound, outbound in
            var responses = inbound.makeAsyncIterator()
            func post(_ json: String) async throws -> (status: Int, text: String) {
                var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/graphql")
                head.headers.add(name: "Host", value: "\(host):\(port)")
                head.headers.add(name: "Content-Type", value: "application/json")
                head.headers.add(name: "Authorization", value: "Bearer \(token)")
                head.headers.add(name: "Content-Length", value: "\(json.utf8.count)")
                try await outbound.write(contentsOf: [
                    .head(head), .body(.byteBuffer(ByteBuffer(string: json))), .end(nil),
                ])
                var status = 0
                var text = ""
                while let part = try await responses.next() {
                    switch part {
                    case .head(let response): status = Int(response.status.code)
                    case .body(let buffer): text += String(buffer: buffer)
                    case .end: return (status, text)
                    }
                }
                throw MutationError.closed
            }
            return try await body(post)
        }
    }
}

enum MutationError: Error {
    case closed
}
