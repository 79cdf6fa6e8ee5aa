import Testing

@testable import GraphQLEngine

/// Mutations that record when they start and end, with a result whose fields can be
/// asynchronous too, and query fields for concurrency.
private let serialSchema = SpecExecution.schema(
    """
    type Step { name: String! left: String right: String }
    type Mutation {
      step(name: String!, pause: Int = 0): Step
      syncStep(name: String!): Step
      fail(name: String!): Step
      strictFail(name: String!): Step!
    }
    type Query { left: String right: String third: String plain: String }
    """)

/// The `name` argument a mutation was given.
private func name(_ info: ResolveInfo) -> String {
    if case .string(let name)? = info.arguments["name"] { name } else { "?" }
}

/// `pause` yields to other tasks that many times between start and end: a different
/// length of suspension for each field, with no clock involved.
private func recording(into log: SpecLog, rendezvous: SpecRendezvous? = nil) -> Resolvers {
    var resolvers = Resolvers()
    resolvers["Mutation", "step"] = .async { info in
        let name = name(info)
        log.append("start \(name)")
        if case .int(let pause)? = info.arguments["pause"] {
            for _ in 0..<pause { await Task.yield() }
        }
        log.append("end \(name)")
        return .object(InputValue.object(["name": .string(name)]))
    }
    resolvers["Mutation", "syncStep"] = .sync { info in
        log.append("sync \(name(info))")
        return .object(InputValue.object(["name": .string(name(info))]))
    }
    resolvers["Mutation", "fail"] = .async { info in
        await Task.yield()
        log.append("fail \(name(info))")
        throw GraphQLError(message: "Step \(name(info)) failed.", code: "STEP_FAILED")
    }
    resolvers["Mutation", "strictFail"] = .async { info in
        log.append("fail \(name(info))")
        return .null
    }
    if let rendezvous {
        // Each side waits until the other has started: both can only finish if they
        // run at the same time.
        for side in ["left", "right"] {
            let resolver = Resolver.async { _ in
                log.append("start \(side)")
                let met = await rendezvous.arrive(side)
                log.append("end \(side)")
                return .string(met ? "\(side) met" : "\(side) alone")
            }
            resolvers["Query", side] = resolver
            resolvers["Step", side] = resolver
        }
    }
    return resolvers
}

private func run(_ document: String, _ resolvers: Resolvers) async throws -> String {
    try await SpecExecution.run(document, on: serialSchema, resolvers: resolvers)
}

/// Spec 6.2.2 "Mutation" and 6.3.4 "Normal and Serial Execution": a mutation's root
/// fields are executed one after another, each finished (its subselection too) before
/// the next starts; everywhere else, sibling fields may run at the same time, and here
/// asynchronous ones do.
@Suite struct SerialMutationTests {
    /// The first mutation yields the most and the last none; each still starts only
    /// after the previous one ended.
    @Test func mutationRootFieldsRunStrictlyInOrder() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { a: step(name: "a", pause: 50) { name } b: step(name: "b") { name } c: step(name: "c", pause: 10) { name } }"#,
            recording(into: log))
        #expect(text == #"{"data":{"a":{"name":"a"},"b":{"name":"b"},"c":{"name":"c"}}}"#)
        #expect(log.recorded == ["start a", "end a", "start b", "end b", "start c", "end c"])
    }

    /// Synchronous and asynchronous mutation fields keep the order of the document.
    @Test func synchronousAndAsynchronousMutationsInterleaveInDocumentOrder() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { s1: syncStep(name: "s1") { name } a: step(name: "a", pause: 20) { name } s2: syncStep(name: "s2") { name } }"#,
            recording(into: log))
        #expect(text == #"{"data":{"s1":{"name":"s1"},"a":{"name":"a"},"s2":{"name":"s2"}}}"#)
        #expect(log.recorded == ["sync s1", "start a", "end a", "sync s2"])
    }

    /// A failing mutation is a field error; the mutations after it still run.
    @Test func aFailingMutationDoesNotStopTheNextOnes() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { a: step(name: "a", pause: 5) { name } b: fail(name: "b") { name } c: step(name: "c") { name } }"#,
            recording(into: log))
        #expect(
            text
                == #"{"errors":[{"message":"Step b failed.","locations":[{"line":1,"column":50}],"path":["b"],"extensions":{"code":"STEP_FAILED"}}],"data":{"a":{"name":"a"},"b":null,"c":{"name":"c"}}}"#
        )
        #expect(log.recorded == ["start a", "end a", "fail b", "start c", "end c"])
    }

    /// A null on a non-null mutation field reaches `data`; as with any selection set
    /// whose null propagates to its parent, the fields after it are not executed.
    @Test func aNullNonNullMutationEndsTheOperation() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { a: step(name: "a") { name } b: strictFail(name: "b") { name } c: step(name: "c") { name } }"#,
            recording(into: log))
        #expect(
            text
                == #"{"errors":[{"message":"Cannot return null for non-nullable field Mutation.strictFail.","locations":[{"line":1,"column":40}],"path":["b"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
        #expect(log.recorded == ["start a", "end a", "fail b"])
    }

    /// Each mutation's result is completed before the next mutation starts, and inside
    /// a result, fields run concurrently as in a query: `left` and `right` meet.
    @Test(.timeLimit(.minutes(1)))
    func theSelectionSetOfAMutationResultExecutesNormally() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { a: step(name: "a") { name left right } b: step(name: "b") { name } }"#,
            recording(into: log, rendezvous: SpecRendezvous(["left", "right"])))
        #expect(text == #"{"data":{"a":{"name":"a","left":"left met","right":"right met"},"b":{"name":"b"}}}"#)
        let entries = log.recorded
        #expect(entries.prefix(2) == ["start a", "end a"])
        #expect(Set(entries.dropFirst(2).prefix(4)) == ["start left", "start right", "end left", "end right"])
        #expect(entries.suffix(2) == ["start b", "end b"])
    }

    /// One response name is one execution, even for a mutation written twice.
    @Test func aMutationMergedByResponseNameRunsOnce() async throws {
        let log = SpecLog()
        let text = try await run(
            #"mutation { step(name: "x") { name } step(name: "x") { __typename } }"#, recording(into: log))
        #expect(text == #"{"data":{"step":{"name":"x","__typename":"Step"}}}"#)
        #expect(log.recorded == ["start x", "end x"])
    }

    /// Two asynchronous query fields that each wait for the other to start can only
    /// both finish if they run at the same time; their results are still written in
    /// selection order.
    @Test(.timeLimit(.minutes(1)))
    func asynchronousQueryFieldsRunConcurrently() async throws {
        let log = SpecLog()
        let text = try await run(
            "{ plain right left }", recording(into: log, rendezvous: SpecRendezvous(["left", "right"])))
        #expect(text == #"{"data":{"plain":null,"right":"right met","left":"left met"}}"#)
        #expect(Set(log.recorded) == ["start left", "start right", "end left", "end right"])
        // Both started before either ended.
        #expect(Set(log.recorded.prefix(2)) == ["start left", "start right"])
    }

    /// Aliased uses of one asynchronous field are separate executions, and they run
    /// at the same time like any other siblings.
    @Test(.timeLimit(.minutes(1)))
    func aliasedCopiesOfOneAsynchronousFieldRunConcurrently() async throws {
        let log = SpecLog()
        let rendezvous = SpecRendezvous(["left", "right"])
        var resolvers = recording(into: log)
        resolvers["Query", "third"] = .async { info in
            guard case .key(let key)? = info.path.last else { return .null }
            log.append("start \(key)")
            let met = await rendezvous.arrive(key)
            return .string(met ? "met" : "alone")
        }
        let text = try await run("{ left: third right: third }", resolvers)
        #expect(text == #"{"data":{"left":"met","right":"met"}}"#)
        #expect(Set(log.recorded) == ["start left", "start right"])
    }
}
