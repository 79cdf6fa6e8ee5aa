/// A group of settings under one name (`websocket.*`, `notifications.*`), declared by
/// the part of the program that owns them, with the checks that involve several of them
/// (a webhook needs its URL). A domain declares its section on its own settings type;
/// the server embeds it at the place its configuration keeps that type.
public struct SettingsSection<Root>: Sendable {
    /// The key prefix: `notifications`; nil for top-level keys (`port`).
    public let name: String?
    /// The heading in `--help`.
    public let title: String
    /// The settings, with full keys (`notifications.delivery`).
    public let settings: [Setting<Root>]
    let finish: @Sendable (inout Root, SettingValues) throws(SettingsError) -> Void

    /// A section whose settings are declared with keys relative to `name`. `finish` runs
    /// once every setting has been read: it checks settings against each other and works
    /// out what depends on several (naming sources through `values`).
    public init(
        _ name: String?, title: String, settings: [Setting<Root>],
        finish: @escaping @Sendable (inout Root, SettingValues) throws(SettingsError) -> Void = { _, _ in }
    ) {
        self.init(name: name, title: title, settings: settings.map { $0.prefixed(name) }, finish: finish)
    }

    private init(
        name: String?, title: String, settings: [Setting<Root>],
        finish: @escaping @Sendable (inout Root, SettingValues) throws(SettingsError) -> Void
    ) {
        self.name = name
        self.title = title
        self.settings = settings
        self.finish = finish
    }

    /// The section on a larger configuration that keeps `Root` at `path`: how the server
    /// takes in a domain's section.
    public func embedded<Outer>(in path: WritableKeyPath<Outer, Root> & Sendable) -> SettingsSection<Outer> {
        let finish = self.finish
        return SettingsSection<Outer>(
            name: name, title: title, settings: settings.map { $0.embedded(in: path) },
            finish: { outer, values throws(SettingsError) in try finish(&outer[keyPath: path], values) })
    }
}
