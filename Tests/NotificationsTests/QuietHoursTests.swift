import Foundation
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

@Suite struct QuietHoursTests {
    let utc = TimeZone(identifier: "UTC")!

    func at(_ hour: Int, _ minute: Int) -> Date {
        Date(timeIntervalSince1970: 1_795_564_800 + Double(hour * 3600 + minute * 60))  // 2026-11-25 00:00 UTC
    }

    @Test func aSpanOverMidnightHoldsLateAndEarlyButNotMidday() {
        let quiet = QuietHours(start: 22 * 60, end: 7 * 60, timeZone: utc)
        #expect(quiet.contains(at(23, 0)))
        #expect(quiet.contains(at(2, 30)))
        #expect(quiet.contains(at(22, 0)))
        #expect(!quiet.contains(at(7, 0)))
        #expect(!quiet.contains(at(12, 0)))
    }

    @Test func aSpanWithinADayHoldsOnlyItsHours() {
        let quiet = QuietHours(start: 9 * 60, end: 17 * 60, timeZone: utc)
        #expect(quiet.contains(at(9, 0)))
        #expect(quiet.contains(at(16, 59)))
        #expect(!quiet.contains(at(17, 0)))
        #expect(!quiet.contains(at(8, 59)))
    }

    @Test func theTimeZoneDecidesTheLocalHour() {
        // 06:30 UTC is 15:30 in Tokyo: inside 15:00-16:00 there, not in UTC.
        let tokyo = QuietHours(start: 15 * 60, end: 16 * 60, timeZone: TimeZone(identifier: "Asia/Tokyo")!)
        #expect(tokyo.contains(at(6, 30)))
        #expect(!QuietHours(start: 15 * 60, end: 16 * 60, timeZone: utc).contains(at(6, 30)))
    }

    @Test(arguments: [("00:00", 0), ("07:05", 425), ("23:59", 1439)])
    func timesOfDayReadAsMinutes(text: String, minutes: Int) {
        #expect(QuietHours.minutes(text) == minutes)
        #expect(QuietHours.text(minutes) == text)
    }

    @Test(arguments: ["24:00", "7:00", "07:60", "0700", "07:00 ", "ab:cd", ""])
    func malformedTimesAreRefused(text: String) {
        #expect(QuietHours.minutes(text) == nil)
    }
}
