import Testing

@testable import GraphQLEngine

/// Plans kept with a validated document: reused by the executor that made them for
/// operations without variables, and never across executors or variables.
@Suite struct PlanCacheTests {
    static let schema: Schema = {
        do {
            return try Schema(sdl: "type Query { who: String! n: Int }")
        } catch {
            fatalError("\(error)")
        }
    }()

    func document(_ text: String) throws -> Valid<GraphQLEngine.Document> {
        let entry = DocumentCache.Entry(
            parsing: text, schema: Self.schema, parseOptions: .default, validationOptions: ValidationOptions())
        guard case .valid(let document) = entry else { throw CancellationError() }
        return document
    }

    func executor(_ who: String) -> Executor {
        var resolvers = Resolvers()
        resolvers["Query", "who"] = .sync { _ in .string(who) }
        resolvers["Query", "n"] = .sync { _ in .int(1) }
        return Executor(resolvers: resolvers)
    }

    @Test func anOperationWithoutVariablesIsPlannedOncePerExecutor() async throws {
        let document = try document("{ who }")
        let operation = try document.operation(named: nil)
        let executor = executor("a")
        #expect(await executor.execute(document).text == #"{"data":{"who":"a"}}"#)
        let first = document.plans.plans(for: operation, executor: executor.id, variables: [:])
        #expect(await executor.execute(document).text == #"{"data":{"who":"a"}}"#)
        #expect(document.plans.plans(for: operation, executor: executor.id, variables: [:]) === first)
    }

    @Test func anotherExecutorPlansWithItsOwnResolvers() async throws {
        let document = try document("{ who }")
        #expect(await executor("a").execute(document).text == #"{"data":{"who":"a"}}"#)
        #expect(await executor("b").execute(document).text == #"{"data":{"who":"b"}}"#)
    }

    @Test func operationsWithVariablesArePlannedForTheirValues() async throws {
        let document = try document("query ($all: Boolean!) { who n @include(if: $all) }")
        let executor = executor("a")
        #expect(await executor.execute(document, variables: ["all": true]).text == #"{"data":{"who":"a","n":1}}"#)
        #expect(await executor.execute(document, variables: ["all": false]).text == #"{"data":{"who":"a"}}"#)
        let operation = try document.operation(named: nil)
        let planned = document.plans.plans(for: operation, executor: executor.id, variables: ["all": true])
        #expect(document.plans.plans(for: operation, executor: executor.id, variables: ["all": true]) !== planned)
    }

    @Test func eachOperationOfADocumentHasItsOwnPlans() async throws {
        let document = try document("query A { who } query B { n }")
        let executor = executor("a")
        #expect(await executor.execute(document, operationName: "A").text == #"{"data":{"who":"a"}}"#)
        #expect(await executor.execute(document, operationName: "B").text == #"{"data":{"n":1}}"#)
        #expect(await executor.execute(document, operationName: "A").text == #"{"data":{"who":"a"}}"#)
    }
}
