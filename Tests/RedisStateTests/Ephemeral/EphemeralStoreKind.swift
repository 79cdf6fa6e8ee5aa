import Synchronization
import Testing

@testable import Platform
@testable import Redis
@testable import RedisState
@testable import TestSupport

/// The stores the shared suite runs against: in process always, Redis when
/// `SWITCHBOARD_TEST_REDIS_SERVER` names a server (`RedisEphemeralStoreTests` says so
/// when it does not).
enum EphemeralStoreKind: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case inProcess
    case redis

    static var all: [EphemeralStoreKind] { RedisServerProcess.binary == nil ? [.inProcess] : allCases }

    var testDescription: String { rawValue }

    /// A fresh, empty store of this kind for `body`. Redis's is a cluster of one node, so a
    /// script whose keys are of several slots fails there as it would in production.
    func withStore(_ body: (EphemeralTestStore) async throws -> Void) async throws {
        switch self {
        case .inProcess:
            let clock = ManualInstants()
            let store = InProcessEphemeralStore(now: clock.now)
            try await body(EphemeralTestStore(store: store) { clock.advance(by: $0) })
        case .redis:
            let server = try await RedisServerProcess.start(cluster: true)
            let client = RedisClient(endpoint: server.endpoint, logger: RedisServerProcess.logger)
            let store = RedisEphemeralStore(client: client)
            do {
                try await body(EphemeralTestStore(store: store) { try await Task.sleep(for: $0) })
            } catch {
                await client.shutdown()
                await server.stop()
                throw error
            }
            await client.shutdown()
            await server.stop()
        }
    }
}

/// A store under test and a way to let time pass for it: the manual clock moves in
/// process; on Redis, whose clock is its own, the test waits.
struct EphemeralTestStore: Sendable {
    let store: any EphemeralStore
    let pass: @Sendable (Duration) async throws -> Void
}

/// Instants that move only when the test says.
final class ManualInstants: Sendable {
    private let origin = ContinuousClock.now
    private let offset = Mutex(Duration.zero)

    var now: @Sendable () -> ContinuousClock.Instant {
        { self.origin + self.offset.withLock { $0 } }
    }

    func advance(by duration: Duration) {
        offset.withLock { $0 += duration }
    }
}
