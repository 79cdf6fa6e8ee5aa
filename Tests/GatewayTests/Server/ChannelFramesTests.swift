import NIOCore
import NIOEmbedded
import NIOWebSocket
import Synchronization
import Testing

@testable import Gateway
@testable import Transports

/// A shared subscription's frames written straight to a connection's channel: the
/// subprotocol's own frames, nothing after the subscriber stopped, and the slow-consumer
/// rule counted while the channel cannot take more.
@Suite struct ChannelFramesTests {
    /// What was written, flushed first.
    static func written(_ channel: EmbeddedChannel) throws -> [String] {
        channel.flush()
        var texts: [String] = []
        while let frame = try channel.readOutbound(as: WebSocketFrame.self) {
            texts.append(String(buffer: frame.unmaskedData))
        }
        return texts
    }

    @Test func aRecipientWritesTheSubprotocolsFramesUntilItIsStopped() throws {
        let channel = EmbeddedChannel()
        let frames = ChannelFrames(channel: channel, lanes: EventLoopLanes(), maxQueuedFrames: 8)
        let modern = ChannelRecipient(writer: frames, prefix: TransportWSStateMachine.nextFramePrefix(id: "a"))
        let legacy = ChannelRecipient(writer: frames, prefix: LegacyWSStateMachine.nextFramePrefix(id: "b"))
        modern.receive(Array(#"{"data":{"x":1}}"#.utf8))
        legacy.receive(Array(#"{"data":{"x":1}}"#.utf8))
        modern.flush()
        #expect(
            try Self.written(channel) == [
                #"{"type":"next","id":"a","payload":{"data":{"x":1}}}"#,
                #"{"type":"data","id":"b","payload":{"data":{"x":1}}}"#,
            ])
        modern.deactivate()
        modern.receive(Array(#"{"data":{"x":2}}"#.utf8))
        #expect(try Self.written(channel) == [])
    }

    @Test func framesPastTheBoundWhileTheChannelCannotTakeMoreMakeTheConnectionSlow() throws {
        let channel = EmbeddedChannel()
        let frames = ChannelFrames(channel: channel, lanes: EventLoopLanes(), maxQueuedFrames: 3)
        let slow = Mutex(0)
        frames.whenSlow { slow.withLock { $0 += 1 } }
        let recipient = ChannelRecipient(writer: frames, prefix: TransportWSStateMachine.nextFramePrefix(id: "a"))
        // Writable again: the count starts over.
        channel.isWritable = false
        for _ in 0..<3 { recipient.receive(Array("{}".utf8)) }
        channel.isWritable = true
        recipient.receive(Array("{}".utf8))
        #expect(slow.withLock { $0 } == 0)
        #expect(try Self.written(channel).count == 4)

        channel.isWritable = false
        for _ in 0..<6 { recipient.receive(Array("{}".utf8)) }
        #expect(slow.withLock { $0 } == 1)
        #expect(try Self.written(channel).count == 3)
        channel.isWritable = true
        recipient.receive(Array("{}".utf8))
        #expect(try Self.written(channel).count == 0)
    }

    @Test func theSourcesEndIsToldOnceAndNotAfterTheSubscriberStopped() throws {
        let frames = ChannelFrames(channel: EmbeddedChannel(), lanes: EventLoopLanes(), maxQueuedFrames: 8)
        let ends = Mutex<[String]>([])
        func recipient(_ id: String) -> ChannelRecipient {
            ChannelRecipient(writer: frames, prefix: TransportWSStateMachine.nextFramePrefix(id: id)) { error in
                ends.withLock { $0.append("\(id): \(error.map { "\($0)" } ?? "completed")") }
            }
        }
        let ending = recipient("a")
        ending.end(throwing: nil)
        ending.end(throwing: nil)
        let stopped = recipient("b")
        stopped.deactivate()
        stopped.end(throwing: nil)
        #expect(ends.withLock { $0 } == ["a: completed"])
    }

    @Test func connectionsOfOneEventLoopShareOneLane() {
        let lanes = EventLoopLanes()
        let loop = EmbeddedEventLoop()
        #expect(lanes.lane(for: loop) === lanes.lane(for: loop))
        #expect(lanes.lane(for: loop) !== lanes.lane(for: EmbeddedEventLoop()))
    }
}
