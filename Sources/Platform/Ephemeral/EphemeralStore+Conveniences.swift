/// Single reads and changes, each one update or read of the store.
extension EphemeralStore {
    public func value(_ key: EphemeralKey) async throws -> [UInt8]? {
        try await values([key])[0]
    }

    public func members(of key: EphemeralKey) async throws -> [String] {
        try await members([key])[0]
    }

    public func set(_ key: EphemeralKey, _ value: [UInt8], expiresIn: Duration?) async throws {
        _ = try await apply(EphemeralUpdate([.set(key, value, expiresIn: expiresIn)]))
    }

    /// Writes `value` when the key holds none; true when it did.
    public func setIfAbsent(_ key: EphemeralKey, _ value: [UInt8], expiresIn: Duration?) async throws -> Bool {
        let update = EphemeralUpdate(if: [.valueIs(key, nil)], [.set(key, value, expiresIn: expiresIn)])
        return try await apply(update) != .conditionFailed(0)
    }

    /// True when there was an entry.
    @discardableResult
    public func delete(_ key: EphemeralKey) async throws -> Bool {
        try await single(.delete(key)) == 1
    }

    /// The counter's new value.
    @discardableResult
    public func increment(_ key: EphemeralKey, by amount: Int64 = 1, expiresIn: Duration?) async throws -> Int64 {
        try await single(.increment(key, by: amount, expiresIn: expiresIn))
    }

    /// True when the member was not live before.
    @discardableResult
    public func addMember(_ member: String, to key: EphemeralKey, expiresIn: Duration) async throws -> Bool {
        try await single(.addMember(key, member, expiresIn: expiresIn)) == 1
    }

    /// True when the member was live.
    @discardableResult
    public func removeMember(_ member: String, from key: EphemeralKey) async throws -> Bool {
        try await single(.removeMember(key, member)) == 1
    }

    /// The entry's sequence number.
    @discardableResult
    public func append(_ entry: [UInt8], to log: EphemeralKey, keepingLast: Int, expiresIn: Duration) async throws
        -> Int64
    {
        try await single(.append(log, entry, keepingLast: keepingLast, expiresIn: expiresIn))
    }

    private func single(_ operation: EphemeralOperation) async throws -> Int64 {
        guard case .applied(let results) = try await apply(EphemeralUpdate([operation])), let result = results.first
        else { preconditionFailure("an update without conditions applies") }
        return result
    }
}
