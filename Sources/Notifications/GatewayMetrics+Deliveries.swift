import Platform

extension GatewayMetrics {
    /// Counts what one run of the notification outbox did with its deliveries.
    public func recordDeliveries(_ report: OutboxWorker.Report) {
        let outcomes = [
            ("sent", report.sent), ("retrying", report.retrying), ("failed", report.failed),
            ("suppressed", report.suppressed),
        ]
        for (outcome, count) in outcomes where count > 0 {
            registry.makeCounter(
                descriptor: Self.name(
                    "notification_deliveries", unit: "total",
                    help: "Outbox attempts at push and email deliveries, by outcome."),
                labels: [("outcome", outcome)]
            ).increment(by: Int64(count))
        }
    }
}
