import Foundation
import Gateway
import RateLimiting
import Redis
import Settings
import Testing

@testable import TestSupport

/// The `redis` and `rate-limits.*` settings.
extension ServerConfigurationTests {
    @Test func withoutRedisLimitsAreEnforcedInProcessAndFailOpen() throws {
        let configuration = try load()
        #expect(configuration.redis == nil)
        #expect(configuration.rateLimits.isEnabled)
        #expect(configuration.rateLimits.failureMode == RateLimitGate.FailureMode.open)
    }

    @Test func redisAndTheFailureModeAreReadFromEverySource() throws {
        let configuration = try load(
            environment: ["SWITCHBOARD_RATE_LIMITS_ENABLED": "true"],
            yaml: """
                redis: redis://:secret@cache:6380/2
                rate-limits:
                  failure-mode: closed
                """)
        var endpoint = RedisEndpoint(host: "cache", port: 6380)
        endpoint.password = "secret"
        endpoint.database = 2
        #expect(configuration.redis == endpoint)
        #expect(configuration.rateLimits.failureMode == RateLimitGate.FailureMode.closed)
        #expect(try load(flags: ["rate-limits.enabled": "false"]).rateLimits.isEnabled == false)
    }

    @Test(arguments: [
        (
            ["rate-limits.failure-mode": "sometimes"],
            #"--rate-limits-failure-mode: expected open or closed, got "sometimes""#
        ),
        (["rate-limits.enabled": "perhaps"], #"--rate-limits-enabled: expected true or false, got "perhaps""#),
    ])
    func aBadRateLimitSettingIsRefused(flags: [String: String], message: String) {
        #expect(throws: SettingsError(message)) { try load(flags: flags) }
    }
}
