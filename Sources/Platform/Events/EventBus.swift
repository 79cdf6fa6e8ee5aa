/// How live events reach subscribers: a mutation publishes on a topic, every
/// subscription to that topic (on this instance, or on any instance when the bus is
/// shared) receives it. Payloads are bytes (JSON), so a bus may carry them between
/// processes.
///
/// A bus does not keep events: what must not be lost is stored first (notifications are
/// written before they are published), and a subscriber that was away catches up from
/// the store.
public protocol EventBus: Sendable {
    /// Sends `payload` to every current subscriber of `topic`.
    func publish(_ payload: [UInt8], on topic: String) async
    /// The events published on `topic` from now on, until the stream is dropped.
    func subscribe(to topic: String) async throws -> AsyncStream<[UInt8]>
}
