/// The state of executing one operation: the response being written, the errors so far
/// and the path to the field being completed.
///
/// A selection set whose whole subtree resolves synchronously (`isSynchronous`) is
/// written by plain function calls (Execution+Synchronous); the rest goes through the
/// asynchronous functions here and in Execution+Completion, where a query's asynchronous
/// fields, and a list's items, run at once.
struct Execution: Sendable {
    let document: Valid<Document>
    let schema: Schema
    let variables: [String: InputValue]
    let context: any Sendable
    let resolvers: Resolvers
    let loads: LoadScheduler
    let plans: SelectionPlans
    var writer: JSONWriter
    var errors: [GraphQLError] = []
    var path: [GraphQLError.PathComponent] = []

    init(
        document: Valid<Document>, variables: [String: InputValue], context: any Sendable, resolvers: Resolvers,
        plans: SelectionPlans = SelectionPlans(), responseCapacity: Int = 1024
    ) {
        self.plans = plans
        self.document = document
        self.schema = document.schema
        self.variables = variables
        self.context = context
        self.resolvers = resolvers
        self.loads = LoadScheduler()
        self.writer = JSONWriter(capacity: responseCapacity)
    }

    /// An execution of part of the response (one item of a list) beside this one: the
    /// same request, its own bytes and errors, to be appended in order.
    func branch(at path: [GraphQLError.PathComponent]) -> Execution {
        var branch = self
        branch.writer = JSONWriter(capacity: 256)
        branch.errors = []
        branch.path = path
        return branch
    }

    /// ExecuteSelectionSet (spec 6.3) over the fields of `selectionSets` (one, or the
    /// merged subselections of `parentField`, named together by `positions`), writing
    /// `{...}`. Returns false when a non-null field failed, so that the null propagates
    /// to the caller.
    mutating func executeSelectionSets(
        _ selectionSets: [SelectionSet], positions: [UInt32], of objectType: NamedType, value: ParentValue,
        serial: Bool = false, within parentField: FieldPlan? = nil
    ) async -> Bool {
        guard let plan = plan(selectionSets, positions: positions, on: objectType, within: parentField) else {
            return false
        }
        if isSynchronous(plan) { return writeFieldsSynchronously(plan, of: objectType, value: value) }
        // A query's asynchronous resolvers run together; a mutation's root fields one
        // after another (spec 6.3.4 "Normal and Serial Execution").
        guard !serial, plan.asynchronousFields > 1 else {
            return await writeFields(plan, of: objectType, value: value) { _ in nil }
        }
        return await withTaskGroup(of: (Int, Result<FieldValue, GraphQLError>).self) { tasks in
            let loads = self.loads
            for (index, field) in plan.fields.enumerated() {
                guard case .resolve(let resolver?, let arguments, let definition) = field.action, field.isAsynchronous
                else { continue }
                let info = resolveInfo(
                    value.boxed, arguments, definition, objectType, at: path + [.key(field.responseName)])
                loads.started(1)
                tasks.addTask {
                    let result = await Self.resolve(resolver, info)
                    loads.finished()
                    return (index, result)
                }
            }
            var arrived: [Int: Result<FieldValue, GraphQLError>] = [:]
            return await writeFields(plan, of: objectType, value: value) { index in
                while arrived[index] == nil {
                    loads.blocked()
                    let next = await tasks.next()
                    loads.unblocked()
                    guard let (finished, result) = next else { break }
                    arrived[finished] = result
                }
                return arrived.removeValue(forKey: index)
            }
        }
    }

    /// Writes `{...}`, each field completed in selection order. `started` gives the result
    /// of a resolver already running for the field at an index, or nil to resolve it now.
    private mutating func writeFields(
        _ plan: SelectionPlan, of objectType: NamedType, value: ParentValue,
        started: (Int) async -> Result<FieldValue, GraphQLError>?
    ) async -> Bool {
        writer.raw(UInt8(ascii: "{"))
        for (index, field) in plan.fields.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            writer.append(field.key)
            if let completed = writeUnresolved(field, of: objectType, value: value) {
                guard completed else { return false }
                continue
            }
            guard let definition = field.definition else { continue }
            path.append(.key(field.responseName))
            defer { path.removeLast() }
            let result: Result<FieldValue, GraphQLError>
            if field.isAsynchronous, let running = await started(index) {
                result = running
            } else if case .resolve(let resolver?, let arguments, _) = field.action {
                result = await Self.resolve(
                    resolver, resolveInfo(value.boxed, arguments, definition, objectType, at: path))
            } else {
                result = resolveWithoutResolver(field, definition, value, of: objectType)
            }
            let completed =
                if let leaf = field.leafType {
                    completeLeaf(
                        leaf, nullable: field.leafIsNullable, result, field, definition, parentType: objectType)
                } else {
                    await complete(definition.type, result, field, definition, parentType: objectType)
                }
            guard completed else { return false }
        }
        writer.raw(UInt8(ascii: "}"))
        return true
    }

    /// Writes a field that calls no resolver of its own: `__typename`, a field the type
    /// lacks, and (most fields) a leaf the default resolver reads from a JSON parent, with
    /// no path entry unless it fails. Nil for a field that must be resolved.
    mutating func writeUnresolved(_ field: FieldPlan, of objectType: NamedType, value: ParentValue) -> Bool? {
        if let leaf = field.defaultResolvedLeaf, case .json(let object) = value {
            let resolved = object[leaf.key].map(FieldValue.init(json:)) ?? .null
            return completeLeaf(
                leaf.type, nullable: field.leafIsNullable, resolved, field, leaf.definition, parentType: objectType,
                pathHasKey: false)
        }
        switch field.action {
        case .typename:
            writer.string(objectType.name)
            return true
        case .missing:
            // Validation rules it out; a field the type lacks is left null.
            writer.raw("null")
            return true
        case .failed, .resolve:
            return nil
        }
    }

    /// A field's value when no resolver of its own is called: its argument error, or
    /// what the default resolver reads.
    /// The default resolver (spec 6.4.2 leaves it to the implementation): a JSON parent's
    /// key of the field's name, or what a `FieldResolving` parent says; else null.
    func resolveWithoutResolver(
        _ field: FieldPlan, _ definition: SchemaField, _ value: ParentValue, of objectType: NamedType
    ) -> Result<FieldValue, GraphQLError> {
        guard case .resolve(_, let arguments, _) = field.action else {
            if case .failed(let error, _) = field.action { return .failure(error) }
            return .success(.null)
        }
        do {
            return .success(
                try value.resolvedByDefault(definition) {
                    resolveInfo(value.boxed, arguments, definition, objectType, at: path)
                })
        } catch {
            return .failure(Self.fieldError(error))
        }
    }

    // MARK: - Plans

    /// The plan for executing `selectionSets` on `objectType`: found, or made once. An
    /// `if` of `@skip` or `@include` that cannot be coerced leaves the selection unknown:
    /// the error is recorded and the object is null (nil).
    mutating func plan(
        _ selectionSets: [SelectionSet], positions: [UInt32], on objectType: NamedType, within parentField: FieldPlan?
    ) -> SelectionPlan? {
        let found =
            if let parentField {
                plans.subplan(of: parentField, on: objectType) { makePlan(selectionSets, on: objectType) }
            } else {
                plans.plan(positions, on: objectType) { makePlan(selectionSets, on: objectType) }
            }
        switch found {
        case .success(let plan):
            return plan
        case .failure(let error):
            record(error, at: [])
            return nil
        }
    }

    /// CollectFields (spec 6.3.2) over `selectionSets`, and what each field needs.
    func makePlan(_ selectionSets: [SelectionSet], on objectType: NamedType) -> Result<SelectionPlan, GraphQLError> {
        var groups = CollectedFields()
        do throws(GraphQLError) {
            for selectionSet in selectionSets {
                let collected = try document.collectFields(of: objectType, in: selectionSet, variables: variables)
                for group in collected.groups {
                    for field in group.fields { groups.append(field, responseName: group.responseName) }
                }
            }
        } catch {
            var badInput = error
            badInput.code = badInput.code ?? "BAD_USER_INPUT"
            return .failure(badInput)
        }
        let fields = groups.groups.map { group in
            FieldPlan(
                responseName: group.responseName, fields: group.fields, action: action(group.fields, on: objectType),
                schema: schema)
        }
        return .success(SelectionPlan(fields: fields))
    }

    /// ExecuteField's first half (spec 6.4): the field's definition, its coerced
    /// arguments and its resolver.
    private func action(_ fields: [Field], on objectType: NamedType) -> FieldPlan.Action {
        let document = document.value
        guard let field = fields.first else { return .missing }
        if document.name(field.name, is: "__typename") { return .typename }
        guard let definition = document.withBytes(of: field.name, { schema.field(named: $0, on: objectType) }) else {
            return .missing
        }
        do {
            let arguments = try coerceArgumentValues(
                definition.arguments, given: field.arguments, at: field.span, in: self.document, variables: variables)
            return .resolve(resolvers.resolver(for: definition, on: objectType), arguments: arguments, definition)
        } catch {
            var badInput = error
            badInput.code = badInput.code ?? "BAD_USER_INPUT"
            return .failed(badInput, definition)
        }
    }

    // MARK: - Resolving

    func resolveInfo(
        _ parent: any Sendable, _ arguments: [String: InputValue], _ definition: SchemaField, _ parentType: NamedType,
        at path: [GraphQLError.PathComponent]
    ) -> ResolveInfo {
        ResolveInfo(
            schema: schema, parent: parent, arguments: arguments, context: context, field: definition,
            parentType: parentType, path: path, loads: loads)
    }

    /// ResolveFieldValue (spec 6.4.2), its errors as field errors.
    static func resolve(_ resolver: Resolver, _ info: ResolveInfo) async -> Result<FieldValue, GraphQLError> {
        switch resolver {
        case .sync(let body):
            return resolveSynchronously(body, info)
        case .async(let body):
            do {
                // A cancelled operation (its caller left, or it timed out) starts no more work.
                try Task.checkCancellation()
                return .success(try await body(info))
            } catch {
                return .failure(fieldError(error))
            }
        }
    }

    static func resolveSynchronously(
        _ body: @Sendable (ResolveInfo) throws -> FieldValue, _ info: ResolveInfo
    ) -> Result<FieldValue, GraphQLError> {
        do {
            return .success(try body(info))
        } catch {
            return .failure(fieldError(error))
        }
    }

    /// A resolver's error as a field error: a GraphQLError as it is, a cancellation as
    /// `CANCELLED`, anything else by its description.
    static func fieldError(_ error: any Error) -> GraphQLError {
        switch error {
        case let error as GraphQLError: error
        case is CancellationError: Deadline.cancellation
        default: GraphQLError(message: "\(error)")
        }
    }

    // MARK: - Errors

    /// An error for the field being completed, recorded for the response.
    mutating func record(_ error: GraphQLError, at fields: [Field]) {
        errors.append(located(error, at: fields))
    }

    /// The error at its fields' locations, with the path, and a code: one the resolver
    /// gave, or `INTERNAL_SERVER_ERROR`.
    func located(_ error: GraphQLError, at fields: [Field]) -> GraphQLError {
        var error = error
        let source = document.value.source
        if error.locations.isEmpty { error.locations = fields.map { source.location(of: Int($0.span.start)) } }
        // At the root of the response there is no field to point to, so no path.
        if error.path == nil, !path.isEmpty { error.path = path }
        if error.code == nil { error.code = "INTERNAL_SERVER_ERROR" }
        return error
    }
}
