import Foundation
import Platform

extension NotificationService {
    func preferences(for owner: Owner) async throws -> NotificationPreferences {
        try await remember(owner)
        return try await database.withConnection { db in try await NotificationStore(db: db).preferences(for: owner) }
    }

    /// Applies `update` to the stored preferences, in one transaction.
    func updatePreferences(_ update: PreferencesUpdate, for owner: Owner) async throws -> NotificationPreferences {
        try await remember(owner)
        let at = now()
        return try await database.transaction { db in
            let store = NotificationStore(db: db)
            let updated = update.applied(to: try await store.preferences(for: owner))
            try await store.save(updated, for: owner, at: at)
            return updated
        }
    }

    func devices(for owner: Owner) async throws -> [Device] {
        try await database.withConnection { db in try await NotificationStore(db: db).devices(for: owner) }
    }

    func registerDevice(token: String, platform: DevicePlatform, for owner: Owner) async throws -> Device {
        try await remember(owner)
        let at = now()
        return try await database.transaction { db in
            try await NotificationStore(db: db).register(token: token, platform: platform, for: owner, at: at)
        }
    }

    func unregisterDevice(token: String, for owner: Owner) async throws -> Bool {
        try await database.transaction { db in try await NotificationStore(db: db).unregister(token: token, for: owner)
        }
    }

    /// The deliveries of notifications, by notification id (the owner's only).
    func deliveries(of ids: [Int64]) async throws -> [Int64: [Delivery]] {
        let deliveries = try await database.withConnection { db in
            try await NotificationStore(db: db).deliveries(of: ids)
        }
        return Dictionary(grouping: deliveries, by: \.notificationId)
    }
}
