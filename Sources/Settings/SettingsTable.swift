/// Every setting a program has, by section in the order `--help` lists them: what reads
/// merged values into the typed configuration `Root`, whose `init()` holds the defaults.
public struct SettingsTable<Root>: Sendable {
    public let sections: [SettingsSection<Root>]
    private let byKey: [String: Setting<Root>]

    public init(_ sections: [SettingsSection<Root>]) {
        self.sections = sections
        // A key declared twice keeps its first declaration; the tests refuse the table.
        byKey = Dictionary(sections.flatMap(\.settings).map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every setting, in `--help` order.
    public var settings: [Setting<Root>] { sections.flatMap(\.settings) }

    public var keys: Set<String> { Set(byKey.keys) }

    public subscript(key: String) -> Setting<Root>? { byKey[key] }

    /// The values of flags (by key), the environment and the YAML file, in that order of
    /// precedence, for these settings.
    public func values(
        flags: [String: String], environment: [String: String], yaml: (text: String, path: String)?
    ) throws(SettingsError) -> SettingValues {
        try SettingValues.merged(flags: flags, environment: environment, yaml: yaml, keys: keys)
    }

    /// `root` with every setting that `values` holds read into it; an empty text leaves
    /// the setting as it was. Sections' cross-checks are not run (see `load`).
    public func read(_ values: SettingValues, into root: Root) throws(SettingsError) -> Root {
        var root = root
        for setting in settings {
            guard let value = values[setting.key], !value.text.isEmpty else { continue }
            try setting.apply(value.text, from: value.source, to: &root)
        }
        return root
    }

    /// `read`, then each section's `finish`: the configuration ready to use.
    public func load(_ values: SettingValues, into root: Root) throws(SettingsError) -> Root {
        var root = try read(values, into: root)
        for section in sections {
            try section.finish(&root, values)
        }
        return root
    }
}
