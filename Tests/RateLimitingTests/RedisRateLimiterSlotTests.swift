import Redis
import Schema
import Testing

@testable import RateLimiting
@testable import TestSupport

/// The Redis limiter's scripts each touch one slot of a cluster: a batch is split by
/// subject, and still decides as `ChargeBatch` does.
@Suite struct RedisRateLimiterSlotTests {
    static let alice = RateLimitSubject.user("alice")
    static let acme = RateLimitSubject.tenant("acme")
    static let address = RateLimitSubject.ip("203.0.113.7")

    static func charge(
        _ coordinate: String, _ subject: RateLimitSubject, by: RateLimitBy? = nil, limit: Int = 10, cost: Int = 1,
        scope: BucketCharge.Scope = .field
    ) -> BucketCharge {
        BucketCharge(
            key: BucketKey(coordinate: coordinate, by: by ?? subject.kind, subject: subject), limit: limit,
            window: .seconds(3600), cost: cost, scope: scope)
    }

    @Test func aBatchIsSplitBySubjectAndEachScriptsKeysShareASlot() {
        let charges = [
            Self.charge("Query", Self.alice), Self.charge("Query", Self.acme),
            Self.charge("Query.feed", Self.address, by: .user), Self.charge("Query.feed", Self.alice),
            Self.charge("@costBudget", Self.alice, cost: 5, scope: .operation),
        ]
        let groups = RedisRateLimiter.subjectGroups(charges)
        #expect(groups.map(\.subject) == ["user:alice", "tenant:acme", "ip:203.0.113.7"])
        #expect(groups.map(\.positions) == [[0, 3, 4], [1], [2]])
        for group in groups {
            let keys = ChargeBatch.ScriptArguments(group.charges, mode: .charge).keys
            #expect(Set(keys.map(RedisHashSlot.slot(of:))).count == 1, "\(keys)")
        }
        #expect(groups[0].only(.operation).positions == [4])
        #expect(groups[0].only(.field).positions == [0, 3])
    }

    /// Operations counting a user, a tenant and an address at once, on a cluster (which
    /// refuses a script of several slots), decided as the in-process limiter decides.
    @Test(RedisServerProcess.needed) func operationsOfSeveralSubjectsDecideAlikeOnACluster() async throws {
        let server = try await RedisServerProcess.start(cluster: true)
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let limiter = RedisRateLimiter(client: client)
        let feed = Self.charge("Query.feed", Self.alice, limit: 3)
        let shared = Self.charge("Query.feed", Self.address, limit: 4)
        let userBudget = { (cost: Int) in
            Self.charge("@costBudget", Self.alice, limit: 100, cost: cost, scope: .operation)
        }
        let tenantBudget = { (cost: Int) in
            Self.charge("@costBudget", Self.acme, limit: 50, cost: cost, scope: .operation)
        }
        typealias Step = RedisRateLimiterTests.Step
        var steps: [Step] = [.charge([feed, shared, userBudget(10), tenantBudget(10)])]
        // The tenant's budget refuses: the user's is given back, nothing is charged.
        steps += [.charge([feed, shared, userBudget(10), tenantBudget(45)]), .status([feed, shared, userBudget(0)])]
        // The user's refuses: the tenant's is given back.
        steps += [.charge([tenantBudget(5), userBudget(95), feed]), .status([tenantBudget(0)])]
        // One subject's gates, another's fields: the fields follow the gates' decision.
        steps += Array(repeating: .charge([userBudget(1), shared, feed]), count: 4)
        // Over the whole budget: the address's other bucket is not charged either.
        let other = Self.charge("Query", Self.address, limit: 4)
        steps += [.charge([other, userBudget(200)]), .status([other])]
        let decisions = try await RedisRateLimiterTests().expectSameDecisions(steps, on: limiter)
        #expect(decisions[0].map(\.allowed) == [true, true, true, true])
        #expect(decisions[1].map(\.allowed) == [true, true, true, false])
        #expect(decisions[2].map(\.remaining) == [2, 3, 90])
        #expect(decisions[3].map(\.allowed) == [true, false, true])
        #expect(decisions[4].map(\.remaining) == [40])
        #expect(decisions[8].map(\.allowed) == [true, false, false])
        #expect(decisions[9].map(\.allowed) == [true, false])
        #expect(decisions[10].map(\.remaining) == [4])
        await client.shutdown()
        await server.stop()
    }

    /// Random batches over three subjects' budgets and fields, through `ChargeBatch` and
    /// the split scripts at the same fixed instants: every decision alike, and every
    /// bucket as full.
    @Test(RedisServerProcess.needed) func batchesOfSeveralSubjectsDecideAsChargeBatchDoes() async throws {
        let server = try await RedisServerProcess.start(cluster: true)
        let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
        let limiter = RedisRateLimiter(client: client)
        var random = SplitMix64(seed: 0x5107_2026)
        // Each subject's budget (a gate) and two fields; T of at least 180 s, so that no
        // key expires in Redis's real time while the fixed clock decides.
        let buckets = [Self.alice, Self.acme, Self.address].flatMap { subject in
            ["@costBudget", "Query", "Query.feed"].map { coordinate in
                (
                    key: BucketKey(coordinate: coordinate, by: subject.kind, subject: subject),
                    limit: Int.random(in: 1...20, using: &random),
                    window: Duration.seconds(Int64.random(in: 3600...7200, using: &random)),
                    scope: coordinate == "@costBudget" ? BucketCharge.Scope.operation : .field
                )
            }
        }
        var tats: [String: Int64] = [:]
        var now: Int64 = 1_700_000_000_000_000
        for batch in 0..<300 {
            now += [0, 1, 999_999, 60_000_000, 400_000_000].randomElement(using: &random) ?? 0
            let charges = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                let bucket = buckets[Int.random(in: 0..<buckets.count, using: &random)]
                return BucketCharge(
                    key: bucket.key, limit: bucket.limit, window: bucket.window,
                    cost: Int.random(in: 0...(bucket.limit + 1), using: &random), scope: bucket.scope)
            }
            let isStatus = Int.random(in: 0..<5, using: &random) == 0
            try await RedisRateLimiterTests.expectDecidedAsChargeBatch(
                charges, looking: isStatus, tats: &tats, now: now, by: limiter, batch: batch)
        }
        // A TAT that has passed is a full bucket, whether kept or not.
        func pending(_ tat: Int64?) -> Int64? { tat.flatMap { $0 > now ? $0 : nil } }
        for bucket in buckets {
            let stored = try await client.send("GET", bucket.key.description).text.flatMap { Int64($0) }
            #expect(pending(stored) == pending(tats[bucket.key.description]), "\(bucket.key)")
        }
        await client.shutdown()
        await server.stop()
    }
}
