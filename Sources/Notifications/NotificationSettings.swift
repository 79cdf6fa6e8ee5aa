import Foundation
import Platform

/// How the notifications domain sends and paces what it delivers: the `notifications.*`
/// settings, typed, with their defaults.
public struct NotificationSettings: Sendable, Equatable {
    /// Where push and email deliveries go.
    public enum Delivery: String, Sendable, CaseIterable {
        /// Written to the log, one line each: for development, and until a provider is set up.
        case log
        /// POSTed as JSON to `webhookURL`, which forwards them to push and mail services.
        case webhook
    }

    public var delivery = Delivery.log
    /// Set, as an http or https URL, whenever `delivery` is `.webhook`.
    public var webhookURL: URL?
    /// How long notifications of one type and group key gather into one.
    public var batchWindow = Duration.seconds(300)
    /// How often the outbox looks for deliveries that are due.
    public var outboxInterval = Duration.seconds(1)
    /// How many times a delivery is tried before it is marked failed.
    public var maxAttempts = 5

    public init() {}
}
