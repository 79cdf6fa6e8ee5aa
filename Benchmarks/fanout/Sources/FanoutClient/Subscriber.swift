#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import NIOPosix
import NIOWebSocket

/// What every subscriber sends and where it reports.
struct SubscriberPlan: Sendable {
    let host: String
    let port: Int
    let query: String
    let deliveries: Deliveries
}

/// The WebSocket opening handshake (RFC 6455 4.1), written by hand: the request is the
/// same for every connection, and a benchmark client needs no more. On `101` it puts the
/// frame codec and the protocol handler after itself and passes everything on.
final class HandshakeHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let plan: SubscriberPlan
    private let connection: Int
    private let token: String
    private var response = ByteBuffer()
    private var upgraded = false

    init(plan: SubscriberPlan, connection: Int, token: String) {
        self.plan = plan
        self.connection = connection
        self.token = token
    }

    func channelActive(context: ChannelHandlerContext) {
        let request =
            "GET /graphql HTTP/1.1\r\nHost: \(plan.host):\(plan.port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: \(NIOWebSocketClientUpgrader.randomRequestKey())\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n"
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: request)), promise: nil)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        guard !upgraded else {
            context.fireChannelRead(data)
            return
        }
        response.writeBuffer(&bytes)
        let view = response.readableBytesView
        guard let end = view.firstRange(of: Array("\r\n\r\n".utf8)) else { return }
        let head = String(decoding: view[view.startIndex..<end.lowerBound], as: UTF8.self)
        guard head.hasPrefix("HTTP/1.1 101") else {
            plan.deliveries.failed("connection \(connection): \(head.prefix(60))")
            context.close(promise: nil)
            return
        }
        upgraded = true
        do {
            // One by one, each after the last: the subscriber writes as soon as it is added.
            let pipeline = context.pipeline.syncOperations
            let decoder = ByteToMessageHandler(WebSocketFrameDecoder(maxFrameSize: 1 << 20))
            let encoder = WebSocketFrameEncoder()
            try pipeline.addHandler(decoder, position: .after(self))
            try pipeline.addHandler(encoder, position: .after(decoder))
            try pipeline.addHandler(
                TransportWSSubscriber(plan: plan, connection: connection, token: token), position: .after(encoder))
        } catch {
            plan.deliveries.failed("connection \(connection): \(error)")
            context.close(promise: nil)
            return
        }
        response.moveReaderIndex(to: response.readerIndex + end.upperBound - view.startIndex)
        if response.readableBytes > 0 { context.fireChannelRead(wrapInboundOut(response)) }
        response = ByteBuffer()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        plan.deliveries.failed("connection \(connection): \(error)")
        context.close(promise: nil)
    }
}

/// graphql-transport-ws from the client's side: `connection_init` with the token,
/// `subscribe` on `connection_ack`, `pong` to `ping`, and each `next` recorded by the
/// event's title with its arrival time.
final class TransportWSSubscriber: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private let plan: SubscriberPlan
    private let connection: Int
    private let token: String

    init(plan: SubscriberPlan, connection: Int, token: String) {
        self.plan = plan
        self.connection = connection
        self.token = token
    }

    func handlerAdded(context: ChannelHandlerContext) {
        send(#"{"type":"connection_init","payload":{"authorization":"Bearer \#(token)"}}"#, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            received(frame.unmaskedData, context: context)
        case .ping:
            let pong = WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData)
            context.writeAndFlush(wrapOutboundOut(pong), promise: nil)
        case .connectionClose:
            var data = frame.unmaskedData
            let code = data.readInteger(as: UInt16.self).map(String.init) ?? "?"
            plan.deliveries.failed("connection \(connection): closed by the server (\(code))")
            context.close(promise: nil)
        default:
            break
        }
    }

    /// What kind of message `text` is, read from its bytes: the client must cost
    /// little per frame, or it, not the server, is what gets measured.
    private enum Kind {
        case next(title: String)
        case ack, ping, other
    }

    private static func kind(of text: UnsafeRawBufferPointer) -> Kind {
        if find(next, in: text) != nil {
            guard let start = find(titleKey, in: text).map({ $0 + titleKey.count }),
                let end = text[start...].firstIndex(of: UInt8(ascii: "\""))
            else { return .other }
            return .next(title: String(decoding: UnsafeRawBufferPointer(rebasing: text[start..<end]), as: UTF8.self))
        }
        if find(ack, in: text) != nil { return .ack }
        if find(ping, in: text) != nil { return .ping }
        return .other
    }

    /// Where `needle` starts in `haystack` (a plain scan: frames are short).
    private static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = 1
                while matched < needle.count, haystack[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return index }
            }
            index += 1
        }
        return nil
    }

    private func received(_ text: ByteBuffer, context: ChannelHandlerContext) {
        switch text.withUnsafeReadableBytes(Self.kind) {
        case .next(let title):
            plan.deliveries.arrived(title, at: MonotonicClock.nanoseconds, connection: connection)
        case .ack:
            plan.deliveries.acknowledged()
            send(#"{"id":"1","type":"subscribe","payload":{"query":\#(jsonString(plan.query))}}"#, context: context)
        case .ping:
            send(#"{"type":"pong"}"#, context: context)
        case .other:
            plan.deliveries.failed(
                "connection \(connection): \(String(buffer: text).prefix(200))")
        }
    }

    private func send(_ text: String, context: ChannelHandlerContext) {
        let frame = WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: ByteBuffer(string: text))
        context.writeAndFlush(wrapOutboundOut(frame), promise: nil)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        plan.deliveries.failed("connection \(connection): \(error)")
        context.close(promise: nil)
    }

    private static let next = Array(#""type":"next""#.utf8)
    private static let titleKey = Array(#""title":""#.utf8)
    private static let ack = Array(#""type":"connection_ack""#.utf8)
    private static let ping = Array(#""type":"ping""#.utf8)
}

enum MonotonicClock {
    /// Nanoseconds on a monotonic clock, comparable between the client's threads.
    static var nanoseconds: UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}

/// `text` as a JSON string literal (quotes, backslashes and control characters escaped).
func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case _ where scalar.value < 0x20: out += "\\u00" + String(scalar.value, radix: 16).leftPadded(to: 2)
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
