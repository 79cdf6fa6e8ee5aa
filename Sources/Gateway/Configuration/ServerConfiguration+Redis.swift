extension ServerConfiguration {
    /// `redis` and `rate-limits.*`.
    static func loadRedis(_ reader: Reader, into configuration: inout ServerConfiguration) throws(ConfigurationError) {
        if let value = reader.values["redis"], !value.text.isEmpty {
            configuration.redis = try RedisEndpoint(parsing: value.text, setting: value.source)
        }
        configuration.rateLimits.isEnabled = try reader.bool("rate-limits.enabled") ?? true
        configuration.rateLimits.failureMode =
            try reader.parse("rate-limits.failure-mode", "open or closed") { text in
                RateLimitGate.FailureMode(rawValue: text.lowercased())
            } ?? .open
    }
}
