import Platform
import Storage
import Synchronization
import Testing

@testable import TestSupport

/// The SQLite connection's queue: users take turns in the order they came, and one that
/// is cancelled while waiting leaves without holding up the rest.
@Suite struct SQLiteQueueTests {
    /// Who got the connection, in order.
    final class Entries: Sendable {
        private let names = Mutex<[String]>([])
        var all: [String] { names.withLock { $0 } }
        func append(_ name: String) { names.withLock { $0.append(name) } }
    }

    /// Waits, without a fixed sleep where a signal exists, until `condition` holds.
    func eventually(_ condition: () -> Bool) async throws {
        for _ in 0..<500 where !condition() {
            try await Task.sleep(for: .milliseconds(5))
        }
        #expect(condition())
    }

    @Test("waiters get the connection first come, first served; a cancelled one never gets it")
    func firstComeFirstServedAndCancellable() async throws {
        try await TestDatabase.withSQLite { database in
            let entered = Entries()
            let (release, releaseHolder) = AsyncStream<Void>.makeStream()
            let holder = Task {
                try await database.withConnection { _ in
                    entered.append("holder")
                    for await _ in release { break }
                }
            }
            try await eventually { entered.all == ["holder"] }
            func waiter(_ name: String) -> Task<Void, any Error> {
                Task { try await database.withConnection { _ in entered.append(name) } }
            }
            // Each waiter is given time to queue before the next comes.
            let first = waiter("first")
            try await Task.sleep(for: .milliseconds(50))
            let cancelled = waiter("cancelled")
            try await Task.sleep(for: .milliseconds(50))
            let last = waiter("last")
            try await Task.sleep(for: .milliseconds(50))
            cancelled.cancel()
            await #expect(throws: CancellationError.self) { try await cancelled.value }

            releaseHolder.yield()
            try await holder.value
            try await first.value
            try await last.value
            #expect(entered.all == ["holder", "first", "last"])
        }
    }
}
