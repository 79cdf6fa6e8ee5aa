import GraphQLEngine
import Logging
import Pipeline
import Platform

/// A frame (or the end) read from a WebSocket.
public enum WebSocketInbound: Sendable {
    case text([UInt8])
    case binary
    /// The client closed the socket, or it broke.
    case closed
}

/// How a connection writes to its WebSocket.
public struct WebSocketOutbound: Sendable {
    public var send: @Sendable ([UInt8]) async -> Void
    public var close: @Sendable (_ code: UInt16, _ reason: String) async -> Void

    public init(
        send: @escaping @Sendable ([UInt8]) async -> Void, close: @escaping @Sendable (UInt16, String) async -> Void
    ) {
        self.send = send
        self.close = close
    }
}

/// Serves one WebSocket connection with either subprotocol: every event (a frame, an
/// operation's result, the credentials' check, the time) goes through one loop into the
/// state machine, and the actions it returns are carried out in one switch. Operations
/// run in tasks of their own, so a long subscription never holds up the connection; a
/// stopped operation's task is cancelled, and with it its source stream.
///
/// Frames go out through a queue of at most `maxQueuedFrames`, written by a task of its
/// own: a client that reads too slowly for what it subscribed to is closed with 1008
/// rather than let the queue grow without end.
public enum GraphQLWebSocketConnection {
    /// What the check of a `connection_init` payload decided.
    public enum Admission: Sendable {
        /// Let in; `context` is what every operation of the connection is executed with
        /// (the user, their tenant and roles).
        case accepted(context: RequestContext)
        /// Kept out, and why (the legacy protocol tells the client).
        case rejected(reason: String)
    }

    /// Checks a `connection_init` payload (its credentials).
    public typealias Authenticate = @Sendable (_ payload: InputValue?) async -> Admission

    /// What the writer task sends, in order.
    enum Outgoing: Sendable {
        case frame([UInt8])
        case close(UInt16, String)
    }

    enum Event: Sendable {
        case inbound(WebSocketInbound)
        case admitted(Admission)
        case next(id: String, response: [UInt8])
        case completed(id: String)
        case failed(id: String, errors: [GraphQLError])
        case tick
        /// The server is shutting down.
        case goingAway
        /// Frames written straight to the channel piled up past the bound.
        case slowConsumer
    }

    /// Runs until the socket closes, from either side.
    public static func serve<Machine: SubprotocolStateMachine, Inbound: AsyncSequence & Sendable>(
        _ machine: Machine, inbound: Inbound, outbound: WebSocketOutbound, pipeline: OperationPipeline,
        authenticate: @escaping Authenticate = { _ in .accepted(context: .anonymous) }, maxQueuedFrames: Int = 1_024,
        registry: ConnectionRegistry? = nil, direct: (any DirectFrameWriter)? = nil,
        logger: Logger = Logger(label: "switchboard.websocket")
    ) async where Inbound.Element == WebSocketInbound {
        var machine = machine
        let (events, post) = AsyncStream<Event>.makeStream()
        direct?.whenSlow { post.yield(.slowConsumer) }
        let registration = registry?.open { post.yield(.goingAway) }
        defer { if let registration { registry?.close(registration) } }
        let (outgoing, queue) = AsyncStream<Outgoing>.makeStream(bufferingPolicy: .bufferingOldest(maxQueuedFrames))
        let writer = Task {
            for await item in outgoing {
                switch item {
                case .frame(let text): await outbound.send(text)
                case .close(let code, let reason):
                    await outbound.close(code, reason)
                    return
                }
            }
        }
        let reader = Task {
            do {
                for try await frame in inbound { post.yield(.inbound(frame)) }
            } catch {
                // A broken socket ends like a closed one.
            }
            post.yield(.inbound(.closed))
        }
        var operations: [String: Task<Void, Never>] = [:]
        /// The recipients of shared subscriptions written straight to the socket, stopped
        /// before a close frame goes out so no data frame can follow it.
        var recipients: [String: ChannelRecipient] = [:]
        func stopDirectWrites() {
            for recipient in recipients.values { recipient.deactivate() }
            recipients = [:]
        }
        /// The connection's context, once its credentials are accepted.
        var context = RequestContext.anonymous
        var timer: Task<Void, Never>?
        var deadline: ContinuousClock.Instant?
        defer {
            reader.cancel()
            timer?.cancel()
            for task in operations.values { task.cancel() }
            stopDirectWrites()
            post.finish()
            queue.finish()
        }

        // A first tick arms the timers, so the initialisation deadline holds for a client
        // that never sends a frame.
        post.yield(.tick)
        func closeSlowConsumer() async {
            stopDirectWrites()
            writer.cancel()
            await outbound.close(1008, "Slow consumer: more than \(maxQueuedFrames) messages waiting to be sent")
        }
        for await event in events {
            let actions: [Machine.Action]
            switch event {
            case .slowConsumer:
                await closeSlowConsumer()
                return
            case .inbound(.text(let text)):
                machine.heard(at: .now)
                actions = machine.received(text)
            case .inbound(.binary):
                machine.heard(at: .now)
                actions = machine.receivedBinary()
            case .inbound(.closed): actions = machine.socketClosed()
            case .admitted(.accepted(let admitted)):
                context = admitted
                actions = machine.accepted(at: .now)
            case .admitted(.rejected(let reason)): actions = machine.rejected(reason)
            case .next(let id, let response): actions = machine.next(id: id, response: response)
            case .completed(let id):
                operations[id] = nil
                recipients[id] = nil
                actions = machine.completed(id: id)
            case .failed(let id, let errors):
                operations[id] = nil
                recipients[id] = nil
                actions = machine.failed(id: id, errors: errors)
            case .tick: actions = machine.tick(at: .now)
            case .goingAway: actions = machine.goingAway()
            }
            for action in actions {
                switch action.common {
                case .send(let text):
                    guard case .dropped = queue.yield(.frame(text)) else { continue }
                    // The queue is full: the client does not keep up.
                    await closeSlowConsumer()
                    return
                case .authenticate(let payload):
                    Task { post.yield(.admitted(await authenticate(payload))) }
                case .start(let id, let request):
                    var logger = logger
                    logger[metadataKey: "operation.id"] = "\(id)"
                    let request = GraphQLRequest(request, caller: context, transport: .webSocket)
                    let recipient = direct.map { writer in
                        ChannelRecipient(writer: writer, prefix: Machine.nextFramePrefix(id: id)) { error in
                            post.yield(error.map { .failed(id: id, errors: [reported($0)]) } ?? .completed(id: id))
                        }
                    }
                    recipients[id] = recipient
                    operations[id] = Task { [logger] in
                        await run(
                            request, id: id, pipeline: pipeline, post: post, registry: registry, recipient: recipient,
                            logger: logger)
                    }
                case .stop(let id):
                    recipients.removeValue(forKey: id)?.deactivate()
                    operations.removeValue(forKey: id)?.cancel()
                case .close(let code, let reason):
                    stopDirectWrites()
                    if case .dropped = queue.yield(.close(code, reason)) {
                        writer.cancel()
                        await outbound.close(code, reason)
                    }
                }
            }
            if machine.isClosed {
                // What was queued goes out before the close that follows it.
                queue.finish()
                await writer.value
                return
            }
            if machine.nextDeadline != deadline {
                deadline = machine.nextDeadline
                timer?.cancel()
                timer = deadline.map { deadline in
                    Task {
                        guard (try? await Task.sleep(until: deadline, clock: .continuous)) != nil else { return }
                        post.yield(.tick)
                    }
                }
            }
        }
    }

    /// One operation through the pipeline, its results posted back to the connection's
    /// loop.
    static func run(
        _ request: GraphQLRequest, id: String, pipeline: OperationPipeline, post: AsyncStream<Event>.Continuation,
        registry: ConnectionRegistry?, recipient: ChannelRecipient? = nil, logger: Logger
    ) async {
        let outcome = await pipeline.run(request)
        let report = outcome.report
        logger.info(
            "operation",
            metadata: [
                "type": "\(report.operationType?.rawValue ?? "unknown")", "outcome": "\(report.outcome.rawValue)",
            ])
        switch outcome.answer {
        case .rejected(let rejection):
            post.yield(.failed(id: id, errors: rejection.errors))
        case .response(let response):
            if response.data == nil {
                post.yield(.failed(id: id, errors: response.errors))
            } else {
                post.yield(.next(id: id, response: response.json))
                post.yield(.completed(id: id))
            }
        case .stream(let responses):
            // Shared, with the channel at hand: the group writes this subscription's frames
            // on the channel's event loop and the recipient tells its end; no task waits.
            if let recipient, let membership = responses.deliver(to: recipient) {
                registry?.subscriptionStarted()
                recipient.attach(membership) { registry?.subscriptionEnded() }
                return
            }
            registry?.subscriptionStarted()
            defer { registry?.subscriptionEnded() }
            do {
                for try await response in responses { post.yield(.next(id: id, response: response)) }
                post.yield(.completed(id: id))
            } catch {
                post.yield(.failed(id: id, errors: [reported(error)]))
            }
        }
    }

    /// What ended a subscription's source, as the client is told: a GraphQL error as it
    /// is, anything else as an internal error.
    static func reported(_ error: any Error) -> GraphQLError {
        error as? GraphQLError ?? GraphQLError(message: "\(error)", code: "INTERNAL_SERVER_ERROR")
    }
}
