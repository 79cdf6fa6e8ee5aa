import Foundation
import GraphQLEngine
import HTTPTypes
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import Transports

/// The WebSocket side: an upgrade of `/graphql` speaks the subprotocol the client
/// offered, through the same connection driver whichever it is.
extension GatewayServer {
    /// Whether to upgrade: only `/graphql`, answering with the subprotocol chosen. A
    /// client that offers neither is upgraded all the same and closed with 4406, as
    /// graphql-ws asks, so it learns why.
    func upgrade(_ request: HTTPRequest, channel: any Channel, clientAddress: String?) -> ShouldUpgradeResult<
        WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>
    > {
        guard request.path?.split(separator: "?", maxSplits: 1).first == "/graphql" else { return .dontUpgrade }
        let offered = request.headerFields.combined(.secWebSocketProtocol) ?? ""
        let chosen = WebSocketSubprotocol.choose(from: offered)
        var headers = HTTPFields()
        if let chosen { headers[.secWebSocketProtocol] = chosen.rawValue }
        return .upgrade(headers) { inbound, outbound, context in
            await serveWebSocket(
                chosen, inbound: inbound, outbound: outbound, channel: channel, clientAddress: clientAddress,
                logger: context.logger)
        }
    }

    func serveWebSocket(
        _ subprotocol: WebSocketSubprotocol?, inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter,
        channel: any Channel, clientAddress: String?, logger: Logger
    ) async {
        let socket = WebSocketOutbound(
            send: { text in
                // A write to a socket that is closing fails; the reader then sees it end.
                try? await outbound.write(
                    .custom(WebSocketFrame(fin: true, opcode: .text, data: ByteBuffer(bytes: text))))
            },
            close: { code, reason in
                try? await outbound.close(WebSocketErrorCode(codeNumber: Int(code)), reason: reason)
            })
        guard let subprotocol else {
            let (code, reason) = WebSocketSubprotocol.notAcceptable
            await socket.close(code, reason)
            return
        }
        var logger = logger
        logger[metadataKey: "connection.id"] = "\(UUID().uuidString.prefix(8))"
        logger[metadataKey: "subprotocol"] = "\(subprotocol.rawValue)"
        let messages = WebSocketMessages(frames: inbound, maxBytes: settings.webSocket.maxMessageBytes)
        let authenticate: GraphQLWebSocketConnection.Authenticate = { [verifier] payload in
            switch await verifier.context(connectionInitPayload: payload, now: Date()) {
            case .success(var context):
                context.clientAddress = clientAddress
                return .accepted(context: context)
            case .failure(let failure): return .rejected(reason: failure.reason)
            }
        }
        // Shared subscriptions write their frames straight to the channel.
        let direct = ChannelFrames(channel: channel, lanes: lanes, maxQueuedFrames: settings.maxQueuedFrames)
        logger.info("websocket opened")
        switch subprotocol {
        case .graphQLTransportWS:
            await GraphQLWebSocketConnection.serve(
                TransportWSStateMachine(configuration: settings.webSocket, openedAt: .now), inbound: messages,
                outbound: socket, pipeline: pipeline, authenticate: authenticate,
                maxQueuedFrames: settings.maxQueuedFrames, registry: registry, direct: direct, logger: logger)
        case .graphQLWS:
            await GraphQLWebSocketConnection.serve(
                LegacyWSStateMachine(configuration: settings.webSocket, openedAt: .now), inbound: messages,
                outbound: socket, pipeline: pipeline, authenticate: authenticate,
                maxQueuedFrames: settings.maxQueuedFrames, registry: registry, direct: direct, logger: logger)
        }
        logger.info("websocket closed")
    }
}

/// A WebSocket's messages as the connection driver reads them: fragments joined into
/// one message, and a message over `maxBytes` cut one byte past the limit, so the state
/// machine closes it as too big without the server holding the rest.
struct WebSocketMessages: AsyncSequence, Sendable {
    typealias Element = WebSocketInbound
    let frames: WebSocketInboundStream
    let maxBytes: Int

    struct AsyncIterator: AsyncIteratorProtocol {
        var frames: WebSocketInboundStream.AsyncIterator
        let maxBytes: Int

        mutating func next() async throws -> WebSocketInbound? {
            guard let first = try await frames.next() else { return nil }
            var bytes: [UInt8] = []
            var frame = first
            while true {
                let room = maxBytes + 1 - bytes.count
                if room > 0 { bytes += frame.data.readableBytesView.prefix(room) }
                if frame.fin { break }
                guard let following = try await frames.next() else { return nil }
                frame = following
            }
            return first.opcode == .text ? .text(bytes) : .binary
        }
    }

    func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frames: frames.makeAsyncIterator(), maxBytes: maxBytes)
    }
}
