/// The domains Switchboard serves. Each gets a folder of services, stores and field
/// resolvers here as its issue lands; this list is what the gateway reports as features.
public enum Domain: String, CaseIterable, Sendable {
    case notifications, calls, presence, exports
}
