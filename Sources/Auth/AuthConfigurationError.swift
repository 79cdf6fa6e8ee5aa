/// Why the gateway cannot verify or mint tokens with its configuration: raised once, at start-up,
/// so that a wrong key never turns into every request being refused (or, worse, accepted).
public struct AuthConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong and which setting to change, for the operator reading the start-up log.
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
