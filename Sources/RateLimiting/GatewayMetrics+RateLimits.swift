import Platform

extension GatewayMetrics {
    /// Counts refusals of the rate limiter: `operation` when a whole operation was over
    /// its cost budget, `field` for each field limit an operation was over.
    func recordRateLimited(scope: String, count: Int = 1) {
        registry.makeCounter(
            descriptor: Self.name(
                "rate_limited", unit: "total", help: "Rate limit refusals, by scope (operation or field)."),
            labels: [("scope", scope)]
        ).increment(by: Int64(count))
    }

    /// Counts operations the limiter could not decide (Redis unreachable), by what was
    /// done with them: `open` (run without limits) or `closed` (refused).
    func recordRateLimiterFailure(mode: String) {
        registry.makeCounter(
            descriptor: Self.name(
                "rate_limiter_failures", unit: "total",
                help: "Operations the rate limiter could not decide, by the failure mode applied."),
            labels: [("mode", mode)]
        ).increment()
    }
}
