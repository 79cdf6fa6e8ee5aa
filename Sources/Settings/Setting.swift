/// One setting, declared once: its key, where its typed value goes in `Root`, how its text
/// is read, its help, and examples that the tests feed through every source. The flag
/// (`--websocket-keep-alive`), the variable (`SWITCHBOARD_WEBSOCKET_KEEP_ALIVE`), the YAML
/// key (`websocket: {keep-alive: ...}`) and the `--help` line all come from this.
///
/// Its default is the value `Root()` holds, so it is written once, in the typed
/// configuration the rest of the program reads.
public struct Setting<Root>: Sendable, CustomStringConvertible {
    /// The dotted name: `websocket.keep-alive`. Declared relative to its section.
    public private(set) var key: String
    /// What it does, a sentence for `--help` (the default is added there).
    public let help: String
    /// What its text must be, as errors say it.
    public let expected: String
    public let placeholder: String
    /// Whether any text is a value; then there is no bad example.
    public let acceptsAnyText: Bool
    /// Texts the setting takes, for the tests to read through every source: the first
    /// gives another value than the default, the second yet another (or the default), so
    /// that which source won can be seen.
    public let examples: [String]
    /// A text it refuses; nil only when it accepts any text.
    public let badExample: String?

    let assign: @Sendable (inout Root, _ text: String, _ source: String) throws(SettingsError) -> Void
    let show: @Sendable (Root) -> String?
    let matches: @Sendable (Root, _ text: String) -> Bool

    /// The setting `key` whose value `parser` reads from text into `root[keyPath: path]`.
    public init<Value: Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<Root, Value> & Sendable, _ parser: SettingParser<Value>,
        help: String, examples: [String], bad badExample: String? = nil
    ) {
        self.init(
            key: key, help: help, expected: parser.expected, placeholder: parser.placeholder,
            acceptsAnyText: parser.acceptsAnyText, examples: examples, badExample: badExample,
            assign: { root, text, source throws(SettingsError) in
                root[keyPath: path] = try parser.parse(text, from: source)
            },
            show: { root in parser.text(for: root[keyPath: path]) },
            matches: { root, text in (try? parser.parse(text, from: "")).map { $0 == root[keyPath: path] } ?? false })
    }

    private init(
        key: String, help: String, expected: String, placeholder: String, acceptsAnyText: Bool,
        examples: [String], badExample: String?,
        assign: @escaping @Sendable (inout Root, String, String) throws(SettingsError) -> Void,
        show: @escaping @Sendable (Root) -> String?, matches: @escaping @Sendable (Root, String) -> Bool
    ) {
        self.key = key
        self.help = help
        self.expected = expected
        self.placeholder = placeholder
        self.acceptsAnyText = acceptsAnyText
        self.examples = examples
        self.badExample = badExample
        self.assign = assign
        self.show = show
        self.matches = matches
    }

    public var description: String { key }

    /// Sets this setting in `root` from `text`, read from `source` (which errors name).
    public func apply(_ text: String, from source: String, to root: inout Root) throws(SettingsError) {
        try assign(&root, text, source)
    }

    /// The value `root` holds, as text; nil when unset.
    public func text(in root: Root) -> String? { show(root) }

    /// Whether `root` holds exactly the value `text` spells: what the tests check after
    /// loading an example.
    public func holds(_ text: String, in root: Root) -> Bool { matches(root, text) }

    /// The same setting with its key under `prefix` (its section's name).
    func prefixed(_ prefix: String?) -> Setting {
        var setting = self
        if let prefix { setting.key = "\(prefix).\(key)" }
        return setting
    }

    /// The same setting on a larger configuration that keeps `Root` at `path`.
    func embedded<Outer>(in path: WritableKeyPath<Outer, Root> & Sendable) -> Setting<Outer> {
        let (assign, show, matches) = (self.assign, self.show, self.matches)
        return Setting<Outer>(
            key: key, help: help, expected: expected, placeholder: placeholder, acceptsAnyText: acceptsAnyText,
            examples: examples, badExample: badExample,
            assign: { outer, text, source throws(SettingsError) in try assign(&outer[keyPath: path], text, source) },
            show: { outer in show(outer[keyPath: path]) },
            matches: { outer, text in matches(outer[keyPath: path], text) })
    }
}
