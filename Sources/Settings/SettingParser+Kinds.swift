import Foundation

/// The kinds of value settings have, each with its one wording of what it expects.
extension SettingParser where Value == String {
    /// Any text: a host, a path, a secret.
    public static var text: SettingParser {
        SettingParser(expected: "text", placeholder: "text", acceptsAnyText: true, parse: { $0 }, write: { $0 })
    }
}

extension SettingParser where Value == [String] {
    /// Comma-separated items, spaces around them dropped (a YAML list arrives so joined).
    public static var list: SettingParser {
        SettingParser(
            expected: "a comma-separated list", placeholder: "a,b", acceptsAnyText: true,
            parse: { text in text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
            write: { $0.joined(separator: ",") })
    }
}

extension SettingParser where Value == Int {
    /// A whole number in `range`.
    public static func int(_ range: ClosedRange<Int>) -> SettingParser {
        SettingParser(
            expected: "a whole number from \(range.lowerBound) to \(range.upperBound)", placeholder: "number",
            parse: { text in Int(text.trimmingCharacters(in: .whitespaces)).flatMap { range.contains($0) ? $0 : nil } },
            write: { String($0) })
    }
}

extension SettingParser where Value == Duration {
    /// A duration as `DurationText` reads it: `500ms`, `30s`, `5m`, `1h`.
    public static var duration: SettingParser {
        SettingParser(
            expected: "a duration such as 500ms, 30s, 5m or 1h", placeholder: "duration", parse: DurationText.parse,
            write: DurationText.format)
    }
}

extension SettingParser where Value == Bool {
    /// true or false (also yes/no, on/off, 1/0, as YAML and shells write them).
    public static var bool: SettingParser {
        SettingParser(
            expected: "true or false", placeholder: "true|false",
            parse: { text in
                switch text.lowercased() {
                case "true", "yes", "on", "1": true
                case "false", "no", "off", "0": false
                default: nil
                }
            }, write: { String($0) })
    }
}

extension SettingParser where Value: RawRepresentable<String> {
    /// One of `cases`, by raw value, in any letter case.
    public static func oneOf(_ cases: [Value]) -> SettingParser {
        let names = cases.map(\.rawValue)
        let expected =
            names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "") : names.joined()
        return SettingParser(
            expected: expected, placeholder: names.joined(separator: "|"),
            parse: { text in cases.first { $0.rawValue.lowercased() == text.lowercased() } },
            write: { $0.rawValue })
    }
}

extension SettingParser where Value == URL {
    /// An absolute URL with a host, whose scheme is one of `schemes`.
    public static func url(schemes: [String]) -> SettingParser {
        let expected = "an " + schemes.joined(separator: " or ") + " URL"
        return SettingParser(
            expected: expected, placeholder: "url",
            parse: { text in
                URL(string: text).flatMap { url in
                    schemes.contains(url.scheme?.lowercased() ?? "") && !(url.host() ?? "").isEmpty ? url : nil
                }
            }, write: { $0.absoluteString })
    }
}

extension SettingParser {
    /// The same values, for a setting that may be unset: nil is unset, and is not shown
    /// as a default.
    public var optional: SettingParser<Value?> {
        let read = self.read
        let write = self.write
        return SettingParser<Value?>(
            expected: expected, placeholder: placeholder, acceptsAnyText: acceptsAnyText,
            read: { text, source throws(SettingsError) in try read(text, source) },
            write: { value in value.flatMap(write) })
    }
}

extension SettingParser where Value: AdditiveArithmetic {
    /// The same values, with zero meaning "none" (a timer turned off, a limit lifted).
    public var zeroMeansNone: SettingParser<Value?> {
        let read = self.read
        let write = self.write
        return SettingParser<Value?>(
            expected: expected, placeholder: placeholder,
            read: { text, source throws(SettingsError) in
                let value = try read(text, source)
                return value == .zero ? nil : value
            }, write: { value in write(value ?? .zero) })
    }
}
