import Synchronization

/// What executing some selection sets on one object type needs, worked out once per
/// operation and reused for every object it meets there (every item of a list): the
/// collected fields (spec 6.3.2), and for each response name its definition, resolver
/// and coerced arguments. Variables do not change while an operation executes, so none
/// of this does either. A class, so that handing a plan out of the cache is one reference.
final class SelectionPlan: Sendable {
    let fields: [FieldPlan]
    /// How many fields have asynchronous resolvers: with two or more, they run at once.
    let asynchronousFields: Int
    /// Whether the whole subtree resolves synchronously, once found (`isSynchronous`).
    let synchronous = Mutex<Bool?>(nil)

    init(fields: [FieldPlan]) {
        self.fields = fields
        asynchronousFields = fields.lazy.filter(\.isAsynchronous).count
    }
}

/// One response name of a selection plan.
final class FieldPlan: Sendable {
    let responseName: String
    /// `"responseName":`, escaped once.
    let key: [UInt8]
    /// The fields that share the response name (merged by validation), for locations.
    let fields: [Field]
    let action: Action
    /// The fields' subselections, and their positions, which name them in plans below.
    let subselections: [SelectionSet]
    let subselectionKey: [UInt32]
    /// A field of a scalar or enum type (or a non-null one): completed without the
    /// general, asynchronous path.
    let leafType: NamedType?
    let leafIsNullable: Bool
    /// A leaf with the default resolver: its definition, type and the key it reads, to
    /// skip the rest.
    let defaultResolvedLeaf: (definition: SchemaField, type: NamedType, key: String)?
    /// The plan of the subselections on the object type last met here: objects of one
    /// field are nearly always of one type, so most lookups end here.
    let lastSubplan = Mutex<(type: TypeID, plan: Result<SelectionPlan, GraphQLError>)?>(nil)

    enum Action: Sendable {
        case typename
        /// A field the type lacks; validation rules it out, and it is left null.
        case missing
        /// The arguments could not be coerced (spec 6.4.1): a field error every time.
        case failed(GraphQLError, SchemaField)
        /// `resolver` nil is the default resolver, called without a `ResolveInfo`.
        case resolve(Resolver?, arguments: [String: InputValue], SchemaField)
    }

    init(responseName: String, fields: [Field], action: Action, schema: Schema) {
        self.responseName = responseName
        var key = JSONWriter(capacity: responseName.utf8.count + 3)
        key.string(responseName)
        key.raw(UInt8(ascii: ":"))
        self.key = key.bytes
        self.fields = fields
        self.action = action
        self.subselections = fields.compactMap(\.selectionSet)
        self.subselectionKey = subselections.map(\.selections.start)
        var leaf: (NamedType, Bool)?
        if case .resolve(_, _, let definition) = action {
            switch definition.type {
            case .named(let id) where schema[id].kind.isLeaf: leaf = (schema[id], true)
            case .nonNull(.named(let id)) where schema[id].kind.isLeaf: leaf = (schema[id], false)
            default: leaf = nil
            }
        }
        (leafType, leafIsNullable) = (leaf?.0, leaf?.1 ?? true)
        if case .resolve(nil, _, let definition) = action, let leafType {
            defaultResolvedLeaf = (definition, leafType, definition.name)
        } else {
            defaultResolvedLeaf = nil
        }
    }

    /// The field's definition, where the type has the field.
    var definition: SchemaField? {
        switch action {
        case .failed(_, let definition), .resolve(_, _, let definition): definition
        case .typename, .missing: nil
        }
    }

    var isAsynchronous: Bool {
        if case .resolve(.async?, _, _) = action { true } else { false }
    }
}

/// The plans of one operation's execution, shared by the tasks that execute its parts.
final class SelectionPlans: Sendable {
    private struct Key: Hashable {
        let sets: [UInt32]
        let type: TypeID
    }

    private let plans = Mutex<[Key: Result<SelectionPlan, GraphQLError>]>([:])

    init() {}

    /// The plan of `field`'s subselections on `objectType`, made by `make` the first time.
    func subplan(
        of field: FieldPlan, on objectType: NamedType, make: () -> Result<SelectionPlan, GraphQLError>
    ) -> Result<SelectionPlan, GraphQLError> {
        if let last = field.lastSubplan.withLock({ $0 }), last.type == objectType.id { return last.plan }
        let found = plan(field.subselectionKey, on: objectType, make: make)
        field.lastSubplan.withLock { $0 = (objectType.id, found) }
        return found
    }

    /// The plan for `selectionSets` (named by `positions`) on `objectType`, made by `make`
    /// the first time.
    func plan(
        _ positions: [UInt32], on objectType: NamedType, make: () -> Result<SelectionPlan, GraphQLError>
    ) -> Result<SelectionPlan, GraphQLError> {
        let key = Key(sets: positions, type: objectType.id)
        if let known = plans.withLock({ $0[key] }) { return known }
        // Made outside the lock: two tasks may both make it, and make the same.
        let made = make()
        plans.withLock { $0[key] = made }
        return made
    }
}

/// The selection plans of a validated document's operations that run without variables,
/// by executor: such plans depend only on the document and the executor's resolvers, so
/// every request that runs the operation again reuses them. With variables, a request
/// plans afresh (`@skip`, `@include` and arguments may read them).
final class PlanCache: Sendable {
    private struct Key: Hashable {
        /// The operation, by the position of its selection set.
        let operation: UInt32
        let executor: Int
    }

    /// Executors are few (one per server); past this, plans are not kept.
    private static let maxEntries = 16
    private let entries = Mutex<[Key: SelectionPlans]>([:])

    init() {}

    /// The plans to execute `operation` with, shared when it has no variables.
    func plans(for operation: OperationDefinition, executor: Int, variables: [String: InputValue]) -> SelectionPlans {
        guard variables.isEmpty else { return SelectionPlans() }
        let key = Key(operation: operation.selectionSet.selections.start, executor: executor)
        return entries.withLock { entries in
            if let known = entries[key] { return known }
            let plans = SelectionPlans()
            if entries.count < Self.maxEntries { entries[key] = plans }
            return plans
        }
    }
}
