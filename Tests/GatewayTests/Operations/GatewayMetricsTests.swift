import Gateway
import Notifications
import Platform
import Testing

@testable import TestSupport

@Suite struct GatewayMetricsTests {
    @Test func outboxOutcomesAreCountedByOutcome() {
        let metrics = GatewayMetrics()
        metrics.recordDeliveries(OutboxWorker.Report(sent: 3, retrying: 1))
        metrics.recordDeliveries(OutboxWorker.Report(sent: 2, failed: 1))
        let text = String(decoding: metrics.exposition(), as: UTF8.self)
        #expect(text.contains(#"switchboard_notification_deliveries_total{outcome="sent"} 5"#))
        #expect(text.contains(#"switchboard_notification_deliveries_total{outcome="retrying"} 1"#))
        #expect(text.contains(#"switchboard_notification_deliveries_total{outcome="failed"} 1"#))
        #expect(!text.contains(#"outcome="suppressed""#))
    }
}
