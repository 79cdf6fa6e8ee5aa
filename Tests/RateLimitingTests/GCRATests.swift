import Testing

@testable import RateLimiting
@testable import TestSupport

/// GCRA's arithmetic, exact in microseconds: what the Lua script on Redis must match.
@Suite struct GCRATests {
    /// 100 per 15 minutes: one unit every 9 seconds.
    let gcra = GCRA(limit: 100, window: .seconds(900))
    let start: Int64 = 1_700_000_000_000_000

    /// Charges `count` units of cost 1 at `now`, returning the last outcome and the TAT.
    func charge(_ count: Int, from tat: Int64?, at now: Int64) -> (GCRA.Outcome?, Int64?) {
        var tat = tat
        var last: GCRA.Outcome?
        for _ in 0..<count {
            let outcome = gcra.charge(1, storedTAT: tat, now: now)
            tat = outcome.tat
            last = outcome
        }
        return (last, tat)
    }

    @Test func theEmissionIntervalIsTheWindowOverTheLimit() {
        #expect(gcra.emissionInterval == 9_000_000)
        #expect(gcra.capacity == 900_000_000)
    }

    @Test func aFreshBucketAdmitsExactlyItsLimitAtOnce() {
        let (last, tat) = charge(100, from: nil, at: start)
        #expect(last?.allowed == true)
        #expect(last?.remaining == 0)
        let next = gcra.charge(1, storedTAT: tat, now: start)
        #expect(!next.allowed)
        #expect(next.retryAfter == 9_000_000)
        #expect(next.tat == tat)
    }

    @Test func oneUnitComesBackEachEmissionInterval() {
        let (_, tat) = charge(100, from: nil, at: start)
        let early = gcra.charge(1, storedTAT: tat, now: start + 8_999_999)
        #expect(!early.allowed)
        #expect(early.retryAfter == 1)
        let onTime = gcra.charge(1, storedTAT: tat, now: start + 9_000_000)
        #expect(onTime.allowed)
        #expect(onTime.remaining == 0)
        #expect(!gcra.charge(1, storedTAT: onTime.tat, now: start + 9_000_000).allowed)
    }

    @Test func remainingAndResetFollowTheTAT() {
        let outcome = gcra.charge(1, storedTAT: nil, now: start)
        #expect(outcome.tat == start + 9_000_000)
        #expect(outcome.remaining == 99)
        #expect(outcome.resetAfter == 9_000_000)
        #expect(outcome.retryAfter == 0)
        let later = gcra.charge(1, storedTAT: outcome.tat, now: start + 4_500_000)
        #expect(later.remaining == 98)
        #expect(later.resetAfter == 13_500_000)
    }

    @Test func aBucketPastItsTATIsFull() {
        let outcome = gcra.charge(1, storedTAT: start, now: start + 3_600_000_000)
        #expect(outcome.remaining == 99)
        #expect(outcome.tat == start + 3_600_000_000 + 9_000_000)
    }

    @Test func aCostTakesThatManyUnits() {
        let first = gcra.charge(40, storedTAT: nil, now: start)
        #expect(first.allowed)
        #expect(first.remaining == 60)
        let second = gcra.charge(61, storedTAT: first.tat, now: start)
        #expect(!second.allowed)
        #expect(second.remaining == 60)
        #expect(second.retryAfter == 9_000_000)
        #expect(gcra.charge(60, storedTAT: first.tat, now: start).remaining == 0)
    }

    @Test func aCostAboveTheLimitNeverFits() {
        let outcome = gcra.charge(101, storedTAT: nil, now: start)
        #expect(!outcome.allowed)
        #expect(outcome.tat == nil)
        #expect(outcome.remaining == 100)
        #expect(outcome.retryAfter == 900_000_000)
    }

    @Test func aCostOfZeroWritesNothing() {
        let outcome = gcra.charge(0, storedTAT: nil, now: start)
        #expect(outcome.allowed)
        #expect(outcome.tat == nil)
        #expect(outcome.remaining == 100)
        #expect(outcome.resetAfter == 0)
    }

    @Test func aWindowThatDoesNotDivideRoundsTheIntervalDown() {
        let seven = GCRA(limit: 7, window: .seconds(60))
        #expect(seven.emissionInterval == 8_571_428)
        var tat: Int64?
        for _ in 0..<7 {
            let outcome = seven.charge(1, storedTAT: tat, now: start)
            #expect(outcome.allowed)
            tat = outcome.tat
        }
        #expect(!seven.charge(1, storedTAT: tat, now: start).allowed)
    }
}
