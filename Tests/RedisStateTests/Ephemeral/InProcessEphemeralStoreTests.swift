import Testing

@testable import Platform

/// What is the in-process store's own: memory. Its behaviour is `EphemeralStoreSuite`'s.
@Suite struct InProcessEphemeralStoreTests {
    /// A key a second, each living ten: however long it goes on, a few dozen are held.
    @Test func expiredEntriesAreSweptSoMemoryFollowsWhatIsLive() async throws {
        let clock = ManualInstants()
        let store = InProcessEphemeralStore(now: clock.now, sweepAfter: 16)
        var held = 0
        for call in 0..<2_000 {
            try await store.set(EphemeralScope("call", String(call)).key("ringing"), [1], expiresIn: .seconds(10))
            clock.advance(by: .seconds(1))
            held = max(held, store.entryCount)
        }
        #expect(held <= 2 * 16 + 10)
    }

    @Test func anExpiredEntryIsDroppedWhenRead() async throws {
        let clock = ManualInstants()
        let store = InProcessEphemeralStore(now: clock.now)
        let key = EphemeralScope("call", "1").key("ringing")
        try await store.set(key, [1], expiresIn: .seconds(30))
        clock.advance(by: .seconds(30))
        #expect(try await store.value(key) == nil)
        #expect(store.entryCount == 0)
    }
}
