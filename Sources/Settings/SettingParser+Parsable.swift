/// A value that reads itself from a setting's text and words its own errors, naming the
/// source it is given (a database URL, a Redis URL: several ways to be wrong).
public protocol ParsableSetting: Sendable, CustomStringConvertible {
    init(parsing text: String, setting source: String) throws(SettingsError)
}

extension SettingParser where Value: ParsableSetting {
    /// The value's own parser; `--help` shows a default as the value describes itself.
    public static func parsed(expected: String, placeholder: String) -> SettingParser {
        SettingParser(
            expected: expected, placeholder: placeholder,
            read: { text, source throws(SettingsError) in try Value(parsing: text, setting: source) },
            write: { $0.description })
    }
}
