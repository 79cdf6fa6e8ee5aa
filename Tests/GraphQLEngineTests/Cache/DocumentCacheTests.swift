import Testing

@testable import GraphQLEngine

@Suite struct DocumentCacheTests {
    func cache(capacity: Int = 3, maxBytes: Int = 1 << 20) -> DocumentCache {
        DocumentCache(schema: validationSchema, capacity: capacity, maxBytes: maxBytes)
    }

    @Test func aRepeatedOperationIsParsedAndValidatedOnce() {
        let cache = cache()
        guard case .valid(let first) = cache.entry(for: "{ me { id } }"),
            case .valid(let second) = cache.entry(for: "{ me { id } }")
        else {
            Issue.record("expected a valid document")
            return
        }
        #expect(first.value.source.bytes == second.value.source.bytes)
        #expect(cache.statistics == DocumentCache.Statistics(hits: 1, misses: 1, evictions: 0, count: 1, bytes: 13))
    }

    @Test func syntaxAndValidationErrorsAreKeptToo() {
        let cache = cache()
        for _ in 0..<2 {
            guard case .syntaxError(let error) = cache.entry(for: "{ me {") else {
                Issue.record("expected a syntax error")
                return
            }
            #expect(error.message == "Syntax Error: Expected Name, found <EOF>.")
            guard case .invalid(let errors) = cache.entry(for: "{ me { nme } }") else {
                Issue.record("expected validation errors")
                return
            }
            #expect(errors.map(\.message) == ["Cannot query field \"nme\" on type \"User\". Did you mean \"name\"?"])
        }
        #expect(cache.statistics.hits == 2)
        #expect(cache.statistics.misses == 2)
    }

    @Test func theLeastRecentlyUsedEntryGoesFirst() {
        let cache = cache(capacity: 2)
        _ = cache.entry(for: "{ a: me { id } }")
        _ = cache.entry(for: "{ b: me { id } }")
        _ = cache.entry(for: "{ a: me { id } }")  // a is now the most recent
        _ = cache.entry(for: "{ c: me { id } }")  // so b goes
        #expect(cache.statistics.evictions == 1)
        _ = cache.entry(for: "{ a: me { id } }")
        _ = cache.entry(for: "{ c: me { id } }")
        #expect(cache.statistics.hits == 3)
        _ = cache.entry(for: "{ b: me { id } }")
        #expect(cache.statistics.misses == 4)
        #expect(cache.statistics.count == 2)
    }

    @Test func theByteBudgetEvictsAsWellAsTheCount() {
        let cache = cache(capacity: 100, maxBytes: 40)
        _ = cache.entry(for: "{ a: me { id } }")  // 16 bytes
        _ = cache.entry(for: "{ b: me { id } }")  // 32
        _ = cache.entry(for: "{ c: me { id } }")  // 48: a goes
        #expect(cache.statistics.count == 2)
        #expect(cache.statistics.bytes == 32)
        let large = "{ me { " + String(repeating: "id ", count: 20) + "} }"
        _ = cache.entry(for: large)  // larger than the budget: answered, not kept
        #expect(cache.statistics.count == 2)
    }

    @Test func concurrentRequestsShareOneCache() async {
        let cache = cache(capacity: 8)
        let texts = (0..<16).map { "{ f\($0): me { id } }" }
        await withTaskGroup(of: Bool.self) { group in
            for round in 0..<200 {
                let text = texts[round % texts.count]
                group.addTask {
                    if case .valid = cache.entry(for: text) { return true }
                    return false
                }
            }
            for await valid in group { #expect(valid) }
        }
        let statistics = cache.statistics
        #expect(statistics.hits + statistics.misses == 200)
        #expect(statistics.count <= 8)
    }
}
