/// A setting that cannot be used, said with where it came from: `--port: expected a
/// whole number from 0 to 65535, got "eighty"`.
public struct SettingsError: Error, CustomStringConvertible, Equatable, Sendable {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// The usual complaint: `source` held `text`, which is not `expected`.
    public static func unexpected(_ text: String, from source: String, expected: String) -> SettingsError {
        SettingsError("\(source): expected \(expected), got \"\(text)\"")
    }
}
