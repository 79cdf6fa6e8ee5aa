import Schema
import Testing

@testable import Gateway

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
        #expect(keys(alice, Self.userAndIP) == ["rl:{Query}:user:alice"])
    }

    @Test func aSignedOutCallerIsCountedByTheIPLimitBesideAUserOne() {
        #expect(keys(anonymous, Self.userAndIP) == ["rl:{Query}:ip:203.0.113.7"])
    }

    @Test func aLoneUserLimitCountsSignedOutCallersPerIP() {
        #expect(keys(anonymous, [Self.policy(.user)]) == ["rl:{Query}:user:ip:203.0.113.7"])
    }

    @Test func aLoneIPLimitCountsSignedInCallersToo() {
        #expect(keys(alice, [Self.policy(.ip)]) == ["rl:{Query}:ip:203.0.113.7"])
    }

    @Test func aTenantLimitCountsTheTenantOrElseTheUser() {
        let policies = [Self.policy(.tenant)]
        #expect(keys(alice, policies) == ["rl:{Query}:tenant:acme"])
        #expect(keys(RateLimitCaller(user: "bob", ip: "::1"), policies) == ["rl:{Query}:tenant:user:bob"])
        #expect(keys(anonymous, policies) == ["rl:{Query}:tenant:ip:203.0.113.7"])
    }

    @Test func userAndTenantLimitsBothCountASignedInCaller() {
        let policies = [Self.policy(.user), Self.policy(.tenant)]
        #expect(keys(alice, policies) == ["rl:{Query}:user:alice", "rl:{Query}:tenant:acme"])
    }

    @Test func keySegmentsArePercentEncodedSoNoSubjectCanPassForAnother() {
        let sneaky = RateLimitCaller(user: "ip:203.0.113.7", ip: "2001:db8::1")
        #expect(keys(sneaky, [Self.policy(.user)]) == ["rl:{Query}:user:ip%3A203.0.113.7"])
        #expect(keys(sneaky, [Self.policy(.ip)]) == ["rl:{Query}:ip:2001%3Adb8%3A%3A1"])
        let braces = BucketKey(coordinate: "Query.feed", by: .user, subject: .user("{x} ü"))
        #expect(braces.description == "rl:{Query.feed}:user:%7Bx%7D%20%C3%BC")
    }
}
