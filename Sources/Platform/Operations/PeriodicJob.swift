import Logging
import ServiceLifecycle

/// Work the server does on a timer (the outbox, the purge of expired notifications), as
/// a service: it runs every `interval` until the server shuts down, and a failed run is
/// logged and tried again next time rather than stopping the server.
public struct PeriodicJob: Service {
    public let name: String
    public let interval: Duration
    let logger: Logger
    let work: @Sendable () async throws -> Void

    public init(
        name: String, every interval: Duration, logger: Logger, work: @escaping @Sendable () async throws -> Void
    ) {
        self.name = name
        self.interval = interval
        self.logger = logger
        self.work = work
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            var failing = false
            while !Task.isCancelled {
                do {
                    try await work()
                    if failing { logger.notice("\(name) recovered") }
                    failing = false
                } catch is CancellationError {
                    return
                } catch {
                    // Once per outage, not once per tick.
                    if !failing { logger.error("\(name) failed: \(error)") }
                    failing = true
                }
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }
}
