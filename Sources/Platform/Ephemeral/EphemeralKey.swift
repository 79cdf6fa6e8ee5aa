/// A key of the ephemeral store: a name within a scope. Made by `EphemeralScope.key`.
public struct EphemeralKey: Hashable, Sendable, CustomStringConvertible {
    public let scope: EphemeralScope
    /// The escaped parts of the name joined by `:`.
    public let name: String

    init(scope: EphemeralScope, name: String) {
        self.scope = scope
        self.name = name
    }

    /// `{call:123}:signals`; Redis prefixes it (`RedisEphemeralStore`).
    public var description: String { "{\(scope)}:\(name)" }
}
