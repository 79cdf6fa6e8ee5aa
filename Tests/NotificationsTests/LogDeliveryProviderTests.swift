import Foundation
import Logging
import Notifications
import Platform
import Synchronization
import Testing

/// The log provider: one info line per delivery, saying which delivery went to whom.
@Suite struct LogDeliveryProviderTests {
    /// What was logged, shared by the handler's copies.
    final class Lines: Sendable {
        let recorded = Mutex<[(level: Logger.Level, message: String, metadata: Logger.Metadata)]>([])
    }

    /// Keeps what is logged, for the test to read.
    struct RecordingHandler: LogHandler {
        let lines: Lines
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            lines.recorded.withLock { $0.append((event.level, event.message.description, event.metadata ?? [:])) }
        }
    }

    @Test func eachDeliveryIsOneInfoLineNamingItsNotifications() async throws {
        let handler = RecordingHandler(lines: Lines())
        let provider = LogDeliveryProvider(logger: Logger(label: "test") { _ in handler })
        let notification = OutboundNotification(
            id: "n1", type: "MENTION", title: "Hi", priority: "NORMAL", createdAt: Date())
        var second = notification
        second.id = "n2"
        try await provider.deliver(
            OutboundDelivery(
                id: 9, channel: .email, tenant: "acme", userId: "u1", attempt: 1, isDigest: true,
                notifications: [notification, second]))
        let lines = handler.lines.recorded.withLock { $0 }
        #expect(lines.count == 1)
        let line = try #require(lines.first)
        #expect(line.level == .info)
        #expect(line.message == "Delivered digest 9 to u1")
        #expect(line.metadata["channel"] == "EMAIL")
        #expect(line.metadata["notifications"] == "n1,n2")
        #expect(line.metadata["delivery"] == "9")
    }
}
