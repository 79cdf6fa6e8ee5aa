import Testing

@testable import GraphQLEngine

/// Facts kept with a validated document by the layers above the engine.
@Suite struct DocumentMemosTests {
    func document() throws -> Valid<GraphQLEngine.Document> {
        let entry = DocumentCache.Entry(
            parsing: "{ who }", schema: PlanCacheTests.schema, parseOptions: .default,
            validationOptions: ValidationOptions())
        guard case .valid(let document) = entry else { throw CancellationError() }
        return document
    }

    @Test func aValueIsMadeOnceAndKeptUnderItsKey() throws {
        let memos = try document().memos
        var made = 0
        let first = memos.value(for: "a") {
            made += 1
            return 42
        }
        let again = memos.value(for: "a") {
            made += 1
            return 0
        }
        #expect((first, again, made) == (42, 42, 1))
        #expect(memos.value(for: "b") { "other" } == "other")
    }

    @Test func aKeptNilIsKeptAndAMissingKeyIsNotTakenForOne() throws {
        let memos = try document().memos
        #expect(memos.value(for: "absent") { Int?.some(7) } == 7)
        #expect(memos.value(for: "none") { Int?.none } == nil)
        #expect(memos.value(for: "none") { Int?.some(1) } == nil)
    }

    @Test func pastTheBoundValuesAreMadeButNotKept() throws {
        let memos = try document().memos
        for index in 0..<32 { _ = memos.value(for: "k\(index)") { index } }
        #expect(memos.value(for: "late") { 1 } == 1)
        #expect(memos.value(for: "late") { 2 } == 2)
        #expect(memos.value(for: "k0") { -1 } == 0)
    }
}
