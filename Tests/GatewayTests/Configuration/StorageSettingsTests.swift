import Foundation
import Gateway
import Notifications
import Platform
import Settings
import Storage
import Testing

@testable import TestSupport

/// The `database` and `notifications.*` settings: defaults, every source, and errors.
extension ServerConfigurationTests {
    @Test func storageAndNotificationsDefaultToSQLiteAndTheLog() throws {
        let configuration = try load()
        #expect(configuration.database == .sqliteFile(path: "switchboard.sqlite"))
        let notifications = configuration.domains[NotificationSettings.self]
        #expect(notifications.delivery == .log)
        #expect(notifications.webhookURL == nil)
        #expect(notifications.batchWindow == .seconds(300))
        #expect(notifications.outboxInterval == .seconds(1))
        #expect(notifications.maxAttempts == 5)
    }

    @Test func storageAndNotificationsAreReadFromYAML() throws {
        let configuration = try load(
            yaml: """
                database: postgres://app@db:5432/sb?sslmode=disable
                notifications:
                  delivery: webhook
                  webhook-url: https://hooks.example/switchboard
                  batch-window: 2m
                  outbox-interval: 500ms
                  max-attempts: 10
                """)
        var postgres = PostgresLocation(host: "db", username: "app", database: "sb")
        postgres.tls = .disable
        #expect(configuration.database == .postgres(postgres))
        let notifications = configuration.domains[NotificationSettings.self]
        #expect(notifications.delivery == .webhook)
        #expect(notifications.webhookURL == URL(string: "https://hooks.example/switchboard"))
        #expect(notifications.batchWindow == .seconds(120))
        #expect(notifications.outboxInterval == .milliseconds(500))
        #expect(notifications.maxAttempts == 10)
    }

    @Test(arguments: [
        (["notifications.delivery": "webhook"], "notifications.delivery webhook needs notifications.webhook-url"),
        (
            ["notifications.delivery": "webhook", "notifications.webhook-url": "ftp://hooks.example/"],
            #"--notifications-webhook-url: expected an http or https URL, got "ftp://hooks.example/""#
        ),
        (["notifications.delivery": "pigeon"], #"--notifications-delivery: expected log or webhook, got "pigeon""#),
        (
            ["notifications.max-attempts": "0"],
            #"--notifications-max-attempts: expected a whole number from 1 to 100, got "0""#
        ),
        (
            ["notifications.outbox-interval": "0s"],
            #"--notifications-outbox-interval: expected a duration above 0 such as 500ms or 1s, got "0s""#
        ),
        (
            ["database": "postgres://:secret@/sb"],
            "--database: the PostgreSQL URL needs a host, as in postgres://user:password@host:5432/database"
        ),
    ])
    func aBadStorageOrNotificationSettingIsRefused(flags: [String: String], message: String) {
        #expect(throws: SettingsError(message)) { try load(flags: flags) }
    }

    @Test func aBadDatabaseVariableIsNamedAsTheVariable() {
        #expect(
            throws: SettingsError(
                #"SWITCHBOARD_DATABASE: unknown sslmode "on": expected one of disable, prefer, require, verify-full"#)
        ) {
            try load(environment: ["SWITCHBOARD_DATABASE": "postgres://db/sb?sslmode=on"])
        }
    }

    @Test func theDeliveryProviderIsTheOneConfigured() throws {
        var notifications = NotificationSettings()
        #expect(try notifications.makeDeliveryProvider(logger: .init(label: "test")).name == "log")
        notifications.delivery = .webhook
        #expect(throws: SettingsError.self) {
            try notifications.makeDeliveryProvider(logger: .init(label: "test"))
        }
        notifications.webhookURL = URL(string: "http://127.0.0.1:9/hook")
        #expect(try notifications.makeDeliveryProvider(logger: .init(label: "test")).name == "webhook")
    }
}
