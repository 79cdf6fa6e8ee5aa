/// What an entry of the ephemeral store holds.
public enum EphemeralEntryKind: String, Hashable, Sendable {
    case value, members, log
}
