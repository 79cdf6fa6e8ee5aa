import Foundation
import GraphQLEngine

/// What the server knows of itself, for `realtimeStatus`: the gateway fills it in from
/// its connections and its stores.
public protocol ServerStatusProvider: Sendable {
    var isDegraded: Bool { get }
    var openConnections: Int { get }
    var activeSubscriptions: Int { get }
}

/// The system fields of schema.graphql, which stay whatever domains come: the server's
/// status, and a heartbeat subscription to check a live connection end to end.
public enum SystemResolvers {
    public static let version = "0.5.0"

    /// Adds the system fields' resolvers; `features` names the domains served. `now` and
    /// `sleep` are the clock, passed in so tests need not wait.
    public static func register(
        into resolvers: inout ResolverTable<RequestContext>, status: any ServerStatusProvider, features: [String],
        now: @escaping @Sendable () -> Date = { Date() },
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }
    ) {
        let featureList = InputValue.list(features.map { .string($0) })
        resolvers[.query("realtimeStatus")] = .sync { _ in
            .jsonObject([
                "status": .enumValue(status.isDegraded ? "DEGRADED" : "OK"),
                "serverTime": .string(timestamp(now())),
                "features": featureList,
                "version": .string(version),
                "openConnections": .int(status.openConnections),
                "activeSubscriptions": .int(status.activeSubscriptions),
            ])
        }
        resolvers[subscription: "heartbeat"] = { info in
            guard case .int(let seconds)? = info.arguments["intervalSeconds"], (1...3600).contains(seconds) else {
                throw GraphQLError(
                    message: "intervalSeconds must be between 1 and 3600.", path: info.path, code: "BAD_USER_INPUT")
            }
            return EventStream(beats(every: .seconds(seconds), now: now, sleep: sleep))
        }
    }

    /// The public part of `realtimeStatus` (status, server time, features, version) as
    /// a JSON object, for the plain `/status` route that status pages and load balancers
    /// read without GraphQL.
    public static func statusJSON(
        status: any ServerStatusProvider, features: [String], now: @escaping @Sendable () -> Date = { Date() }
    ) -> @Sendable () -> [UInt8] {
        {
            var json = JSONWriter(capacity: 128)
            json.raw("{\"status\":")
            json.string(status.isDegraded ? "DEGRADED" : "OK")
            json.raw(",\"serverTime\":")
            json.string(timestamp(now()))
            json.raw(",\"features\":[")
            for (index, feature) in features.enumerated() {
                if index > 0 { json.raw(",") }
                json.string(feature)
            }
            json.raw("],\"version\":")
            json.string(version)
            json.raw("}")
            return json.bytes
        }
    }

    /// One beat after each interval, numbered from 1, until the subscriber leaves.
    static func beats(
        every interval: Duration, now: @escaping @Sendable () -> Date,
        sleep: @escaping @Sendable (Duration) async throws -> Void
    ) -> AsyncThrowingStream<InputValue, any Error> {
        let (stream, continuation) = AsyncThrowingStream<InputValue, any Error>.makeStream(
            bufferingPolicy: .bufferingNewest(1))
        let beating = Task {
            var sequence = 0
            while !Task.isCancelled {
                do {
                    try await sleep(interval)
                } catch {
                    break
                }
                sequence += 1
                continuation.yield(["heartbeat": ["sequence": .int(sequence), "at": .string(timestamp(now()))]])
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in beating.cancel() }
        return stream
    }

    /// RFC 3339, in UTC, to the second.
    static func timestamp(_ date: Date) -> String {
        date.formatted(secondsStyle)
    }

    /// Made once: making a format style costs as much as formatting with it.
    private static let secondsStyle = Date.ISO8601FormatStyle(includingFractionalSeconds: false)
}
