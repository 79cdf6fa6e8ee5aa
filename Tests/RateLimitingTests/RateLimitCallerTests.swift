import Schema
import Testing

@testable import RateLimiting
@testable import TestSupport

/// Which of a coordinate's limits count a caller, and the Redis keys of their buckets.
@Suite struct RateLimitCallerTests {
    static func policy(_ by: RateLimitBy, coordinate: String = "Query") -> RateLimitPolicy {
        RateLimitPolicy(coordinate: coordinate, limit: 10, window: .seconds(60), by: by)
    }

    static let userAndIP = [policy(.user), policy(.ip)]
    let alice = RateLimitCaller(user: "alice", tenant: "acme", ip: "203.0.113.7")
    let anonymous = RateLimitCaller(ip: "203.0.113.7")

    func keys(_ caller: RateLimitCaller, _ policies: [RateLimitPolicy]) -> [String] {
        caller.buckets(of: policies).map(\.key.description)
    }

    @Test func aSignedInCallerIsCountedByTheUserLimitBesideAnIPOne() {
        #expect(keys(alice, Self.userAndIP) == ["rl:{user:alice}:Query"])
    }

    @Test func aSignedOutCallerIsCountedByTheIPLimitBesideAUserOne() {
        #expect(keys(anonymous, Self.userAndIP) == ["rl:{ip:203.0.113.7}:Query"])
    }

    @Test func aLoneUserLimitCountsSignedOutCallersPerIP() {
        #expect(keys(anonymous, [Self.policy(.user)]) == ["rl:{ip:203.0.113.7}:Query:user"])
    }

    @Test func aLoneIPLimitCountsSignedInCallersToo() {
        #expect(keys(alice, [Self.policy(.ip)]) == ["rl:{ip:203.0.113.7}:Query"])
    }

    @Test func aTenantLimitCountsTheTenantOrElseTheUser() {
        let policies = [Self.policy(.tenant)]
        #expect(keys(alice, policies) == ["rl:{tenant:acme}:Query"])
        #expect(keys(RateLimitCaller(user: "bob", ip: "::1"), policies) == ["rl:{user:bob}:Query:tenant"])
        #expect(keys(anonymous, policies) == ["rl:{ip:203.0.113.7}:Query:tenant"])
    }

    @Test func userAndTenantLimitsBothCountASignedInCaller() {
        let policies = [Self.policy(.user), Self.policy(.tenant)]
        #expect(keys(alice, policies) == ["rl:{user:alice}:Query", "rl:{tenant:acme}:Query"])
    }

    @Test func keySegmentsArePercentEncodedSoNoSubjectCanPassForAnother() {
        let sneaky = RateLimitCaller(user: "ip:203.0.113.7", ip: "2001:db8::1")
        #expect(keys(sneaky, [Self.policy(.user)]) == ["rl:{user:ip%3A203.0.113.7}:Query"])
        #expect(keys(sneaky, [Self.policy(.ip)]) == ["rl:{ip:2001%3Adb8%3A%3A1}:Query"])
        let braces = BucketKey(coordinate: "Query.feed", by: .user, subject: .user("{x} ü"))
        #expect(braces.description == "rl:{user:%7Bx%7D%20%C3%BC}:Query.feed")
    }
}
