/// The state of executing one operation: the response being written, the errors so far
/// and the path to the field being completed.
struct Execution: Sendable {
    let document: Valid<Document>
    let schema: Schema
    let variables: [String: InputValue]
    let context: any Sendable
    let resolvers: Resolvers
    let loads: LoadScheduler
    let plans = SelectionPlans()
    var writer: JSONWriter
    var errors: [GraphQLError] = []
    var path: [GraphQLError.PathComponent] = []

    init(document: Valid<Document>, variables: [String: InputValue], context: any Sendable, resolvers: Resolvers) {
        self.document = document
        self.schema = document.schema
        self.variables = variables
        self.context = context
        self.resolvers = resolvers
        self.loads = LoadScheduler()
        self.writer = JSONWriter(capacity: 1024)
    }

    /// An execution of part of the response (one item of a list) beside this one: the
    /// same request, its own bytes and errors, to be appended in order.
    private func branch(at path: [GraphQLError.PathComponent]) -> Execution {
        var branch = self
        branch.writer = JSONWriter(capacity: 256)
        branch.errors = []
        branch.path = path
        return branch
    }

    /// ExecuteSelectionSet (spec 6.3) over the fields of `selectionSets` (one, or the
    /// merged subselections of fields sharing a response name, named together by
    /// `positions`), writing `{...}`. Returns false when a non-null field failed, so that
    /// the null propagates to the caller.
    mutating func executeSelectionSets(
        _ selectionSets: [SelectionSet], positions: [UInt32], of objectType: NamedType, value: ParentValue,
        serial: Bool = false, within parentField: FieldPlan? = nil
    ) async -> Bool {
        let plan: SelectionPlan
        let found =
            if let parentField {
                plans.subplan(of: parentField, on: objectType) { makePlan(selectionSets, on: objectType) }
            } else {
                self.plan(selectionSets, positions: positions, on: objectType)
            }
        switch found {
        case .success(let made): plan = made
        case .failure(let error):
            // An `if` of `@skip` or `@include` that could not be coerced: the selection
            // set cannot be known, so the object is null.
            record(error, at: [])
            return false
        }
        // A query's asynchronous resolvers run together; a mutation's root fields one
        // after another (spec 6.3.4 "Normal and Serial Execution").
        guard !serial, plan.asynchronousFields > 1 else {
            return await writeFields(plan, of: objectType, value: value) { _ in nil }
        }
        return await withTaskGroup(of: (Int, Result<FieldValue, GraphQLError>).self) { tasks in
            let loads = self.loads
            for (index, field) in plan.fields.enumerated() {
                guard case .resolve(let resolver?, let arguments, let definition) = field.action, field.isAsynchronous
                else {
                    continue
                }
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
            if let leaf = field.defaultResolvedLeaf {
                // The most common field: a leaf read from a JSON parent. The path is
                // only needed for an error.
                let value = value.defaultValue(of: leaf.definition)
                guard
                    completeLeaf(
                        leaf.type, nullable: field.leafIsNullable, value, field, leaf.definition, parentType: objectType
                    )
                else {
                    return false
                }
                continue
            }
            let completed: Bool
            switch field.action {
            case .typename:
                writer.string(objectType.name)
                completed = true
            case .missing:
                writer.raw("null")
                completed = true
            case .failed(let error, let definition):
                path.append(.key(field.responseName))
                completed = await complete(definition.type, .failure(error), field, definition, parentType: objectType)
                path.removeLast()
            case .resolve(let resolver, let arguments, let definition):
                path.append(.key(field.responseName))
                defer { path.removeLast() }
                let result: Result<FieldValue, GraphQLError>
                if field.isAsynchronous, let running = await started(index) {
                    result = running
                } else if let resolver {
                    result = await Self.resolve(
                        resolver, resolveInfo(value.boxed, arguments, definition, objectType, at: path))
                } else {
                    result = .success(value.defaultValue(of: definition))
                }
                if let leaf = field.leafType {
                    switch result {
                    case .success(let value):
                        completed = completeLeaf(
                            leaf, nullable: field.leafIsNullable, value, field, definition, parentType: objectType)
                    case .failure(let error):
                        record(error, at: field.fields)
                        if field.leafIsNullable { writer.raw("null") }
                        completed = field.leafIsNullable
                    }
                } else {
                    completed = await complete(definition.type, result, field, definition, parentType: objectType)
                }
            }
            if !completed { return false }
        }
        writer.raw(UInt8(ascii: "}"))
        return true
    }

    /// The plan for executing `selectionSets` on `objectType`: found, or made once.
    func plan(
        _ selectionSets: [SelectionSet], positions: [UInt32], on objectType: NamedType
    ) -> Result<SelectionPlan, GraphQLError> {
        plans.plan(positions, on: objectType) { makePlan(selectionSets, on: objectType) }
    }

    /// CollectFields (spec 6.3.2) over `selectionSets`, and what each field needs.
    private func makePlan(_ selectionSets: [SelectionSet], on objectType: NamedType) -> Result<
        SelectionPlan, GraphQLError
    > {
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

    private func resolveInfo(
        _ parent: any Sendable, _ arguments: [String: InputValue], _ definition: SchemaField, _ parentType: NamedType,
        at path: [GraphQLError.PathComponent]
    ) -> ResolveInfo {
        ResolveInfo(
            schema: schema, parent: parent, arguments: arguments, context: context, field: definition,
            parentType: parentType,
            path: path, loads: loads)
    }

    static func resolve(_ resolver: Resolver, _ info: ResolveInfo) async -> Result<FieldValue, GraphQLError> {
        do {
            switch resolver {
            case .sync(let body): return .success(try body(info))
            case .async(let body):
                // A cancelled operation (its caller left, or it timed out) starts no more work.
                try Task.checkCancellation()
                return .success(try await body(info))
            }
        } catch let error as GraphQLError {
            return .failure(error)
        } catch is CancellationError {
            return .failure(Deadline.cancellation)
        } catch {
            return .failure(GraphQLError(message: "\(error)"))
        }
    }

    // MARK: - Value completion

    /// CompleteValue (spec 6.4.3), writing the value. Returns true when the position got
    /// a value, null included; false when it is non-null and got none, so the null goes on
    /// up (spec 6.4.4). What was written for a position that ends null is taken back.
    private mutating func complete(
        _ type: TypeRef, _ result: Result<FieldValue, GraphQLError>, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) async -> Bool {
        let fields = field.fields
        var type = type
        var nullable = true
        if case .nonNull(let inner) = type { (type, nullable) = (inner, false) }
        let mark = writer.count

        func nullOut(_ execution: inout Execution) -> Bool {
            execution.writer.truncate(to: mark)
            guard nullable else { return false }
            execution.writer.raw("null")
            return true
        }

        let value: FieldValue
        switch result {
        case .failure(let error):
            record(error, at: fields)
            return nullOut(&self)
        case .success(.null):
            guard nullable else {
                record(
                    GraphQLError(
                        message: "Cannot return null for non-nullable field \(parentType.name).\(definition.name)."),
                    at: fields)
                return false
            }
            writer.raw("null")
            return true
        case .success(let resolved):
            value = resolved
        }

        switch type {
        case .nonNull:
            // The parser never nests non-null in non-null.
            return nullOut(&self)
        case .list(let itemType):
            guard case .list(let items) = value else {
                record(
                    GraphQLError(
                        message:
                            "Expected Iterable, but did not find one for field \"\(parentType.name).\(definition.name)\"."
                    ),
                    at: fields)
                return nullOut(&self)
            }
            let completed: Bool
            if items.count > 1, resolvers.hasAsynchronousResolvers, isComposite(itemType) {
                completed = await completeConcurrently(items, as: itemType, field, definition, parentType: parentType)
            } else {
                completed = await completeInTurn(items, as: itemType, field, definition, parentType: parentType)
            }
            return completed ? true : nullOut(&self)
        case .named(let id):
            let named = schema[id]
            switch named.kind {
            case .scalar, .enumType:
                do {
                    try serialize(value, as: named)
                    return true
                } catch {
                    record(error, at: fields)
                    return nullOut(&self)
                }
            case .object, .interface, .union:
                let parent: ParentValue
                let typeName: String?
                switch value {
                case .object(let value, let name): (parent, typeName) = (ParentValue(value), name)
                case .jsonObject(let fields): (parent, typeName) = (.json(fields), nil)
                default:
                    record(
                        GraphQLError(
                            message:
                                "Expected a value of type \"\(named.name)\" for field \"\(parentType.name).\(definition.name)\", but got a leaf value."
                        ), at: fields)
                    return nullOut(&self)
                }
                let objectType: NamedType
                do {
                    objectType = try runtimeType(
                        of: named, value: parent, typeName: typeName, definition: definition, parentType: parentType)
                } catch {
                    record(error, at: fields)
                    return nullOut(&self)
                }
                guard
                    await executeSelectionSets(
                        field.subselections, positions: field.subselectionKey, of: objectType, value: parent,
                        within: field)
                else {
                    return nullOut(&self)
                }
                return true
            case .inputObject:
                return nullOut(&self)
            }
        }
    }

    /// CompleteValue for a field of a scalar or enum type, synchronously: most fields are.
    private mutating func completeLeaf(
        _ type: NamedType, nullable: Bool, _ value: FieldValue, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) -> Bool {
        let error: GraphQLError
        if case .null = value {
            if nullable {
                writer.raw("null")
                return true
            }
            error = GraphQLError(
                message: "Cannot return null for non-nullable field \(parentType.name).\(definition.name).")
        } else {
            let mark = writer.count
            do {
                try serialize(value, as: type)
                return true
            } catch let refused {
                writer.truncate(to: mark)
                error = refused
            }
        }
        // Default-resolved leaves run without their key on the path; the error needs it.
        let keyed = field.defaultResolvedLeaf != nil
        if keyed { path.append(.key(field.responseName)) }
        record(error, at: field.fields)
        if keyed { path.removeLast() }
        if nullable { writer.raw("null") }
        return nullable
    }

    /// The items of a list, `[...]`, one after another. False when a non-null item got
    /// no value, so the list is null.
    private mutating func completeInTurn(
        _ items: [FieldValue], as itemType: TypeRef, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) async -> Bool {
        writer.raw(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            path.append(.index(index))
            let completed = await complete(itemType, .success(item), field, definition, parentType: parentType)
            path.removeLast()
            if !completed { return false }
        }
        writer.raw(UInt8(ascii: "]"))
        return true
    }

    /// The items of a list of objects all at once, each in a task of its own writing its
    /// own bytes, appended in order: the items' asynchronous fields run together, and
    /// the keys they load go out in one batch. What follows an item that nulls the list
    /// is dropped, errors included, as completing in turn would never have reached it.
    private mutating func completeConcurrently(
        _ items: [FieldValue], as itemType: TypeRef, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) async -> Bool {
        let branches = await withTaskGroup(of: (Int, Execution, Bool).self) { tasks in
            loads.started(items.count)
            for (index, item) in items.enumerated() {
                let branch = branch(at: path + [.index(index)])
                tasks.addTask {
                    var branch = branch
                    let completed = await branch.complete(
                        itemType, .success(item), field, definition, parentType: parentType)
                    branch.loads.finished()
                    return (index, branch, completed)
                }
            }
            var branches: [(Execution, Bool)?] = Array(repeating: nil, count: items.count)
            loads.blocked()
            for await (index, branch, completed) in tasks { branches[index] = (branch, completed) }
            loads.unblocked()
            return branches
        }
        writer.raw(UInt8(ascii: "["))
        for (index, branch) in branches.enumerated() {
            guard let (branch, completed) = branch else { return false }
            if index > 0 { writer.raw(UInt8(ascii: ",")) }
            errors += branch.errors
            guard completed else { return false }
            writer.append(branch.writer.bytes)
        }
        writer.raw(UInt8(ascii: "]"))
        return true
    }

    /// Whether a list's items are objects (of an object, interface or union type).
    private func isComposite(_ type: TypeRef) -> Bool {
        switch type {
        case .nonNull(let inner): isComposite(inner)
        case .list: false
        case .named(let id): schema[id].kind.isComposite
        }
    }

    /// ResolveAbstractType (spec 6.4.3): the object type an object value is, named by the
    /// resolver when the field's type is an interface or union.
    private func runtimeType(
        of type: NamedType, value: ParentValue, typeName: String?, definition: SchemaField, parentType: NamedType
    ) throws(GraphQLError) -> NamedType {
        guard type.kind.isAbstract else { return type }
        // A JSON object names its type by its `__typename` key.
        var typeName = typeName
        if typeName == nil, case .json(let fields) = value, case .string(let name)? = fields["__typename"] {
            typeName = name
        }
        guard let typeName else {
            throw GraphQLError(
                message:
                    "Abstract type \"\(type.name)\" must resolve to an Object type at runtime for field \"\(parentType.name).\(definition.name)\"; the resolver gave no type name."
            )
        }
        guard let objectType = schema.type(named: typeName) else {
            throw GraphQLError(
                message:
                    "Abstract type \"\(type.name)\" was resolved to a type \"\(typeName)\" that does not exist inside the schema."
            )
        }
        guard objectType.kind == .object else {
            throw GraphQLError(
                message: "Abstract type \"\(type.name)\" was resolved to a non-object type \"\(typeName)\".")
        }
        guard schema.isPossibleType(objectType.id, of: type) else {
            throw GraphQLError(
                message: "Runtime Object type \"\(typeName)\" is not a possible type for \"\(type.name)\".")
        }
        return objectType
    }

    /// An error for the field being completed, recorded for the response.
    private mutating func record(_ error: GraphQLError, at fields: [Field]) {
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
