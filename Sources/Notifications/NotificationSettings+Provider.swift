import Logging
import Platform
import Settings

extension NotificationSettings {
    /// The provider `delivery` names; webhook delivery without a URL is an error (the
    /// configuration refuses it, settings built by hand may not).
    public func makeDeliveryProvider(logger: Logger) throws(SettingsError) -> any DeliveryProvider {
        switch delivery {
        case .webhook:
            guard let webhookURL else {
                throw NotificationSettings.missingWebhookURL
            }
            return WebhookDeliveryProvider(url: webhookURL)
        case .log:
            return LogDeliveryProvider(logger: logger)
        }
    }
}
