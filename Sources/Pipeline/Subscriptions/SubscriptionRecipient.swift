/// Where a transport writes a shared subscription's responses itself rather than reading
/// them from a stream. The recipients of one lane (a connection's event loop) are written
/// in one pass for each response and then flushed: ten thousand subscribers on two event
/// loops cost two passes an event, not ten thousand hops through tasks.
public protocol DeliveryLane: AnyObject, Sendable {
    /// Runs `pass` on the lane, after every pass given to it before.
    func run(_ pass: @escaping @Sendable () -> Void)
}

/// One subscriber whose responses are written on a lane.
public protocol SubscriptionRecipient: AnyObject, Sendable {
    var lane: any DeliveryLane { get }
    /// One response, in order; called in a pass on `lane`.
    func receive(_ response: [UInt8])
    /// What the pass gave this recipient goes out; called on `lane` after the pass's
    /// `receive`s.
    func flush()
    /// The source ended (with what ended it, if it failed), after its last response;
    /// called on `lane`. Not called for a recipient that left first.
    func end(throwing error: (any Error)?)
}

/// A recipient's place in its group: `leave()` (or dropping it) stops its deliveries, and
/// the last member to leave ends the group's source.
public final class SubscriptionMembership: Sendable {
    private let leaving: @Sendable () -> Void

    init(leaving: @escaping @Sendable () -> Void) {
        self.leaving = leaving
    }

    /// Stops the deliveries; a second call does nothing.
    public func leave() { leaving() }

    deinit { leaving() }
}
