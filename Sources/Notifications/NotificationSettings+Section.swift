import Platform
import Settings

extension NotificationSettings {
    /// Webhook delivery with nowhere to post.
    public static let missingWebhookURL = SettingsError(
        "notifications.delivery webhook needs notifications.webhook-url")

    /// The `notifications.*` settings, declared with the domain.
    public static let section = SettingsSection<NotificationSettings>(
        "notifications", title: "Notifications",
        settings: [
            Setting(
                "delivery", \.delivery, .oneOf(Delivery.allCases),
                help: "Where push and email deliveries go: log (one log line each) or webhook.",
                examples: ["WEBHOOK", "log"], bad: "pigeon"),
            Setting(
                "webhook-url", \.webhookURL, SettingParser.url(schemes: ["http", "https"]).optional,
                help: "The http or https URL deliveries are POSTed to as JSON, when notifications.delivery is webhook.",
                examples: ["https://hooks.example/switchboard", "http://127.0.0.1:9000/hook"],
                bad: "ftp://hooks.example/"),
            Setting(
                "batch-window", \.batchWindow, .duration,
                help: "How long notifications of one type and group key gather into one.", examples: ["2m", "0"],
                bad: "a while"),
            Setting(
                "outbox-interval", \.outboxInterval,
                SettingParser.duration.where("a duration above 0 such as 500ms or 1s") { $0 > .zero },
                help: "How often the outbox looks for due deliveries.", examples: ["500ms", "5s"], bad: "0s"),
            Setting(
                "max-attempts", \.maxAttempts, .int(1...100),
                help: "How many times a delivery is tried before it fails.",
                examples: ["10", "1"], bad: "0"),
        ],
        finish: { settings, _ throws(SettingsError) in
            if settings.delivery == .webhook, settings.webhookURL == nil { throw missingWebhookURL }
        })
}
