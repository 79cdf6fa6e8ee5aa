extension Execution {
    /// What completing a value leaves to do after the steps that need no recursion:
    /// nothing (the position is written, or null goes on up), the items of a list, or the
    /// fields of an object.
    enum Completion {
        /// True when the position got a value, null included; false when it is non-null
        /// and got none, so the null goes on up (spec 6.4.4).
        case done(Bool)
        case list([FieldValue], itemType: TypeRef)
        case object(NamedType, ParentValue)
    }

    /// CompleteValue (spec 6.4.3), writing the value; the asynchronous path. What was
    /// written for a position that ends null is taken back.
    mutating func complete(
        _ type: TypeRef, _ result: Result<FieldValue, GraphQLError>, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) async -> Bool {
        let mark = writer.count
        switch beginCompletion(type, result, field, definition, parentType: parentType) {
        case .done(let completed):
            return completed
        case .list(let items, let itemType):
            let completed =
                if items.count > 1, resolvers.hasAsynchronousResolvers, isComposite(itemType) {
                    await completeConcurrently(items, as: itemType, field, definition, parentType: parentType)
                } else {
                    await completeInTurn(items, as: itemType, field, definition, parentType: parentType)
                }
            return completed || nullOut(to: mark, nullable: type.isNullable)
        case .object(let objectType, let parent):
            let completed = await executeSelectionSets(
                field.subselections, positions: field.subselectionKey, of: objectType, value: parent, within: field)
            return completed || nullOut(to: mark, nullable: type.isNullable)
        }
    }

    /// The steps of CompleteValue that need no recursion: errors and nulls (spec 6.4.4),
    /// leaves (spec 3.5 result coercion), the shape of a list, and the object type of an
    /// object (ResolveAbstractType).
    mutating func beginCompletion(
        _ type: TypeRef, _ result: Result<FieldValue, GraphQLError>, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType
    ) -> Completion {
        let mark = writer.count
        let nullable = type.isNullable
        let value: FieldValue
        switch result {
        case .failure(let error):
            record(error, at: field.fields)
            return .done(nullOut(to: mark, nullable: nullable))
        case .success(.null):
            guard nullable else {
                record(
                    GraphQLError(message: "Cannot return null for non-nullable field \(parentType.name).\(definition.name)."),
                    at: field.fields)
                return .done(false)
            }
            writer.raw("null")
            return .done(true)
        case .success(let resolved):
            value = resolved
        }

        switch type.nullable {
        case .nonNull:
            // The parser never nests non-null in non-null.
            return .done(nullOut(to: mark, nullable: nullable))
        case .list(let itemType):
            guard case .list(let items) = value else {
                record(
                    GraphQLError(
                        message:
                            "Expected Iterable, but did not find one for field \"\(parentType.name).\(definition.name)\"."),
                    at: field.fields)
                return .done(nullOut(to: mark, nullable: nullable))
            }
            return .list(items, itemType: itemType)
        case .named(let id):
            let named = schema[id]
            if named.kind.isLeaf {
                return .done(completeLeaf(named, nullable: nullable, value, field, definition, parentType: parentType))
            }
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
                    ), at: field.fields)
                return .done(nullOut(to: mark, nullable: nullable))
            }
            do {
                let objectType = try runtimeType(
                    of: named, value: parent, typeName: typeName, definition: definition, parentType: parentType)
                return .object(objectType, parent)
            } catch {
                record(error, at: field.fields)
                return .done(nullOut(to: mark, nullable: nullable))
            }
        }
    }

    /// Takes back what was written since `mark`; writes `null` there if the position is
    /// nullable, and says whether it was.
    mutating func nullOut(to mark: Int, nullable: Bool) -> Bool {
        writer.truncate(to: mark)
        if nullable { writer.raw("null") }
        return nullable
    }

    /// CompleteValue for a field of a scalar or enum type, synchronously: most fields are.
    mutating func completeLeaf(
        _ type: NamedType, nullable: Bool, _ result: Result<FieldValue, GraphQLError>, _ field: FieldPlan,
        _ definition: SchemaField, parentType: NamedType
    ) -> Bool {
        switch result {
        case .success(let value):
            return completeLeaf(type, nullable: nullable, value, field, definition, parentType: parentType)
        case .failure(let error):
            record(error, at: field.fields)
            if nullable { writer.raw("null") }
            return nullable
        }
    }

    /// `pathHasKey` false: the field's key is not on the path (a default-resolved leaf
    /// runs without it), and an error puts it there.
    mutating func completeLeaf(
        _ type: NamedType, nullable: Bool, _ value: FieldValue, _ field: FieldPlan, _ definition: SchemaField,
        parentType: NamedType, pathHasKey: Bool = true
    ) -> Bool {
        let error: GraphQLError
        if case .null = value {
            if nullable {
                writer.raw("null")
                return true
            }
            error = GraphQLError(message: "Cannot return null for non-nullable field \(parentType.name).\(definition.name).")
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
        if !pathHasKey { path.append(.key(field.responseName)) }
        record(error, at: field.fields)
        if !pathHasKey { path.removeLast() }
        if nullable { writer.raw("null") }
        return nullable
    }

    /// The items of a list, `[...]`, one after another. False when a non-null item got
    /// no value, so the list is null.
    private mutating func completeInTurn(
        _ items: [FieldValue], as itemType: TypeRef, _ field: FieldPlan, _ definition: SchemaField, parentType: NamedType
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
        _ items: [FieldValue], as itemType: TypeRef, _ field: FieldPlan, _ definition: SchemaField, parentType: NamedType
    ) async -> Bool {
        let branches = await withTaskGroup(of: (Int, Execution, Bool).self) { tasks in
            loads.started(items.count)
            for (index, item) in items.enumerated() {
                let branch = branch(at: path + [.index(index)])
                tasks.addTask {
                    var branch = branch
                    let completed = await branch.complete(itemType, .success(item), field, definition, parentType: parentType)
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
    /// resolver, or by a JSON object's `__typename`, when the field's type is abstract.
    private func runtimeType(
        of type: NamedType, value: ParentValue, typeName: String?, definition: SchemaField, parentType: NamedType
    ) throws(GraphQLError) -> NamedType {
        guard type.kind.isAbstract else { return type }
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
            throw GraphQLError(message: "Abstract type \"\(type.name)\" was resolved to a non-object type \"\(typeName)\".")
        }
        guard schema.isPossibleType(objectType.id, of: type) else {
            throw GraphQLError(message: "Runtime Object type \"\(typeName)\" is not a possible type for \"\(type.name)\".")
        }
        return objectType
    }
}

extension TypeRef {
    /// Whether the position may be null: it is not wrapped in non-null.
    var isNullable: Bool {
        if case .nonNull = self { false } else { true }
    }
}
