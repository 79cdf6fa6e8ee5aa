import Schema
import Testing

@testable import RateLimiting
@testable import TestSupport

/// RateLimit-Policy, RateLimit and Retry-After as draft-ietf-httpapi-ratelimit-headers-10
/// writes them.
@Suite struct RateLimitHeadersTests {
    static func decision(
        _ coordinate: String, by: RateLimitBy = .user, limit: Int, window: Duration, allowed: Bool = true,
        remaining: Int, retryAfter: Duration = .zero, resetAfter: Duration
    ) -> BucketDecision {
        let charge = BucketCharge(
            key: BucketKey(coordinate: coordinate, by: by, subject: .user("alice")), limit: limit, window: window,
            cost: 1, scope: .field)
        return BucketDecision(
            charge: charge, allowed: allowed, remaining: remaining, retryAfter: retryAfter, resetAfter: resetAfter)
    }

    /// 500 per 15 minutes (one every 1.8s), one used 0.5s ago; 20000 points, 42 used.
    static let decisions = [
        decision("Query", limit: 500, window: .seconds(900), remaining: 499, resetAfter: .milliseconds(1_300)),
        decision(
            "@costBudget", limit: 20_000, window: .seconds(900), remaining: 19_958, resetAfter: .milliseconds(1_890)),
    ]

    @Test func thePolicyFieldListsEachPolicyWithQuotaAndWindow() {
        #expect(RateLimitHeaders.policy(Self.decisions) == #""Query";q=500;w=900, "@costBudget";q=20000;w=900"#)
    }

    @Test func theRateLimitFieldGivesWhatRemainsAndWhenTheNextUnitComes() {
        #expect(RateLimitHeaders.rateLimit(Self.decisions) == #""Query";r=499;t=2, "@costBudget";r=19958;t=1"#)
    }

    @Test func aFullBucketHasNoResetParameter() {
        let full = Self.decision("Query", limit: 500, window: .seconds(900), remaining: 500, resetAfter: .zero)
        #expect(RateLimitHeaders.rateLimit([full]) == #""Query";r=500"#)
    }

    @Test func anEmptyBucketResetsWhenOneUnitIsBack() {
        let empty = Self.decision(
            "Mutation.registerDevice", limit: 10, window: .seconds(60), allowed: false, remaining: 0,
            retryAfter: .seconds(6), resetAfter: .seconds(60))
        #expect(RateLimitHeaders.rateLimit([empty]) == #""Mutation.registerDevice";r=0;t=6"#)
        #expect(RateLimitHeaders.retryAfter([empty]) == "6")
    }

    @Test func twoPoliciesOfOneCoordinateAreToldApartByPartition() {
        let decisions = [
            Self.decision("Query", by: .user, limit: 500, window: .seconds(900), remaining: 1, resetAfter: .zero),
            Self.decision("Query", by: .tenant, limit: 5000, window: .seconds(900), remaining: 1, resetAfter: .zero),
        ]
        #expect(RateLimitHeaders.policy(decisions) == #""Query/user";q=500;w=900, "Query/tenant";q=5000;w=900"#)
    }

    @Test func retryAfterIsTheLongestWaitRoundedUpAndOnlyWhenRefused() {
        #expect(RateLimitHeaders.retryAfter(Self.decisions) == nil)
        let refused = [
            Self.decision(
                "A", limit: 1, window: .seconds(60), allowed: false, remaining: 0, retryAfter: .milliseconds(2_100),
                resetAfter: .seconds(3)),
            Self.decision(
                "B", limit: 1, window: .seconds(60), allowed: false, remaining: 0, retryAfter: .milliseconds(300),
                resetAfter: .seconds(1)),
        ]
        #expect(RateLimitHeaders.retryAfter(refused) == "3")
        #expect(RateLimitHeaders.retryAfter(Array(refused.dropFirst())) == "1")
    }

    @Test func noDecisionsMeanNoHeaders() {
        #expect(RateLimitHeaders.policy([]) == nil)
        #expect(RateLimitHeaders.rateLimit([]) == nil)
    }
}
