import GraphQLEngine

/// What both WebSocket subprotocols keep for a connection: whether the client is
/// acknowledged, the operations it runs, and the timers (the initialisation deadline,
/// then the keep-alive). Each protocol's state machine turns this into its own messages.
struct ConnectionLifecycle: Sendable {
    enum Phase: Sendable {
        case awaitingInit
        case authenticating
        case ready
        case closed
    }

    /// What the time calls for.
    enum Due: Equatable {
        case nothing
        /// The client was not acknowledged in time.
        case initTimeout
        /// An acknowledged client ran nothing and said nothing for the idle timeout.
        case idle
        case keepAlive
    }

    let configuration: TransportWSStateMachine.Configuration
    private(set) var phase = Phase.awaitingInit
    private let openedAt: ContinuousClock.Instant
    private var lastKeepAlive: ContinuousClock.Instant?
    /// When the client last sent a frame, or was acknowledged.
    private var lastHeard: ContinuousClock.Instant?
    /// The operations running, by id: an id is the client's again once it ends.
    var operations: Set<String> = []

    init(configuration: TransportWSStateMachine.Configuration, openedAt: ContinuousClock.Instant) {
        self.configuration = configuration
        self.openedAt = openedAt
    }

    var isClosed: Bool { if case .closed = phase { true } else { false } }

    var isAcknowledged: Bool { if case .ready = phase { true } else { false } }

    /// A `connection_init` arrived; false when it is not the first.
    mutating func initialise() -> Bool {
        guard case .awaitingInit = phase else { return false }
        phase = .authenticating
        return true
    }

    /// The credentials were accepted; false unless they were being checked.
    mutating func acknowledge(at now: ContinuousClock.Instant) -> Bool {
        guard case .authenticating = phase else { return false }
        phase = .ready
        lastKeepAlive = now
        lastHeard = now
        return true
    }

    var isAuthenticating: Bool { if case .authenticating = phase { true } else { false } }

    /// The error for an operation over the limit, or nil when it may start.
    var operationLimitError: GraphQLError? {
        guard operations.count >= configuration.maxOperations else { return nil }
        return GraphQLError(
            message: "Too many operations on this connection (at most \(configuration.maxOperations) at once).",
            code: "TOO_MANY_OPERATIONS")
    }

    /// Closes the connection: the operations that were running, in order, to stop.
    mutating func close() -> [String] {
        phase = .closed
        defer { operations = [] }
        return operations.sorted()
    }

    mutating func heard(at now: ContinuousClock.Instant) { lastHeard = now }

    /// When an idle client is closed, if it is idle: acknowledged, running nothing.
    private var idleDeadline: ContinuousClock.Instant? {
        guard case .ready = phase, operations.isEmpty, let timeout = configuration.idleTimeout, let lastHeard else {
            return nil
        }
        return lastHeard + timeout
    }

    mutating func due(at now: ContinuousClock.Instant) -> Due {
        switch phase {
        case .awaitingInit, .authenticating:
            return now - openedAt >= configuration.connectionInitTimeout ? .initTimeout : .nothing
        case .ready:
            if let idleDeadline, now >= idleDeadline { return .idle }
            guard let interval = configuration.keepAliveInterval, let last = lastKeepAlive, now - last >= interval
            else {
                return .nothing
            }
            lastKeepAlive = now
            return .keepAlive
        case .closed:
            return .nothing
        }
    }

    var nextDeadline: ContinuousClock.Instant? {
        switch phase {
        case .awaitingInit, .authenticating: openedAt + configuration.connectionInitTimeout
        case .ready:
            [configuration.keepAliveInterval.flatMap { interval in lastKeepAlive.map { $0 + interval } }, idleDeadline]
                .compactMap { $0 }.min()
        case .closed: nil
        }
    }

    /// The close for a frame over the size limit, if it is one.
    func oversized(_ text: [UInt8]) -> (code: UInt16, reason: String)? {
        guard text.count > configuration.maxMessageBytes else { return nil }
        return (1009, "Message of \(text.count) bytes is over the limit of \(configuration.maxMessageBytes)")
    }
}
