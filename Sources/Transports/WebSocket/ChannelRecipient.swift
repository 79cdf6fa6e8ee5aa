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
/// it is stopped. No task waits on it: the source's end is told through `onEnd`, and
/// `whenFinished` runs once, whether it ended or was stopped.
final class ChannelRecipient: SubscriptionRecipient {
    private let writer: any DirectFrameWriter
    private let prefix: [UInt8]
    private let onEnd: @Sendable (_ error: (any Error)?) -> Void
    private let active = Atomic<Bool>(true)
    private let state = Mutex(State())

    private struct State {
        var membership: SubscriptionMembership?
        var whenFinished: (@Sendable () -> Void)?
        var finished = false
    }

    var lane: any DeliveryLane { writer.lane }

    init(
        writer: any DirectFrameWriter, prefix: [UInt8],
        onEnd: @escaping @Sendable (_ error: (any Error)?) -> Void = { _ in }
    ) {
        self.writer = writer
        self.prefix = prefix
        self.onEnd = onEnd
    }

    /// Its place in the group, kept so that stopping it leaves; `whenFinished` runs once
    /// it ends or is stopped (at once, if it was stopped already).
    func attach(_ membership: SubscriptionMembership, whenFinished: @escaping @Sendable () -> Void) {
        let stoppedAlready = state.withLock { state in
            guard !state.finished else { return true }
            state.membership = membership
            state.whenFinished = whenFinished
            return false
        }
        if stoppedAlready {
            membership.leave()
            whenFinished()
        }
    }

    func receive(_ response: [UInt8]) {
        guard active.load(ordering: .relaxed), writer.admitsFrame() else { return }
        writer.write(prefix: prefix, payload: response)
    }

    func flush() { writer.flush() }

    func end(throwing error: (any Error)?) {
        guard let (_, whenFinished) = finish() else { return }
        whenFinished?()
        onEnd(error)
    }

    /// Stopped by the client or the connection's end: nothing more is written, even from a
    /// pass already on its way, and it leaves its group.
    func deactivate() {
        active.store(false, ordering: .relaxed)
        guard let (membership, whenFinished) = finish() else { return }
        membership?.leave()
        whenFinished?()
    }

    /// The first end or stop: what to release; nil after that.
    private func finish() -> (SubscriptionMembership?, (@Sendable () -> Void)?)? {
        state.withLock { state in
            guard !state.finished else { return nil }
            state.finished = true
            defer {
                state.membership = nil
                state.whenFinished = nil
            }
            return (state.membership, state.whenFinished)
        }
    }
}
