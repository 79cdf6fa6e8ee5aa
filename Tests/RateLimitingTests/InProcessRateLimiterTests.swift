import Foundation
import Schema
import Testing

@testable import RateLimiting
@testable import TestSupport

/// The in-process limiter over a clock moved by hand: exact admission, refill, several
/// buckets per operation, and the cost budget deciding for the whole operation.
@Suite struct InProcessRateLimiterTests {
    let clock = ManualClock()
    let limiter: InProcessRateLimiter

    init() {
        let clock = clock
        limiter = InProcessRateLimiter(now: clock.source)
    }

    static func field(_ coordinate: String, limit: Int, window: Duration, user: String = "alice") -> BucketCharge {
        BucketCharge(
            key: BucketKey(coordinate: coordinate, by: .user, subject: .user(user)), limit: limit, window: window,
            cost: 1, scope: .field)
    }

    static func budget(cost: Int, limit: Int = 100) -> BucketCharge {
        BucketCharge(
            key: BucketKey(coordinate: "@costBudget", by: .user, subject: .user("alice")), limit: limit,
            window: .seconds(60), cost: cost, scope: .operation)
    }

    @Test func exactlyTheLimitIsAdmittedInAWindowAndTheNextWaitsOneInterval() async throws {
        let charge = Self.field("Mutation.registerDevice", limit: 10, window: .seconds(60))
        for expected in (0..<10).reversed() {
            let decision = try await limiter.charge([charge])[0]
            #expect(decision.allowed)
            #expect(decision.remaining == expected)
        }
        let refused = try await limiter.charge([charge])[0]
        #expect(!refused.allowed)
        #expect(refused.retryAfter == .seconds(6))
        #expect(refused.resetAfter == .seconds(60))
        clock.advance(by: 5.999)
        #expect(try await limiter.charge([charge])[0].allowed == false)
        clock.advance(by: 0.001)
        #expect(try await limiter.charge([charge])[0].allowed)
        #expect(try await limiter.charge([charge])[0].allowed == false)
    }

    @Test func aFullWindowLaterTheWholeLimitIsBack() async throws {
        let charge = Self.field("Query", limit: 3, window: .seconds(900))
        for _ in 0..<3 { _ = try await limiter.charge([charge]) }
        clock.advance(by: 900)
        let decisions = try await limiter.status(of: [charge])
        #expect(decisions[0].remaining == 3)
        #expect(decisions[0].resetAfter == .zero)
    }

    @Test func eachBucketIsDecidedOnItsOwn() async throws {
        let tight = Self.field("Mutation.registerDevice", limit: 1, window: .seconds(60))
        let loose = Self.field("Mutation", limit: 500, window: .seconds(900))
        _ = try await limiter.charge([tight, loose])
        let decisions = try await limiter.charge([tight, loose])
        #expect(decisions.map(\.allowed) == [false, true])
        #expect(decisions.map(\.remaining) == [0, 498])
    }

    @Test func callersHaveTheirOwnBuckets() async throws {
        let alice = Self.field("Mutation.sendNotification", limit: 1, window: .seconds(60), user: "alice")
        let bob = Self.field("Mutation.sendNotification", limit: 1, window: .seconds(60), user: "bob")
        _ = try await limiter.charge([alice])
        #expect(try await limiter.charge([bob])[0].allowed)
        #expect(try await limiter.charge([alice])[0].allowed == false)
    }

    @Test func anOperationOverBudgetChargesNoBucket() async throws {
        let field = Self.field("Query.notifications", limit: 5, window: .seconds(60))
        _ = try await limiter.charge([field, Self.budget(cost: 80)])
        let refused = try await limiter.charge([field, Self.budget(cost: 30)])
        #expect(refused.map(\.allowed) == [true, false])
        #expect(refused[1].remaining == 20)
        #expect(refused[1].retryAfter == .seconds(6))
        #expect(refused[0].remaining == 4)
        let after = try await limiter.status(of: [field, Self.budget(cost: 0)])
        #expect(after.map(\.remaining) == [4, 20])
    }

    @Test func oneBudgetRefusingKeepsTheOtherBudgetsUncharged() async throws {
        let tenant = BucketCharge(
            key: BucketKey(coordinate: "@costBudget", by: .tenant, subject: .tenant("acme")), limit: 10,
            window: .seconds(60), cost: 10, scope: .operation)
        _ = try await limiter.charge([tenant])
        let decisions = try await limiter.charge([Self.budget(cost: 5), tenant])
        #expect(decisions.map(\.allowed) == [true, false])
        #expect(try await limiter.status(of: [Self.budget(cost: 0)])[0].remaining == 100)
    }

    @Test func aCostTakesThatManyUnitsOfTheBudget() async throws {
        let decisions = try await limiter.charge([Self.budget(cost: 42)])
        #expect(decisions[0].allowed)
        #expect(decisions[0].remaining == 58)
        #expect(decisions[0].exceedsLimit == false)
        #expect(try await limiter.charge([Self.budget(cost: 101)])[0].exceedsLimit)
    }

    @Test func statusChargesNothing() async throws {
        let charge = Self.field("Query", limit: 2, window: .seconds(60))
        for _ in 0..<5 { _ = try await limiter.status(of: [charge]) }
        #expect(try await limiter.charge([charge])[0].remaining == 1)
    }

    @Test func fullBucketsArePruned() async throws {
        let limiter = InProcessRateLimiter(now: clock.source, pruneInterval: 2)
        _ = try await limiter.charge([Self.field("Query", limit: 10, window: .seconds(60), user: "a")])
        #expect(limiter.bucketCount == 1)
        clock.advance(by: 6)
        _ = try await limiter.charge([Self.field("Query", limit: 10, window: .seconds(60), user: "b")])
        #expect(limiter.bucketCount == 1)
    }
}
