import Foundation
import Testing

@testable import Notifications
@testable import Platform
@testable import TestSupport

/// What happens on push and email when a notification is sent, by the recipient's
/// preferences: quiet hours and the daily cap hold back, URGENT passes quiet hours,
/// digests wait for 08:00 local.
@Suite struct DeliveryPlannerTests {
    let planner = DeliveryPlanner()
    /// Tuesday 2026-11-24 23:30 in Paris (22:30 UTC).
    let lateEvening = Date(timeIntervalSince1970: 1_795_559_400)
    let paris = TimeZone(identifier: "Europe/Paris")!

    func recipient(
        _ change: (inout NotificationPreferences) -> Void = { _ in }, devices: Int = 1, pushesToday: Int = 0
    ) -> DeliveryPlanner.Recipient {
        var preferences = NotificationPreferences()
        change(&preferences)
        return .init(preferences: preferences, deviceCount: devices, pushesToday: pushesToday)
    }

    var nightQuiet: QuietHours { QuietHours(start: 22 * 60, end: 7 * 60, timeZone: paris) }

    @Test func byDefaultAPushIsPendingNowAndNoEmailIsPlanned() {
        let planned = planner.plan(type: .mention, priority: .normal, for: recipient(), at: lateEvening)
        #expect(planned == [.init(channel: .push, status: .pending, nextAttemptAt: lateEvening, isDigest: false)])
    }

    @Test func quietHoursSuppressPushAndEmail() {
        let planned = planner.plan(
            type: .mention, priority: .high,
            for: recipient {
                $0.quietHours = nightQuiet
                $0.channels[.mention] = ChannelSwitches(inApp: true, push: true, email: true)
            }, at: lateEvening)
        #expect(planned == [.suppressed(.push, .quietHours), .suppressed(.email, .quietHours)])
    }

    @Test func urgentNotificationsPassQuietHours() {
        let planned = planner.plan(
            type: .call, priority: .urgent, for: recipient { $0.quietHours = nightQuiet }, at: lateEvening)
        #expect(planned.map(\.status) == [.pending])
    }

    @Test func quietHoursOutsideTheirSpanHoldNothingBack() {
        let noon = lateEvening.addingTimeInterval(13 * 3600)
        let planned = planner.plan(
            type: .reply, priority: .normal, for: recipient { $0.quietHours = nightQuiet }, at: noon)
        #expect(planned.map(\.status) == [.pending])
    }

    @Test func theDailyCapSuppressesPushesBeyondIt() {
        let atCap = planner.plan(
            type: .message, priority: .normal, for: recipient({ $0.dailyPushLimit = 3 }, pushesToday: 3),
            at: lateEvening)
        let underCap = planner.plan(
            type: .message, priority: .normal, for: recipient({ $0.dailyPushLimit = 3 }, pushesToday: 2),
            at: lateEvening)
        #expect(atCap == [.suppressed(.push, .dailyCap)])
        #expect(underCap.map(\.status) == [.pending])
    }

    @Test func aUserWithoutDevicesGetsASuppressedPush() {
        let planned = planner.plan(type: .mention, priority: .normal, for: recipient(devices: 0), at: lateEvening)
        #expect(planned == [.suppressed(.push, .noDevice)])
    }

    @Test func channelsTurnedOffPlanNothing() {
        let planned = planner.plan(
            type: .reaction, priority: .normal,
            for: recipient { $0.channels[.reaction] = ChannelSwitches(inApp: true, push: false, email: false) },
            at: lateEvening)
        #expect(planned.isEmpty)
    }

    @Test func aDailyDigestHoldsTheEmailUntilEightOClockLocal() {
        let planned = planner.plan(
            type: .mention, priority: .normal,
            for: recipient {
                $0.quietHours = nightQuiet
                $0.emailDigest = .daily
                $0.channels[.mention] = ChannelSwitches(inApp: true, push: false, email: true)
            }, at: lateEvening)
        // 2026-11-25 08:00 in Paris is 07:00 UTC.
        let eight = Date(timeIntervalSince1970: 1_795_590_000)
        #expect(planned == [.init(channel: .email, status: .pending, nextAttemptAt: eight, isDigest: true)])
    }

    @Test func aWeeklyDigestWaitsForMonday() {
        let due = DeliveryPlanner.nextDigest(.weekly, after: lateEvening, in: TimeZone(identifier: "UTC")!)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.weekday, .hour, .day], from: due)
        #expect(parts.weekday == 2)
        #expect(parts.hour == 8)
        #expect(parts.day == 30)
    }
}
