import Settings
import Testing

@Suite struct DurationTextTests {
    @Test(
        "Numbers with an optional ms, s, m, h or d unit are durations",
        arguments: [
            ("90", Duration.seconds(90)), ("45s", .seconds(45)), ("30m", .seconds(1800)), ("1h", .seconds(3600)),
            ("7d", .seconds(604_800)), ("0", .zero), (" 2h ", .seconds(7200)), ("500ms", .milliseconds(500)),
            ("2.5s", .milliseconds(2500)), ("1.5h", .seconds(5400)),
        ])
    func parses(text: String, expected: Duration) {
        #expect(DurationText.parse(text) == expected)
    }

    @Test(
        "Anything else is refused",
        arguments: [
            "", " ", "h", "1x", "-5", "+5", ".5s", "1..5s", "1h30m", "1 h", "1H", "٣s", "99999999999999999999",
            "106751991167301d",
        ])
    func refuses(text: String) {
        #expect(DurationText.parse(text) == nil)
    }

    @Test(
        "A duration is written in its largest whole unit, and reads back the same",
        arguments: [
            (Duration.seconds(300), "5m"), (.seconds(12), "12s"), (.milliseconds(1500), "1500ms"), (.zero, "0"),
            (.seconds(7200), "2h"), (.seconds(86_400 * 7), "7d"), (.seconds(90), "90s"),
        ])
    func formats(duration: Duration, text: String) {
        #expect(DurationText.format(duration) == text)
        #expect(DurationText.parse(text) == duration)
    }
}
