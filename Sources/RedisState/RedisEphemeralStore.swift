import Platform
import Redis

/// The ephemeral store in Redis, shared by every gateway instance. An update is one
/// script (EVALSHA), which Redis runs alone: atomic, and judged by Redis's clock. Its
/// keys share a scope, the hash tag of `sb:{<scope>}:<name>`, so in a Redis Cluster the
/// script touches one slot. Reads of many keys are one pipeline (one round trip), never
/// a multi-key command, so they may span slots.
///
/// Values are strings (`PX` expiry), sets sorted sets scored by each member's expiry in
/// milliseconds of Redis's clock, whose key expires with the latest member, and logs
/// lists of `<sequence>:<entry>`. A Redis that is down makes every call throw
/// `RedisError`; the caller decides what that means.
public final class RedisEphemeralStore: EphemeralStore {
    public let client: RedisClient

    public init(client: RedisClient) {
        self.client = client
    }

    /// The Redis key of `key`: `sb:{call:123}:signals`.
    public static func redisKey(_ key: EphemeralKey) -> String {
        "sb:" + key.description
    }

    public func apply(_ update: EphemeralUpdate) async throws -> EphemeralUpdate.Outcome {
        guard try update.validated() != nil else { return .applied([]) }
        let arguments = UpdateArguments(update)
        let reply = try await client.evaluate(Self.updateScript, [arguments.call])[0]
        return try Self.outcome(of: reply, keys: arguments.keys, operations: update.operations.count)
    }

    public func values(_ keys: [EphemeralKey]) async throws -> [[UInt8]?] {
        let replies = try await client.pipeline(keys.map { [Array("GET".utf8), Array(Self.redisKey($0).utf8)] })
        return try zip(keys, replies).map { key, reply in
            guard case .bulk(let bytes) = try Self.checked(reply, of: key) else { throw MalformedReply(reply) }
            return bytes
        }
    }

    public func members(_ keys: [EphemeralKey]) async throws -> [[String]] {
        try await evaluateMembers(keys, mode: "members")
    }

    public func pruneMembers(of key: EphemeralKey) async throws -> [String] {
        try await evaluateMembers([key], mode: "prune")[0]
    }

    public func entries(of log: EphemeralKey, after: Int64) async throws -> [EphemeralLogEntry] {
        let command = ["LRANGE", Self.redisKey(log), "0", "-1"].map { Array($0.utf8) }
        let reply = try Self.checked(try await client.send(command), of: log)
        guard let items = reply.elements else { throw MalformedReply(reply) }
        return try items.compactMap { item in
            guard case .bulk(let bytes?) = item, let colon = bytes.firstIndex(of: UInt8(ascii: ":")),
                let sequence = Int64(String(decoding: bytes[..<colon], as: UTF8.self))
            else { throw MalformedReply(item) }
            return sequence > after ? EphemeralLogEntry(sequence: sequence, payload: Array(bytes[(colon + 1)...])) : nil
        }
    }

    /// `membersScript` on each key, in one round trip; each reply sorted.
    private func evaluateMembers(_ keys: [EphemeralKey], mode: String) async throws -> [[String]] {
        let calls = keys.map { RedisScriptCall(keys: [Self.redisKey($0)], arguments: [Array(mode.utf8)]) }
        let replies = try await client.evaluate(Self.membersScript, calls)
        return try zip(keys, replies).map { key, reply in
            guard let items = try Self.checked(reply, of: key).elements else { throw MalformedReply(reply) }
            return try items.map { item in
                guard let member = item.text else { throw MalformedReply(item) }
                return member
            }.sorted()
        }
    }

    /// `reply`, unless it is an error: a key of another kind (WRONGTYPE) is the store's
    /// error, any other Redis's.
    private static func checked(_ reply: RedisValue, of key: EphemeralKey) throws -> RedisValue {
        guard case .error(let message) = reply else { return reply }
        if message.hasPrefix("WRONGTYPE") { throw EphemeralStoreError.wrongKind(key) }
        throw RedisError(.reply, "the ephemeral store's command failed: \(message)")
    }

    /// `updateScript`'s reply read back: `{1, results...}` applied, `{0, i}` the i-th
    /// condition failed, `{2, what, key index}` refused (kind, counter or range).
    static func outcome(of reply: RedisValue, keys: [EphemeralKey], operations: Int) throws
        -> EphemeralUpdate.Outcome
    {
        if case .error(let message) = reply {
            throw RedisError(.reply, "the ephemeral store's script failed: \(message)")
        }
        guard let items = reply.elements, let status = items.first?.integer else { throw MalformedReply(reply) }
        switch status {
        case 1:
            let results = items.dropFirst().compactMap(\.integer)
            guard results.count == operations, items.count == operations + 1 else { throw MalformedReply(reply) }
            return .applied(results)
        case 0:
            guard items.count == 2, let index = items[1].integer, index >= 1 else { throw MalformedReply(reply) }
            return .conditionFailed(Int(index - 1))
        case 2:
            guard items.count == 3, let what = items[1].text, let index = items[2].integer,
                let position = Int(exactly: index - 1), keys.indices.contains(position)
            else { throw MalformedReply(reply) }
            let key = keys[position]
            switch what {
            case "kind": throw EphemeralStoreError.wrongKind(key)
            case "counter": throw EphemeralStoreError.notACounter(key)
            case "range": throw EphemeralStoreError.counterOutOfRange(key)
            default: throw MalformedReply(reply)
            }
        default:
            throw MalformedReply(reply)
        }
    }

    /// Redis answered, but not as the store's scripts and commands do.
    public struct MalformedReply: Error, CustomStringConvertible {
        public let description: String

        init(_ reply: RedisValue) {
            description = "Redis ephemeral store: malformed reply: \(reply)"
        }
    }
}
