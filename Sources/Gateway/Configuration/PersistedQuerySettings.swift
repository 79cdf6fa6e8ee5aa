/// The `persisted-queries.*` settings as given, before they become the gateway's
/// `PersistedQueryMode` and registered operations.
public struct PersistedQuerySettings: Sendable, Equatable {
    public enum Mode: String, Sendable, CaseIterable {
        /// Automatic persisted queries (APQ): clients register queries by sending them.
        case automatic
        /// Only the manifest's operations run.
        case allowList = "allow-list"
        case off
    }

    public var mode = Mode.automatic
    /// How many automatic persisted queries are kept.
    public var maxEntries = 10_000
    /// The manifest's path: a JSON file or a directory of `.graphql` files.
    public var manifest: String?

    public init() {}
}
