/// Spec 5.3.2 "Field Selection Merging": fields that share a response name must be
/// mergeable — the same field with the same arguments unless their parents are distinct
/// object types, and in any case of the same response shape.
///
/// The spec's FieldsInSetCanMerge compares fields pairwise, which is quadratic in the
/// number of fields sharing a name and, through repeated fragments, can grow much faster.
/// This checks the same conditions in time linear in the fields collected:
/// - "same field, same arguments" is an equivalence, so each field is compared with one
///   representative of its class (fields whose parents are one object type, or fields
///   whose parent is abstract, which must agree with every class);
/// - "same response shape" is transitive, so each field is compared with the first;
/// - instead of comparing the subselections of every pair, the subselections of a whole
///   group of fields that must merge are checked together as one set, once: each
///   distinct selection set (and so each fragment) enters a set only once, and sets
///   already found clean are remembered.
struct OverlappingFieldsCanBeMergedRule: ValidationRule {
    static let events: ValidationEvents = [.document]

    private var cleanSets: Set<SetKey> = []
    /// What a single selection set (the usual case) was found to hold, clean or not, keyed
    /// by its position and the exclusive flag: a set's own conflicts do not depend on how
    /// it was reached, so a set met again through other fragments is not checked again.
    private var singleSetResults: [UInt64: [Conflict]] = [:]
    /// The sets being checked further up the current path. One is met again only through
    /// a fragment that spreads itself inside a field (NoFragmentCycles reports that), and
    /// checking it again there would never end; what it holds is found where it was met first.
    private var singleSetsInProgress: Set<UInt64> = []
    private var setsInProgress: Set<SetKey> = []
    /// Fragments met in the current collection: the collection's stamp where met.
    private var fragmentStamps: [Int] = []
    private var reported: Set<ValidationError> = []
    /// Scratch space for grouping fields by response name: the group of each name number,
    /// valid where its stamp is the current collection's.
    private var groupOfName: [Int] = []
    private var stampOfName: [Int] = []
    private var stamp = 0

    /// Checked once the walk has recorded every field's definition (`fieldFacts`), for
    /// each operation and each fragment on its own, in document order.
    mutating func leaveDocument(_ context: ValidationContext) {
        groupOfName = Array(repeating: 0, count: context.responseNameCount)
        stampOfName = Array(repeating: -1, count: context.responseNameCount)
        fragmentStamps = Array(repeating: -1, count: context.fragmentCount)
        for definition in context.document[context.document.definitions] {
            switch definition {
            case .operation(let operation): check(operation.selectionSet, context)
            case .fragment(let fragment): check(fragment.selectionSet, context)
            default: break
            }
        }
    }

    private mutating func check(_ selectionSet: SelectionSet, _ context: ValidationContext) {
        for conflict in conflicts(in: [Scope(selectionSet: selectionSet, origin: 0)], exclusive: false, context) {
            let error = ValidationError(
                .fieldsConflict(responseName: conflict.responseName, reason: conflict.reason),
                spans: conflict.firstSpans + conflict.secondSpans)
            if reported.insert(error).inserted { context.report(error.diagnostic, spans: error.spans) }
        }
    }

    // MARK: - Collecting fields

    /// A selection set; `origin` is the field of the level above that the set belongs to,
    /// so that a conflict found here can be blamed on it.
    struct Scope {
        let selectionSet: SelectionSet
        let origin: Int
    }

    /// A field met while collecting: plain values only, so collecting retains nothing.
    struct RawField {
        let field: Field
        /// The field's position in `context.fieldFacts`.
        let facts: Int
        let origin: Int
    }

    /// A field of a response name that several fields share, with what the walk knew of it.
    struct CollectedField {
        let field: Field
        let parent: NamedType?
        let definition: SchemaField?
        let origin: Int

        init(_ raw: RawField, _ context: ValidationContext) {
            let facts = context.fieldFacts[raw.facts]
            (field, parent, definition, origin) = (raw.field, facts.parentType, facts.definition, raw.origin)
        }
    }

    /// The selection sets a check covers (a selection set always selects from the same
    /// type, so its position identifies it), and whether only shapes are compared.
    private struct SetKey: Hashable {
        let sets: [UInt32]
        let exclusive: Bool
    }

    /// The fields of the given selection sets, through inline fragments and fragment
    /// spreads (each fragment once), grouped by response name: the fields of each name
    /// side by side, groups in the order their names first appear. When every name is
    /// met once (the usual case), the fields are as collected and `groups` is nil.
    private mutating func collectFields(
        _ scopes: [Scope], _ context: ValidationContext
    ) -> (fields: [RawField], groups: [Range<Int>]?) {
        stamp += 1
        var collected: [(field: RawField, group: Int)] = []
        collected.reserveCapacity(16)
        var groupCount = 0
        func collect(_ selectionSet: SelectionSet, origin: Int) {
            for (offset, selection) in context.document[selectionSet.selections].enumerated() {
                switch selection {
                case .field(let field):
                    let name = Int(context.fieldFacts[Int(selectionSet.selections.start) + offset].responseName)
                    guard name >= 0 else { continue }
                    if stampOfName[name] != stamp {
                        stampOfName[name] = stamp
                        groupOfName[name] = groupCount
                        groupCount += 1
                    }
                    let facts = Int(selectionSet.selections.start) + offset
                    collected.append((RawField(field: field, facts: facts, origin: origin), groupOfName[name]))
                case .inlineFragment(let fragment):
                    collect(fragment.selectionSet, origin: origin)
                case .fragmentSpread(let spread):
                    guard let (number, fragment) = context.fragment(spreadAs: spread.name),
                        fragmentStamps[number] != stamp
                    else { continue }
                    fragmentStamps[number] = stamp
                    collect(fragment.selectionSet, origin: origin)
                }
            }
        }
        for scope in scopes { collect(scope.selectionSet, origin: scope.origin) }

        if groupCount == collected.count { return (collected.map(\.field), nil) }
        // A counting sort by group keeps document order within each group.
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for entry in collected { starts[entry.group + 1] += 1 }
        for group in 0..<groupCount { starts[group + 1] += starts[group] }
        let groups = (0..<groupCount).map { starts[$0]..<starts[$0 + 1] }
        guard let first = collected.first?.field else { return ([], []) }
        var fields = [RawField](repeating: first, count: collected.count)
        for entry in collected {
            fields[starts[entry.group]] = entry.field
            starts[entry.group] += 1
        }
        return (fields, groups)
    }

    // MARK: - Finding conflicts

    struct Conflict {
        let responseName: String
        let reason: ValidationDiagnostic.ConflictReason
        let firstSpans: [SourceSpan]
        let secondSpans: [SourceSpan]
        /// The fields of the level above that the two sides came from.
        let origins: (Int, Int)

        /// What makes two conflicts the same one.
        var identity: Identity {
            Identity(
                responseName: responseName, reason: reason, spans: firstSpans + secondSpans,
                origins: [origins.0, origins.1])
        }

        struct Identity: Hashable {
            let responseName: String
            let reason: ValidationDiagnostic.ConflictReason
            let spans: [SourceSpan]
            let origins: [Int]
        }

        /// The same conflict, within the one field `origin` of the level above.
        func passedUp(to origin: Int) -> Conflict {
            Conflict(
                responseName: responseName, reason: reason, firstSpans: firstSpans, secondSpans: secondSpans,
                origins: (origin, origin))
        }
    }

    /// FieldsInSetCanMerge over the union of `scopes`. With `exclusive`, the parents are
    /// known to be distinct objects at some level above, so only shapes must agree.
    private mutating func conflicts(in scopes: [Scope], exclusive: Bool, _ context: ValidationContext) -> [Conflict] {
        let unique: [Scope]
        let key: SetKey?
        let singleKey = scopes.count == 1 ? UInt64(scopes[0].selectionSet.selections.start) << 1 | (exclusive ? 1 : 0) : nil
        if let singleKey {
            // Every conflict of one set is blamed on the set's own origin, so the cached
            // conflicts are kept at origin 0 and moved to the caller's.
            if let known = singleSetResults[singleKey] { return known.map { $0.passedUp(to: scopes[0].origin) } }
            guard singleSetsInProgress.insert(singleKey).inserted else { return [] }
            (unique, key) = (scopes, nil)
        } else {
            var seen: Set<UInt32> = []
            unique = scopes.filter { seen.insert($0.selectionSet.selections.start).inserted }
            key = SetKey(sets: seen.sorted(), exclusive: exclusive)
            if let key, cleanSets.contains(key) { return [] }
            if let key, !setsInProgress.insert(key).inserted { return [] }
        }
        defer {
            if let singleKey { singleSetsInProgress.remove(singleKey) }
            if let key { setsInProgress.remove(key) }
        }

        let (fields, groups) = collectFields(unique, context)
        var found: [Conflict] = []
        for range in groups ?? fields.indices.map({ $0..<$0 + 1 }) {
            let first = fields[range.lowerBound]
            if range.count == 1 {
                // A field alone under its name conflicts with nothing; only its own
                // subselection remains to check (and when only shapes are compared, even
                // that is checked fully on the path where its parents are not exclusive).
                guard !exclusive, let selectionSet = first.field.selectionSet else { continue }
                found += conflicts(in: [Scope(selectionSet: selectionSet, origin: 0)], exclusive: exclusive, context)
                    .map { $0.passedUp(to: first.origin) }
                continue
            }
            let name = context.text(first.field.responseName)
            let group = fields[range].map { CollectedField($0, context) }
            found += conflicts(in: group, responseName: name, exclusive: exclusive, context)
        }
        // One conflict reached along several paths (a fragment spread under two names) is
        // one conflict: kept once, so that repeated paths cannot multiply the list.
        found = Self.unique(found)
        if found.isEmpty {
            if singleKey == nil, let key { cleanSets.insert(key) }
        }
        if let singleKey { singleSetResults[singleKey] = found.map { $0.passedUp(to: 0) } }
        return found
    }

    private mutating func conflicts(
        in group: [CollectedField], responseName: String, exclusive: Bool, _ context: ValidationContext
    ) -> [Conflict] {
        var found: [Conflict] = []
        var failed = Set<Int>()
        func conflict(_ first: Int, _ second: Int, _ reason: ValidationDiagnostic.ConflictReason) {
            found.append(
                Conflict(
                    responseName: responseName, reason: reason, firstSpans: [group[first].field.span],
                    secondSpans: [group[second].field.span], origins: (group[first].origin, group[second].origin)))
            failed.insert(second)
        }

        // Same field and arguments, unless the parents are distinct object types.
        if !exclusive, group.count > 1 {
            var keys: [FieldKey] = []
            var abstractRepresentative: Int?
            var objectRepresentatives: [TypeID: Int] = [:]
            var objectOrder: [TypeID] = []
            for (index, member) in group.enumerated() {
                keys.append(FieldKey(member.field, context))
                let representative: Int?
                if let parent = member.parent, parent.kind == .object {
                    representative = objectRepresentatives[parent.id]
                    if representative == nil {
                        objectRepresentatives[parent.id] = index
                        objectOrder.append(parent.id)
                    }
                } else {
                    representative = abstractRepresentative
                    if representative == nil { abstractRepresentative = index }
                }
                if let representative, let reason = keys[representative].difference(from: keys[index]) {
                    conflict(representative, index, reason)
                }
            }
            if let abstract = abstractRepresentative {
                for object in objectOrder {
                    guard let representative = objectRepresentatives[object], !failed.contains(representative),
                        let reason = keys[abstract].difference(from: keys[representative])
                    else { continue }
                    conflict(abstract, representative, reason)
                }
            }
        }

        // The same response shape, whatever the parents.
        if let first = group.firstIndex(where: { $0.definition != nil }), let firstType = group[first].definition?.type {
            for index in group.indices where index != first && !failed.contains(index) {
                guard let type = group[index].definition?.type,
                    Self.typesConflict(firstType, type, context.schema)
                else { continue }
                conflict(first, index, .conflictingTypes(context.schema.describe(firstType), context.schema.describe(type)))
            }
        }

        // Subselections: each class that must merge, checked as one set; across classes,
        // shapes only.
        let composite = group.indices.filter { !failed.contains($0) && group[$0].field.selectionSet != nil }
        guard !composite.isEmpty else { return found }
        func scope(_ index: Int) -> Scope? {
            group[index].field.selectionSet.map { Scope(selectionSet: $0, origin: index) }
        }
        var classes: [[Int]] = []
        if exclusive {
            classes = [composite]
        } else {
            let abstract = composite.filter { group[$0].parent?.kind != .object }
            var byObject: [TypeID: [Int]] = [:]
            var order: [TypeID] = []
            for index in composite {
                guard let parent = group[index].parent, parent.kind == .object else { continue }
                if byObject[parent.id] == nil { order.append(parent.id) }
                byObject[parent.id, default: []].append(index)
            }
            classes = order.isEmpty ? [abstract] : order.map { abstract + (byObject[$0] ?? []) }
        }
        var subConflicts: [Conflict] = []
        for members in classes where members.count > 1 || !exclusive {
            subConflicts += conflicts(in: members.compactMap(scope), exclusive: exclusive, context)
        }
        if classes.count > 1 {
            subConflicts += conflicts(in: composite.compactMap(scope), exclusive: true, context)
        }
        found += blame(subConflicts, on: group, responseName: responseName)
        return found
    }

    private static func unique(_ conflicts: [Conflict]) -> [Conflict] {
        guard conflicts.count > 1 else { return conflicts }
        var seen: Set<Conflict.Identity> = []
        return conflicts.filter { seen.insert($0.identity).inserted }
    }

    /// Conflicts among subfields, reported on the pair of fields they came from: one
    /// conflict per pair, with every subfield conflict as its reason. A conflict within
    /// one field's own subselection is that field's own, passed up unchanged in origin.
    private func blame(_ conflicts: [Conflict], on group: [CollectedField], responseName: String) -> [Conflict] {
        var pairs: [[Int]: [Conflict]] = [:]
        var order: [[Int]] = []
        var own: [Conflict] = []
        for conflict in conflicts {
            if conflict.origins.0 == conflict.origins.1 {
                own.append(conflict.passedUp(to: group[conflict.origins.0].origin))
                continue
            }
            let pair = [conflict.origins.0, conflict.origins.1]
            if pairs[pair] == nil { order.append(pair) }
            pairs[pair, default: []].append(conflict)
        }
        return own + order.compactMap { pair -> Conflict? in
            guard let inner = pairs[pair], pair.count == 2 else { return nil }
            let (first, second) = (group[pair[0]], group[pair[1]])
            return Conflict(
                responseName: responseName,
                reason: .subfields(inner.map { .init(responseName: $0.responseName, reason: $0.reason) }),
                firstSpans: [first.field.span] + inner.flatMap(\.firstSpans),
                secondSpans: [second.field.span] + inner.flatMap(\.secondSpans),
                origins: (first.origin, second.origin))
        }
    }

    /// Whether two output types give responses of different shapes (spec 5.3.2
    /// SameResponseShape): list against non-list, non-null against nullable, or two
    /// different leaf types.
    static func typesConflict(_ first: TypeRef, _ second: TypeRef, _ schema: Schema) -> Bool {
        switch (first, second) {
        case (.list(let a), .list(let b)), (.nonNull(let a), .nonNull(let b)): typesConflict(a, b, schema)
        case (.list, _), (_, .list), (.nonNull, _), (_, .nonNull): true
        case (.named(let a), .named(let b)): a != b && (schema[a].kind.isLeaf || schema[b].kind.isLeaf)
        }
    }
}

/// A field's name and arguments in a form two fields can be compared by (spec 5.3.2
/// SameArguments: the same arguments with the same values, in any order).
private struct FieldKey: Equatable {
    let name: String
    let arguments: [String]

    init(_ field: Field, _ context: ValidationContext) {
        name = context.text(field.name)
        arguments =
            field.arguments.isEmpty
            ? [] : context.document[field.arguments].map { argument in
                context.text(argument.name) + ":" + context.printed(context.document[argument.value])
            }.sorted()
    }

    func difference(from other: FieldKey) -> ValidationDiagnostic.ConflictReason? {
        if name != other.name { return .differentFields(name, other.name) }
        if arguments != other.arguments { return .differentArguments }
        return nil
    }
}
