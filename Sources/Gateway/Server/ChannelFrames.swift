import NIOCore
import NIOWebSocket
import Pipeline
import Synchronization
import Transports

/// A NIO event loop as a delivery lane: a pass runs on the loop, after those given before.
final class EventLoopLane: DeliveryLane {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func run(_ pass: @escaping @Sendable () -> Void) { eventLoop.execute(pass) }
}

/// One lane per event loop, so that the recipients of a loop are written in one pass.
final class EventLoopLanes: Sendable {
    private let lanes = Mutex<[ObjectIdentifier: EventLoopLane]>([:])

    func lane(for eventLoop: any EventLoop) -> EventLoopLane {
        lanes.withLock { lanes in
            if let lane = lanes[ObjectIdentifier(eventLoop)] { return lane }
            let lane = EventLoopLane(eventLoop)
            lanes[ObjectIdentifier(eventLoop)] = lane
            return lane
        }
    }
}

/// A WebSocket connection's channel, written from its event loop by the connection's
/// shared subscriptions.
///
/// The slow-consumer rule: while the channel is not writable (its outbound buffer is over
/// NIO's high water mark because the client does not read), the frames still written are
/// counted, and past `maxQueuedFrames` the connection is told to close with 1008 and
/// nothing more is written to it.
final class ChannelFrames: DirectFrameWriter {
    private let channel: any Channel
    private let eventLoopLane: EventLoopLane
    private let maxQueuedFrames: Int
    /// Frames written while the channel was not writable.
    private let backlog = Atomic<Int>(0)
    private let overflowed = Atomic<Bool>(false)
    private let slow = Mutex<(@Sendable () -> Void)?>(nil)

    init(channel: any Channel, lanes: EventLoopLanes, maxQueuedFrames: Int) {
        self.channel = channel
        eventLoopLane = lanes.lane(for: channel.eventLoop)
        self.maxQueuedFrames = maxQueuedFrames
    }

    var lane: any DeliveryLane { eventLoopLane }

    func whenSlow(_ action: @escaping @Sendable () -> Void) { slow.withLock { $0 = action } }

    func admitsFrame() -> Bool {
        guard !overflowed.load(ordering: .relaxed) else { return false }
        if channel.isWritable {
            backlog.store(0, ordering: .relaxed)
            return true
        }
        guard backlog.add(1, ordering: .relaxed).newValue > maxQueuedFrames else { return true }
        overflowed.store(true, ordering: .relaxed)
        slow.withLock { $0 }?()
        return false
    }

    func write(prefix: [UInt8], payload: [UInt8]) {
        var buffer = channel.allocator.buffer(capacity: prefix.count + payload.count + 1)
        buffer.writeBytes(prefix)
        buffer.writeBytes(payload)
        buffer.writeInteger(UInt8(ascii: "}"))
        channel.write(WebSocketFrame(fin: true, opcode: .text, data: buffer), promise: nil)
    }

    func flush() { channel.flush() }
}
