import Synchronization

/// Executes a validated operation (spec 6) into the JSON of its response (spec 7).
///
/// Values are completed straight into the response bytes, in selection order, with no
/// tree in between. Null propagation (spec 6.4.4) works on the bytes: each position notes
/// where its value starts, and a null propagating from a non-null field below truncates
/// what was written back to the nearest nullable position and writes `null` there.
///
/// Each selection set is planned once per operation (its fields collected, their
/// resolvers and arguments found) and the plan reused for every object. A subtree with
/// only synchronous resolvers is written by plain calls, with no task and no suspension.
/// Where a selection set has several asynchronous resolvers they run at once, in a task
/// group, and so do the items of a list of objects; results are completed in selection
/// order as they are needed; a mutation's root fields run one after another.
///
/// With a timeout, an operation still running at its deadline is cancelled and answered
/// at once with a `TIMEOUT` error. Cancelling the task that awaits a response cancels
/// the operation's resolvers.
public struct Executor: Sendable {
    public let resolvers: Resolvers
    /// The longest an operation (or one event of a subscription) may run.
    public let timeout: Duration?
    let clock: any Clock<Duration>
    /// The size of the last response, to reserve for the next: a response grown by
    /// doubling is copied at every step.
    let responseSize = ResponseSizeHint()
    /// Tells this executor's plans (which hold its resolvers) from another's.
    let id = Executor.ids.add(1, ordering: .relaxed).newValue
    private static let ids = Atomic<Int>(0)

    /// `clock` measures the timeout; tests pass one they advance by hand.
    public init(
        resolvers: Resolvers = Resolvers(), timeout: Duration? = nil, clock: any Clock<Duration> = ContinuousClock()
    ) {
        self.resolvers = resolvers
        self.timeout = timeout
        self.clock = clock
    }

    /// ExecuteRequest for queries and mutations: selects the operation, coerces the
    /// variables, executes the root selection set. A failure before execution (operation
    /// selection, variables) is a request error: a response with `errors` and no `data`.
    ///
    /// A subscription operation given here is executed once, with `rootValue` as its
    /// event; `subscribe` is how a subscription is served.
    public func execute(
        _ document: Valid<Document>, operationName: String? = nil, variables: [String: InputValue] = [:],
        rootValue: any Sendable = InputValue.object([:]), context: any Sendable = ()
    ) async -> ExecutionResponse {
        switch PreparedOperation.prepare(document, operationName: operationName, variables: variables) {
        case .failure(let refusal):
            return refusal.response
        case .success(let operation):
            return await execute(operation, rootValue: rootValue, context: context)
        }
    }

    /// Executes an operation already selected and with its variables coerced: what a
    /// gateway does after looking at the operation (its kind, its rate limits) itself, so
    /// neither step is done twice.
    public func execute(
        _ operation: PreparedOperation, rootValue: any Sendable = InputValue.object([:]), context: any Sendable = ()
    ) async -> ExecutionResponse {
        await run(operation, rootValue: rootValue, context: context)
    }

    /// ExecuteQuery, ExecuteMutation and ExecuteSubscriptionEvent (spec 6.2) within the
    /// timeout, if there is one.
    ///
    /// An operation whose every field resolves synchronously runs in line, with no race:
    /// nothing can interrupt it before it ends (a deadline cannot stop a synchronous
    /// resolver either way), so the task and the timer a race costs would buy nothing.
    func run(_ request: PreparedOperation, rootValue: any Sendable, context: any Sendable) async -> ExecutionResponse {
        let execution = Execution(
            document: request.document, variables: request.variables, context: context, resolvers: resolvers,
            plans: request.document.plans.plans(for: request.operation, executor: id, variables: request.variables),
            responseCapacity: responseSize.expected)
        guard let timeout, !execution.isSynchronous(request.operation, on: request.rootType) else {
            return await runToEnd(execution, request, rootValue: rootValue)
        }
        return await Deadline.race(after: timeout, on: clock) {
            await runToEnd(execution, request, rootValue: rootValue)
        }
    }

    /// The root selection set over `rootValue`, a mutation's root fields in turn.
    private func runToEnd(
        _ execution: Execution, _ request: PreparedOperation, rootValue: any Sendable
    ) async -> ExecutionResponse {
        var execution = execution
        let selectionSet = request.operation.selectionSet
        let completed = await execution.executeSelectionSets(
            [selectionSet], positions: [selectionSet.selections.start], of: request.rootType,
            value: ParentValue(rootValue),
            serial: request.operation.operation == .mutation)
        if !completed {
            // A non-null root field failed: the null reaches `data` itself.
            execution.writer.truncate(to: 0)
            execution.writer.raw("null")
        }
        responseSize.record(execution.writer.count)
        return ExecutionResponse(data: execution.writer.bytes, errors: execution.errors)
    }
}

/// The size of an executor's last response. Responses of one executor are alike often
/// enough (the same operations, run again) that the last size is a good first guess.
final class ResponseSizeHint: Sendable {
    private let last = Atomic<Int>(1024)

    /// At most 1 MiB: one huge response must not make every small one that follows
    /// reserve as much.
    var expected: Int { min(last.load(ordering: .relaxed), 1 << 20) }

    func record(_ size: Int) { last.store(max(size, 256), ordering: .relaxed) }
}

/// A response (spec 7.1): `data` as JSON bytes (nil when the request failed before
/// execution), and the errors, if any.
public struct ExecutionResponse: Sendable {
    public let data: [UInt8]?
    public let errors: [GraphQLError]
    /// The response's `extensions` (the gateway's `cost`), written after the data.
    public var extensions: [String: InputValue]

    /// A response; with `data` nil, one for a request that failed before execution.
    public init(data: [UInt8]?, errors: [GraphQLError], extensions: [String: InputValue] = [:]) {
        self.data = data
        self.errors = errors
        self.extensions = extensions
    }

    /// `{"errors": [...], "data": ...}`, each member only when present; errors first, as
    /// the spec recommends, so a reader sees them before the data.
    public var json: [UInt8] {
        var writer = JSONWriter(capacity: (data?.count ?? 0) + 64)
        writer.raw(UInt8(ascii: "{"))
        if !errors.isEmpty {
            writer.raw("\"errors\":[")
            for (index, error) in errors.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                error.write(to: &writer)
            }
            writer.raw(UInt8(ascii: "]"))
        }
        if let data {
            if !errors.isEmpty { writer.raw(UInt8(ascii: ",")) }
            writer.raw("\"data\":")
            writer.append(data)
        }
        if !extensions.isEmpty {
            if !errors.isEmpty || data != nil { writer.raw(UInt8(ascii: ",")) }
            writer.raw("\"extensions\":")
            InputValue.object(extensions).write(to: &writer)
        }
        writer.raw(UInt8(ascii: "}"))
        return writer.bytes
    }

    public var text: String { String(decoding: json, as: UTF8.self) }
}

extension Valid where Value == Document {
    /// GetOperation(document, operationName) (spec 6.1).
    public func operation(named name: String?) throws(GraphQLError) -> OperationDefinition {
        let operations = value[value.definitions].compactMap { definition -> OperationDefinition? in
            if case .operation(let operation) = definition { operation } else { nil }
        }
        guard let name else {
            guard let only = operations.first else { throw GraphQLError(message: "Must provide an operation.") }
            guard operations.count == 1 else {
                throw GraphQLError(message: "Must provide operation name if query contains multiple operations.")
            }
            return only
        }
        guard let operation = operations.first(where: { $0.name.map { value.name($0, is: name) } ?? false }) else {
            throw GraphQLError(message: "Unknown operation named \"\(name)\".")
        }
        return operation
    }
}
