import Foundation
import Platform
import SQLKit

extension NotificationStore {
    func devices(for owner: Owner) async throws -> [Device] {
        try await db.select().column("*").from("devices")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .orderBy("id").all().map(Self.device)
    }

    func deviceCount(for owner: Owner) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("devices")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId).first()
        return Int(try row?.decode(column: "n", as: Int64.self) ?? 0)
    }

    /// Registers a device token for the owner. A token names one device, so registering
    /// it again (after the app signed in as someone else) moves it to the new owner.
    func register(token: String, platform: DevicePlatform, for owner: Owner, at now: Date) async throws -> Device {
        try await db.insert(into: "devices")
            .columns("tenant", "user_id", "token", "platform", "created_at", "last_seen_at")
            .values(
                SQLBind(owner.tenant), SQLBind(owner.userId), SQLBind(token), SQLBind(platform.rawValue),
                SQLBind(Self.millis(now)), SQLBind(Self.millis(now))
            )
            .onConflict(with: ["token"]) { update in
                update.set(excludedValueOf: "tenant").set(excludedValueOf: "user_id")
                    .set(excludedValueOf: "platform").set(excludedValueOf: "last_seen_at")
            }
            .run()
        guard
            let row = try await db.select().column("*").from("devices").where("token", .equal, token).first()
        else { throw StoreError.noRowReturned("devices") }
        return try Self.device(row)
    }

    /// Removes the owner's device with this token; false when they have none such.
    func unregister(token: String, for owner: Owner) async throws -> Bool {
        let owned = try await db.select().column("id").from("devices")
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId)
            .where("token", .equal, token).first()
        guard owned != nil else { return false }
        try await db.delete(from: "devices").where("token", .equal, token)
            .where("tenant", .equal, owner.tenant).where("user_id", .equal, owner.userId).run()
        return true
    }

    static func device(_ row: any SQLRow) throws -> Device {
        let platform = try row.decode(column: "platform", as: String.self)
        guard let kind = DevicePlatform(rawValue: platform) else { throw StoreError.corrupt("device on \(platform)") }
        return Device(
            id: try row.decode(column: "id", as: Int64.self),
            token: try row.decode(column: "token", as: String.self),
            platform: kind,
            createdAt: date(try row.decode(column: "created_at", as: Int64.self)),
            lastSeenAt: date(try row.decode(column: "last_seen_at", as: Int64.self)))
    }
}
