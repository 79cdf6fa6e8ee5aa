import Foundation

extension ServerConfiguration {
    /// The `database` and `notifications.*` settings, checked together where one needs
    /// another (a webhook needs its URL).
    static func loadStorage(_ reader: Reader, into configuration: inout ServerConfiguration) throws(ConfigurationError)
    {
        if let value = reader.values["database"], !value.text.isEmpty {
            configuration.database = try DatabaseLocation(parsing: value.text, setting: value.source)
        }
        var notifications = configuration.notifications
        notifications.delivery =
            try reader.parse("notifications.delivery", "log or webhook") { text in
                NotificationSettings.Delivery(rawValue: text.lowercased())
            } ?? notifications.delivery
        notifications.webhookURL = try reader.parse("notifications.webhook-url", "an http or https URL") { text in
            URL(string: text).flatMap { url in
                ["http", "https"].contains(url.scheme?.lowercased()) && !(url.host() ?? "").isEmpty ? url : nil
            }
        }
        if notifications.delivery == .webhook, notifications.webhookURL == nil {
            throw NotificationSettings.missingWebhookURL
        }
        notifications.batchWindow = try reader.duration("notifications.batch-window") ?? notifications.batchWindow
        notifications.outboxInterval =
            try reader.parse("notifications.outbox-interval", "a duration above 0 such as 500ms or 1s") { text in
                DurationText.parse(text).flatMap { $0 > .zero ? $0 : nil }
            } ?? notifications.outboxInterval
        notifications.maxAttempts = try reader.int("notifications.max-attempts", 1...100) ?? notifications.maxAttempts
        configuration.notifications = notifications
    }
}
