import Pipeline
import Testing
import Transports

/// The store's bound: automatic entries go least recently used first; registered ones stay.
@Suite struct PersistedQueryStoreTests {
    func remember(_ query: String, in store: PersistedQueryStore) {
        store.remember(query, hash: PersistedQueryHash.sha256(query))
    }

    func has(_ query: String, _ store: PersistedQueryStore) -> Bool {
        store.query(forHash: PersistedQueryHash.sha256(query)) == query
    }

    @Test func atTheBoundTheLeastRecentlyUsedEntryIsEvicted() {
        let store = PersistedQueryStore(mode: .automatic(maxEntries: 2))
        remember("{ a }", in: store)
        remember("{ b }", in: store)
        // Using `a` makes `b` the least recently used.
        #expect(has("{ a }", store))
        remember("{ c }", in: store)
        #expect(store.automaticCount == 2)
        #expect(!has("{ b }", store))
        #expect(has("{ a }", store))
        #expect(has("{ c }", store))
    }

    @Test func registeringAKnownHashAgainDoesNotGrowTheStore() {
        let store = PersistedQueryStore(mode: .automatic(maxEntries: 2))
        remember("{ a }", in: store)
        remember("{ a }", in: store)
        remember("{ b }", in: store)
        #expect(store.automaticCount == 2)
        #expect(has("{ a }", store) && has("{ b }", store))
    }

    @Test func registeredOperationsAreNeverEvictedNorCounted() {
        let registered = "{ kept }"
        let store = PersistedQueryStore(
            mode: .automatic(maxEntries: 1), registered: [PersistedQueryHash.sha256(registered): registered])
        remember("{ a }", in: store)
        remember("{ b }", in: store)
        remember(registered, in: store)
        #expect(store.automaticCount == 1)
        #expect(has(registered, store))
        #expect(has("{ b }", store))
        #expect(!has("{ a }", store))
    }

    @Test func manyUsesKeepTheBoundAndTheOrder() {
        let store = PersistedQueryStore(mode: .automatic(maxEntries: 10))
        for round in 0..<50 {
            for index in 0..<10 { remember("{ f\(index) }", in: store) }
            // Touching the first five keeps them over the next five new ones.
            for index in 0..<5 { #expect(has("{ f\(index) }", store)) }
            for index in 0..<5 { remember("{ g\(round)_\(index) }", in: store) }
            #expect(store.automaticCount == 10)
            for index in 0..<5 { #expect(has("{ f\(index) }", store)) }
            for index in 5..<10 { #expect(!has("{ f\(index) }", store)) }
        }
    }

    @Test func onlyTheAutomaticModeRemembers() {
        for mode in [PersistedQueryMode.disabled, .allowList, .automatic(maxEntries: 0)] {
            let store = PersistedQueryStore(mode: mode)
            remember("{ a }", in: store)
            #expect(store.automaticCount == 0)
            #expect(!has("{ a }", store))
        }
    }
}
