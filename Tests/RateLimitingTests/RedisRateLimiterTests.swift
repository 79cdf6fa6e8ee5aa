import Logging
import Redis
import Testing

@testable import RateLimiting
@testable import TestSupport

/// The Redis limiter against a real redis-server: the in-process limiter's decisions,
/// exact admission across instances, and `ChargeBatch`'s rule bit for bit.
@Suite(RedisServerProcess.needed) struct RedisRateLimiterTests {
    static let logger = RedisServerProcess.logger

    static func field(_ coordinate: String, limit: Int, window: Duration, user: String = "alice") -> BucketCharge {
        InProcessRateLimiterTests.field(coordinate, limit: limit, window: window, user: user)
    }

    /// One unit every 36 s: a test runs well within one.
    static func budget(cost: Int, limit: Int = 100, user: String = "alice", tenant: String? = nil) -> BucketCharge {
        let subject: RateLimitSubject = tenant.map { .tenant($0) } ?? .user(user)
        return BucketCharge(
            key: BucketKey(coordinate: "@costBudget", by: subject.kind, subject: subject), limit: limit,
            window: .seconds(3600), cost: cost, scope: .operation)
    }

    /// A step of a scenario: charge or only look.
    enum Step {
        case charge([BucketCharge])
        case status([BucketCharge])
    }

    /// Runs `steps` through the Redis limiter and the in-process one, both at the real
    /// clock, and expects the same decisions: `allowed` and `remaining` exactly, the
    /// times within the second the steps take. Returns Redis's decisions.
    @discardableResult
    func expectSameDecisions(_ steps: [Step], on redis: RedisRateLimiter) async throws -> [[BucketDecision]] {
        let inProcess = InProcessRateLimiter()
        var all: [[BucketDecision]] = []
        for step in steps {
            let (fromRedis, expected): ([BucketDecision], [BucketDecision])
            switch step {
            case .charge(let charges):
                fromRedis = try await redis.charge(charges)
                expected = try await inProcess.charge(charges)
            case .status(let charges):
                fromRedis = try await redis.status(of: charges)
                expected = try await inProcess.status(of: charges)
            }
            #expect(fromRedis.map(\.charge) == expected.map(\.charge))
            #expect(fromRedis.map(\.allowed) == expected.map(\.allowed))
            #expect(fromRedis.map(\.remaining) == expected.map(\.remaining))
            for (actual, wanted) in zip(fromRedis, expected) {
                #expect(Self.isWithinASecond(actual.retryAfter, wanted.retryAfter))
                #expect(Self.isWithinASecond(actual.resetAfter, wanted.resetAfter))
            }
            all.append(fromRedis)
        }
        return all
    }

    /// `charges` decided (or only looked at) by `ChargeBatch` over `tats` and by the
    /// limiter's scripts at the same fixed instant `now`: the same decisions.
    static func expectDecidedAsChargeBatch(
        _ charges: [BucketCharge], looking: Bool, tats: inout [String: Int64], now: Int64, by limiter: RedisRateLimiter,
        batch: Int
    ) async throws {
        let expected =
            looking
            ? ChargeBatch.status(of: charges, tats: tats, now: now)
            : ChargeBatch.charge(charges, tats: &tats, now: now)
        let actual = try await limiter.decide(charges, mode: looking ? .status : .charge, now: now)
        #expect(actual == expected, "batch \(batch), now \(now)")
    }

    static func isWithinASecond(_ first: Duration, _ second: Duration) -> Bool {
        first - second < .seconds(1) && second - first < .seconds(1)
    }

    @Test func theInProcessScenariosDecideAlikeOnRedis() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: Self.logger)
        let limiter = RedisRateLimiter(client: client)
        let device = Self.field("Mutation.registerDevice", limit: 10, window: .seconds(3600))
        let tight = Self.field("Mutation.registerDevice", limit: 1, window: .seconds(3600), user: "carol")
        let loose = Self.field("Mutation", limit: 500, window: .seconds(3600), user: "carol")
        let alice = Self.field("Mutation.sendNotification", limit: 1, window: .seconds(3600), user: "alice")
        let bob = Self.field("Mutation.sendNotification", limit: 1, window: .seconds(3600), user: "bob")
        let notifications = Self.field("Query.notifications", limit: 5, window: .seconds(3600))
        let tenant = Self.budget(cost: 10, limit: 10, tenant: "acme")
        let query = Self.field("Query", limit: 2, window: .seconds(3600), user: "dave")
        var steps: [Step] = Array(repeating: .charge([device]), count: 12)
        steps += [.charge([tight, loose]), .charge([tight, loose])]
        steps += [.charge([alice]), .charge([bob]), .charge([alice])]
        steps += [.charge([notifications, Self.budget(cost: 80)]), .charge([notifications, Self.budget(cost: 30)])]
        steps += [.status([notifications, Self.budget(cost: 0)])]
        let erin = { (cost: Int) in Self.budget(cost: cost, user: "erin") }
        let frank = { (cost: Int) in Self.budget(cost: cost, user: "frank") }
        let gina = Self.budget(cost: 1, user: "gina")
        steps += [.charge([tenant]), .charge([erin(5), tenant]), .status([erin(0)])]
        steps += [.charge([frank(42)]), .charge([frank(101)])]
        steps += Array(repeating: .status([query]), count: 5) + [.charge([query])]
        steps += [.charge([query, query]), .charge([gina, gina])]
        let decisions = try await expectSameDecisions(steps, on: limiter)
        // The scenarios' own expectations, so agreeing on a wrong answer fails too.
        #expect(decisions[0..<10].map { $0[0].remaining } == Array((0..<10).reversed()))
        #expect(decisions[10][0].allowed == false)
        #expect(decisions[13].map(\.allowed) == [false, true])
        #expect(decisions[13].map(\.remaining) == [0, 498])
        #expect(decisions[16].map(\.allowed) == [false])
        #expect(decisions[18].map(\.allowed) == [true, false])
        #expect(decisions[18].map(\.remaining) == [4, 20])
        #expect(decisions[19].map(\.remaining) == [4, 20])
        #expect(decisions[21].map(\.allowed) == [true, false])
        #expect(decisions[22][0].remaining == 100)
        #expect(decisions[23][0].remaining == 58)
        #expect(decisions[24][0].exceedsLimit && !decisions[24][0].allowed)
        #expect(decisions[30][0].remaining == 1)
        #expect(decisions[31].map(\.allowed) == [true, false])
        #expect(decisions[32].map(\.remaining) == [99, 98])
        await client.shutdown()
        await server.stop()
    }

    @Test func aRefusedChargeWaitsForItsUnitAndTheFullBucketForTheWindow() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: Self.logger)
        let limiter = RedisRateLimiter(client: client)
        let charge = Self.field("Mutation.registerDevice", limit: 10, window: .seconds(3600))
        for _ in 0..<10 { _ = try await limiter.charge([charge]) }
        let refused = try await limiter.charge([charge])[0]
        #expect(!refused.allowed)
        #expect(refused.remaining == 0)
        #expect(refused.retryAfter <= .seconds(360) && refused.retryAfter > .seconds(359))
        #expect(refused.resetAfter <= .seconds(3600) && refused.resetAfter > .seconds(3599))
        _ = try await limiter.charge([Self.budget(cost: 80)])
        let overBudget = try await limiter.charge([Self.budget(cost: 30)])[0]
        #expect(!overBudget.allowed)
        #expect(overBudget.remaining == 20)
        #expect(overBudget.retryAfter <= .seconds(360) && overBudget.retryAfter > .seconds(359))
        await client.shutdown()
        await server.stop()
    }

    /// Four instances, each its own client, charging one bucket all at once.
    @Test func instancesSharingABucketAdmitExactlyItsLimitBetweenThem() async throws {
        let server = try await RedisServerProcess.start()
        let clients = (0..<4).map { _ in RedisClient(endpoint: server.endpoint, logger: Self.logger) }
        let charge = Self.field("Mutation.sendNotification", limit: 50, window: .seconds(3600))
        let allowed = try await withThrowingTaskGroup(of: Int.self) { group in
            for client in clients {
                let limiter = RedisRateLimiter(client: client)
                for _ in 0..<60 {
                    group.addTask { try await limiter.charge([charge])[0].allowed ? 1 : 0 }
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(allowed == 50)
        let status = try await RedisRateLimiter(client: clients[0]).status(of: [charge])
        #expect(status[0].remaining == 0)
        for client in clients { await client.shutdown() }
        await server.stop()
    }

    /// Random batches through `ChargeBatch` and the script at the same fixed instants:
    /// every decision and every stored TAT alike.
    @Test func theScriptDecidesAsChargeBatchDoes() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: Self.logger)
        let limiter = RedisRateLimiter(client: client)
        var random = SplitMix64(seed: 0x5EED_2026)
        // T of at least 180 s: a key lives at least that long in Redis's real time, far
        // longer than the test, while the fixed clock says whether its TAT has passed.
        let buckets = (0..<5).map { index in
            let window =
                Duration.seconds(Int64.random(in: 3600...7200, using: &random))
                + .microseconds(Int64.random(in: 0..<1_000_000, using: &random))
            return (
                key: BucketKey(coordinate: "Query.f\(index)", by: .user, subject: .user("u")),
                limit: Int.random(in: 1...20, using: &random), window: window
            )
        }
        var tats: [String: Int64] = [:]
        var now: Int64 = 1_700_000_000_000_000
        for batch in 0..<400 {
            now += [0, 0, 1, 999_999, 60_000_000, 400_000_000].randomElement(using: &random) ?? 0
            let charges = (0..<Int.random(in: 1...4, using: &random)).map { _ in
                let bucket = buckets[Int.random(in: 0..<buckets.count, using: &random)]
                return BucketCharge(
                    key: bucket.key, limit: bucket.limit, window: bucket.window,
                    cost: Int.random(in: 0...(bucket.limit + 1), using: &random),
                    scope: Bool.random(using: &random) ? .operation : .field)
            }
            let isStatus = Int.random(in: 0..<5, using: &random) == 0
            try await Self.expectDecidedAsChargeBatch(
                charges, looking: isStatus, tats: &tats, now: now, by: limiter, batch: batch)
        }
        for bucket in buckets {
            let stored = try await client.send("GET", bucket.key.description).text.flatMap { Int64($0) }
            #expect(stored == tats[bucket.key.description])
        }
        await client.shutdown()
        await server.stop()
    }

    @Test func aBucketExpiresWhenItIsFullAgain() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: Self.logger)
        let limiter = RedisRateLimiter(client: client)
        let charge = Self.field("Query", limit: 50, window: .seconds(3600))
        _ = try await limiter.charge([charge])
        let ttl = try await client.send("PTTL", charge.key.description).integer ?? -1
        // One unit taken: the bucket is full again one T (72 s) later.
        #expect(ttl > 71_000 && ttl <= 72_001)
        let drained = Self.field("Query", limit: 50, window: .seconds(3600), user: "bob")
        _ = try await limiter.charge([
            BucketCharge(
                key: drained.key, limit: 50, window: .seconds(3600), cost: 50, scope: .field)
        ])
        let drainedTTL = try await client.send("PTTL", drained.key.description).integer ?? -1
        #expect(drainedTTL > 3_599_000 && drainedTTL <= 3_600_001)
        let brief = Self.field("Query", limit: 1, window: .milliseconds(20), user: "carol")
        _ = try await limiter.charge([brief])
        try await Task.sleep(for: .milliseconds(200))
        #expect(try await client.send("EXISTS", brief.key.description) == .integer(0))
        // Looking writes nothing.
        let looked = Self.field("Query", limit: 5, window: .seconds(60), user: "dave")
        _ = try await limiter.status(of: [looked])
        #expect(try await client.send("EXISTS", looked.key.description) == .integer(0))
        await client.shutdown()
        await server.stop()
    }

    @Test func aRedisThatIsDownMakesChargeThrow() async throws {
        let server = try await RedisServerProcess.start()
        let client = RedisClient(endpoint: server.endpoint, logger: Self.logger)
        let limiter = RedisRateLimiter(client: client)
        let charge = Self.field("Query", limit: 5, window: .seconds(60))
        #expect(try await limiter.charge([charge])[0].allowed)
        await server.stop()
        await #expect(throws: RedisError.self) { try await limiter.charge([charge]) }
        await #expect(throws: RedisError.self) { try await limiter.status(of: [charge]) }
        // No charges, no round trip: nothing to fail.
        #expect(try await limiter.charge([]).isEmpty)
        await client.shutdown()
    }
}

/// What the limiter sends and how it reads replies, without Redis.
@Suite struct RedisRateLimiterArgumentsTests {
    let budget = BucketCharge(
        key: BucketKey(coordinate: "@costBudget", by: .user, subject: .user("alice")), limit: 100,
        window: .seconds(900), cost: 42, scope: .operation)
    let field = BucketCharge(
        key: BucketKey(coordinate: "Query", by: .ip, subject: .ip("203.0.113.7")), limit: 0,
        window: .seconds(60), cost: -3, scope: .field)

    @Test func eachBucketIsOneKeyAndEachChargeFiveArguments() {
        let arguments = ChargeBatch.ScriptArguments([field, budget, field], mode: .charge)
        #expect(arguments.keys == ["rl:{ip:203.0.113.7}:Query", "rl:{user:alice}:@costBudget"])
        #expect(
            arguments.values == [
                "charge", "",
                "1", "60000000", "1", "0", "0",
                "2", "9000000", "100", "42", "1",
                "1", "60000000", "1", "0", "0",
            ])
        let status = ChargeBatch.ScriptArguments([budget], mode: .status, now: 1_700_000_000_000_000)
        #expect(status.values.prefix(2) == ["status", "1700000000000000"])
    }

    @Test func repliesAreReadInChargeOrder() throws {
        let reply = RedisValue.array([0, 1, 58, 0, 378_000_000, 0, 0, 60_000_000, 0].map { .integer($0) })
        let (refused, decisions) = try RedisRateLimiter.decisions(from: reply, for: [budget, field])
        #expect(!refused)
        #expect(decisions.map(\.allowed) == [true, false])
        #expect(decisions.map(\.remaining) == [58, 0])
        #expect(decisions[0].resetAfter == .seconds(378))
        #expect(decisions[1].retryAfter == .seconds(60))
    }

    @Test func aMalformedReplyIsAnError() {
        let short = RedisValue.array([.integer(1), .integer(2)])
        #expect(throws: RedisRateLimiter.MalformedReply.self) {
            try RedisRateLimiter.decisions(from: short, for: [budget])
        }
        let text = RedisValue.array([.integer(0), .integer(1), .bulk(Array("2".utf8)), .integer(0), .integer(0)])
        #expect(throws: RedisRateLimiter.MalformedReply.self) {
            try RedisRateLimiter.decisions(from: text, for: [budget])
        }
        let notABool = RedisValue.array([0, 2, 0, 0, 0].map { .integer($0) })
        #expect(throws: RedisRateLimiter.MalformedReply.self) {
            try RedisRateLimiter.decisions(from: notABool, for: [budget])
        }
        let refusedIsNotABool = RedisValue.array([2, 1, 0, 0, 0].map { .integer($0) })
        #expect(throws: RedisRateLimiter.MalformedReply.self) {
            try RedisRateLimiter.decisions(from: refusedIsNotABool, for: [budget])
        }
        #expect(throws: RedisError(.reply, "the rate limiting script failed: ERR boom")) {
            try RedisRateLimiter.decisions(from: .error("ERR boom"), for: [budget])
        }
    }
}

/// A seeded generator, so that a failing random sequence can be run again.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE5_E4B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}
