import Pipeline
import Synchronization

/// How a connection's shared subscriptions write their frames themselves, on the lane
/// where the group delivers them (the connection's event loop), past the connection's own
/// loop and writer. The server gives one per connection (`ChannelFrames`, on NIO).
///
/// It keeps the slow-consumer rule: a client that does not read makes it refuse frames
/// past the bound, and call `whenSlow` once, so the connection closes with 1008.
public protocol DirectFrameWriter: Sendable {
    var lane: any DeliveryLane { get }
    /// Whether one more frame may be written now (called on the lane).
    func admitsFrame() -> Bool
    /// One text frame: `prefix`, then `payload`, then `}`.
    func write(prefix: [UInt8], payload: [UInt8])
    func flush()
    /// What to call, once, when the client does not keep up.
    func whenSlow(_ action: @escaping @Sendable () -> Void)
}

/// One subscription of a connection written by a `DirectFrameWriter`: each response as the
/// subprotocol's `next` (legacy: `data`) frame, whose start (`prefix`) is made once, until
/// it is stopped.
final class ChannelRecipient: SubscriptionRecipient {
    private let writer: any DirectFrameWriter
    private let prefix: [UInt8]
    private let active = Atomic<Bool>(true)
    /// Told once, when the source ends (nil: it completed; else what failed it).
    private let ending: AsyncStream<(any Error)?>.Continuation
    let ended: AsyncStream<(any Error)?>

    var lane: any DeliveryLane { writer.lane }

    init(writer: any DirectFrameWriter, prefix: [UInt8]) {
        self.writer = writer
        self.prefix = prefix
        (ended, ending) = AsyncStream<(any Error)?>.makeStream(bufferingPolicy: .bufferingOldest(1))
    }

    func receive(_ response: [UInt8]) {
        guard active.load(ordering: .relaxed), writer.admitsFrame() else { return }
        writer.write(prefix: prefix, payload: response)
    }

    func flush() { writer.flush() }

    func end(throwing error: (any Error)?) {
        ending.yield(error)
        ending.finish()
    }

    /// Stopped by the client or the connection's end: nothing more is written, even from a
    /// pass already on its way.
    func deactivate() {
        active.store(false, ordering: .relaxed)
        ending.finish()
    }
}
