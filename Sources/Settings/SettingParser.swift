/// How a setting's text becomes its typed value, and how a value is written back as text
/// (for the default `--help` shows). Every source gives text, so one parser serves the
/// flag, the variable and the YAML key alike.
public struct SettingParser<Value: Sendable>: Sendable {
    /// What the text must be, as an error says it: "a whole number from 0 to 65535".
    public var expected: String
    /// The value's name in `--help`: `--port <number>`.
    public var placeholder: String
    /// Whether every text is a value (a path, a secret, a name): such a setting has no
    /// bad example to test.
    public var acceptsAnyText: Bool
    let read: @Sendable (_ text: String, _ source: String) throws(SettingsError) -> Value
    let write: @Sendable (Value) -> String?

    /// A parser whose errors it words itself (a URL with several ways to be wrong);
    /// `read` is given the source to name in them.
    public init(
        expected: String, placeholder: String, acceptsAnyText: Bool = false,
        read: @escaping @Sendable (_ text: String, _ source: String) throws(SettingsError) -> Value,
        write: @escaping @Sendable (Value) -> String?
    ) {
        self.expected = expected
        self.placeholder = placeholder
        self.acceptsAnyText = acceptsAnyText
        self.read = read
        self.write = write
    }

    /// A parser that refuses text with the usual `<source>: expected <what>, got "<text>"`.
    public init(
        expected: String, placeholder: String, acceptsAnyText: Bool = false,
        parse: @escaping @Sendable (String) -> Value?, write: @escaping @Sendable (Value) -> String?
    ) {
        self.init(
            expected: expected, placeholder: placeholder, acceptsAnyText: acceptsAnyText,
            read: { text, source throws(SettingsError) in
                guard let value = parse(text) else {
                    throw SettingsError.unexpected(text, from: source, expected: expected)
                }
                return value
            }, write: write)
    }

    /// The value `text` spells; an error names `source`.
    public func parse(_ text: String, from source: String) throws(SettingsError) -> Value {
        try read(text, source)
    }

    /// `value` as a setting would spell it; nil for "not set".
    public func text(for value: Value) -> String? { write(value) }

    /// This parser, with values further checked by `accepts`; `expected` says what is
    /// left, and replaces the first parser's complaint too
    /// (`.duration.where("a duration above 0", { $0 > .zero })`).
    public func `where`(_ expected: String, _ accepts: @escaping @Sendable (Value) -> Bool) -> SettingParser {
        let read = self.read
        return SettingParser(
            expected: expected, placeholder: placeholder,
            read: { text, source throws(SettingsError) in
                guard let value = try? read(text, source), accepts(value) else {
                    throw SettingsError.unexpected(text, from: source, expected: expected)
                }
                return value
            }, write: write)
    }
}
