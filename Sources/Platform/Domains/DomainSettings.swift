import Settings

/// The settings sections of the domains served, each kept under its own type: how the
/// server's configuration holds a domain's settings without naming the domain.
public struct DomainSettings: Sendable {
    private var sections: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The settings of type `Section`: as read, or its defaults.
    public subscript<Section: DomainSettingsSection>(_ key: Key<Section>) -> Section {
        get { sections[key.id] as? Section ?? Section() }
        set { sections[key.id] = newValue }
    }

    public subscript<Section: DomainSettingsSection>(_ type: Section.Type) -> Section {
        get { self[Key<Section>()] }
        set { self[Key<Section>()] = newValue }
    }

    /// A section's place: its type, as a value a key path can hold.
    public struct Key<Section: DomainSettingsSection>: Hashable, Sendable {
        let id = ObjectIdentifier(Section.self)

        public init() {}
    }
}

/// A domain's typed settings: what its section's settings fill in, from its defaults.
public protocol DomainSettingsSection: Sendable {
    init()
    /// The `<domain>.*` settings, declared with the domain.
    static var section: SettingsSection<Self> { get }
}
