/// What subscribing gives: the stream of responses, or the response that refuses the
/// subscription (a request error, or the source stream's error) with no `data`.
public enum SubscriptionOutcome: Sendable {
    case refused(ExecutionResponse)
    case stream(ResponseStream)
}

extension Executor {
    /// Subscribe (spec 6.2.3): selects the operation, coerces the variables and creates
    /// the source stream of its one root field. Every event then executes the selection
    /// set with the event as its root value (MapSourceToResponseEvent), as the response
    /// stream is read. Ending or cancelling the reading of the response stream cancels
    /// the reading of the source stream.
    public func subscribe(
        _ document: Valid<Document>, operationName: String? = nil, variables: [String: InputValue] = [:],
        context: any Sendable = ()
    ) async -> SubscriptionOutcome {
        switch PreparedOperation.prepare(document, operationName: operationName, variables: variables) {
        case .failure(let refusal): return .refused(refusal.response)
        case .success(let operation): return await subscribe(operation, context: context)
        }
    }

    /// Subscribe for an operation already selected and with its variables coerced.
    public func subscribe(_ request: PreparedOperation, context: any Sendable = ()) async -> SubscriptionOutcome {
        guard request.type == .subscription else {
            let kind = request.type.rawValue
            return .refused(
                ExecutionResponse(
                    data: nil, errors: [GraphQLError(message: "Cannot subscribe to a \(kind) operation.")]))
        }
        var execution = Execution(
            document: request.document, variables: request.variables, context: context, resolvers: resolvers)
        switch await execution.sourceStream(of: request.operation, rootType: request.rootType) {
        case .failure(let error):
            return .refused(ExecutionResponse(data: nil, errors: [error]))
        case .success(let events):
            return .stream(ResponseStream(events: events, executor: self, request: request, context: context))
        }
    }
}

/// The responses of a subscription, one per event of its source stream, executed as
/// they are read. An error of the source stream ends it with that error.
public struct ResponseStream: AsyncSequence, Sendable {
    public typealias Element = ExecutionResponse

    let events: EventStream
    let executor: Executor
    public let request: PreparedOperation
    let context: any Sendable

    /// The source stream's sharing key (see `EventStream.sharing`).
    public var sharing: String? { events.sharing }

    public func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator(), executor: executor, request: request, context: context)
    }

    public struct Iterator: AsyncIteratorProtocol {
        var events: EventStream.Iterator
        let executor: Executor
        let request: PreparedOperation
        let context: any Sendable

        /// ExecuteSubscriptionEvent (spec 6.2.3.2) for the next event.
        public mutating func next() async throws -> ExecutionResponse? {
            guard !Task.isCancelled, let event = try await events.next() else { return nil }
            return await executor.run(request, rootValue: event, context: context)
        }
    }
}

extension Execution {
    /// CreateSourceEventStream (spec 6.2.3.1): the events of the operation's one root
    /// field, from its `SubscriptionSource`; or the error that refuses the subscription,
    /// at the field's location and path.
    mutating func sourceStream(
        of operation: OperationDefinition, rootType: NamedType
    ) async -> Result<EventStream, GraphQLError> {
        let plan: SelectionPlan
        switch makePlan([operation.selectionSet], on: rootType) {
        case .success(let made): plan = made
        case .failure(let error): return .failure(located(error, at: []))
        }
        // Validation allows one root field; `@skip` may still leave none.
        guard let field = plan.fields.first else {
            return .failure(GraphQLError(message: "The subscription selects no field.", code: "BAD_USER_INPUT"))
        }
        path = [.key(field.responseName)]
        switch field.action {
        case .typename, .missing:
            return .failure(
                located(GraphQLError(message: "A subscription must select a field of its type."), at: field.fields))
        case .failed(let error, _):
            return .failure(located(error, at: field.fields))
        case .resolve(_, let arguments, let definition):
            guard let source = resolvers[subscription: definition.name] else {
                return .failure(
                    located(
                        GraphQLError(
                            message: "Subscription field \"\(rootType.name).\(definition.name)\" has no event stream."),
                        at: field.fields))
            }
            let info = ResolveInfo(
                schema: schema, parent: InputValue.object([:]), arguments: arguments, context: context,
                field: definition,
                parentType: rootType, path: path, loads: loads)
            do {
                return .success(try await source(info))
            } catch let error as GraphQLError {
                return .failure(located(error, at: field.fields))
            } catch {
                return .failure(located(GraphQLError(message: "\(error)"), at: field.fields))
            }
        }
    }
}
