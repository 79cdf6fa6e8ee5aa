/// The synchronous path: a selection set whose whole subtree has only synchronous
/// resolvers (default resolvers, introspection, `Resolver.sync`) is written by plain
/// calls, with no task and no suspension point, field after field.
extension Execution {
    /// Whether no field of `plan`, nor of the plans below it for any object type its
    /// fields may hold, has an asynchronous resolver. Found once per plan.
    func isSynchronous(_ plan: SelectionPlan) -> Bool {
        if let known = plan.synchronous.withLock({ $0 }) { return known }
        let synchronous =
            plan.asynchronousFields == 0
            && plan.fields.allSatisfy { field in
                guard !field.subselections.isEmpty, let definition = field.definition else { return true }
                let named = schema[definition.type.namedType]
                let types = named.kind == .object ? [named] : schema.possibleTypes(of: named).map { schema[$0] }
                return types.allSatisfy { type in
                    let subplan = plans.plan(field.subselectionKey, on: type) {
                        makePlan(field.subselections, on: type)
                    }
                    // A plan that fails is an error written at once.
                    guard case .success(let subplan) = subplan else { return true }
                    return isSynchronous(subplan)
                }
            }
        plan.synchronous.withLock { $0 = synchronous }
        return synchronous
    }

    /// Whether `operation` resolves wholly synchronously: its root plan is synchronous (a
    /// plan that fails is an error written at once, so it counts as synchronous). The
    /// plans are kept, so executing the operation after finds them made.
    func isSynchronous(_ operation: OperationDefinition, on rootType: NamedType) -> Bool {
        let selectionSet = operation.selectionSet
        let root = plans.plan([selectionSet.selections.start], on: rootType) {
            makePlan([selectionSet], on: rootType)
        }
        guard case .success(let plan) = root else { return true }
        return isSynchronous(plan)
    }

    /// `writeFields` for a synchronous plan.
    mutating func writeFieldsSynchronously(_ plan: SelectionPlan, of objectType: NamedType, value: ParentValue) -> Bool {
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
            if case .resolve(.sync(let body)?, let arguments, _) = field.action {
                result = Self.resolveSynchronously(
                    body, resolveInfo(value.boxed, arguments, definition, objectType, at: path))
            } else {
                result = resolveWithoutResolver(field, definition, value, of: objectType)
            }
            let completed =
                if let leaf = field.leafType {
                    completeLeaf(leaf, nullable: field.leafIsNullable, result, field, definition, parentType: objectType)
                } else {
                    completeSynchronously(definition.type, result, field, definition, parentType: objectType)
                }
            guard completed else { return false }
        }
        writer.raw(UInt8(ascii: "}"))
        return true
    }

    /// `complete` for a value whose subtree is synchronous.
    private mutating func completeSynchronously(
        _ type: TypeRef, _ result: Result<FieldValue, GraphQLError>, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) -> Bool {
        let mark = writer.count
        switch beginCompletion(type, result, field, definition, parentType: parentType) {
        case .done(let completed):
            return completed
        case .list(let items, let itemType):
            writer.raw(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { writer.raw(UInt8(ascii: ",")) }
                path.append(.index(index))
                let completed = completeSynchronously(itemType, .success(item), field, definition, parentType: parentType)
                path.removeLast()
                if !completed { return nullOut(to: mark, nullable: type.isNullable) }
            }
            writer.raw(UInt8(ascii: "]"))
            return true
        case .object(let objectType, let parent):
            guard
                let plan = plan(
                    field.subselections, positions: field.subselectionKey, on: objectType, within: field),
                writeFieldsSynchronously(plan, of: objectType, value: parent)
            else { return nullOut(to: mark, nullable: type.isNullable) }
            return true
        }
    }
}
