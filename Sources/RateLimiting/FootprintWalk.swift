import GraphQLEngine
import Schema

/// The walk behind `OperationFootprint`: selections collected as execution collects them
/// (`collectFields`, per possible object type), costed bottom up.
///
/// A field costs its weight plus its selections' cost. With `@listSize`, a list field
/// counts all that times its size; a field with `sizedFields` counts those of its fields
/// that many times instead. Results are remembered per (object type, selection sets,
/// scale), so fragments spread many times are costed once, and after `maximumVisits`
/// distinct ones the cost saturates.
struct FootprintWalk {
    static let maximumVisits = 10_000

    let document: Valid<Document>
    let variables: [String: InputValue]
    let policies: RateLimitPolicies
    /// The limits of the fields met, one entry per coordinate, in the order first met.
    private(set) var limited: [[RateLimitPolicy]] = []
    private var limitedCoordinates: Set<String> = []
    private var costs: [Visit: Int] = [:]

    init(document: Valid<Document>, variables: [String: InputValue], policies: RateLimitPolicies) {
        self.document = document
        self.variables = variables
        self.policies = policies
    }

    /// The fields of a selection named in `names` count `factor` times (a connection's
    /// `sizedFields`).
    struct Scale: Hashable {
        var names: [String]
        var factor: Int

        static let none = Scale(names: [], factor: 1)

        func times(_ name: String) -> Int { names.contains(name) ? factor : 1 }
    }

    private struct Visit: Hashable {
        let type: TypeID
        let selectionSets: [UInt32]
        let scale: Scale
    }

    /// The cost of the selection sets merged into one (the fields of one response name)
    /// on a composite type: the costliest of its possible object types.
    mutating func cost(of selectionSets: [SelectionSet], on type: NamedType, scale: Scale) throws(GraphQLError)
        -> Int
    {
        var most = 0
        for object in document.schema.possibleTypes(of: type) {
            most = max(most, try cost(of: selectionSets, onObject: document.schema[object], scale: scale))
        }
        return most
    }

    private mutating func cost(of selectionSets: [SelectionSet], onObject object: NamedType, scale: Scale)
        throws(GraphQLError) -> Int
    {
        let visit = Visit(type: object.id, selectionSets: selectionSets.map(\.selections.start), scale: scale)
        if let known = costs[visit] { return known }
        guard costs.count < Self.maximumVisits else { return OperationFootprint.maximumCost }
        var groups: [String: [Field]] = [:]
        var order: [String] = []
        for selectionSet in selectionSets {
            let collected = try document.collectFields(of: object, in: selectionSet, variables: variables)
            for (responseName, fields) in collected.groups {
                if groups[responseName] == nil { order.append(responseName) }
                groups[responseName, default: []].append(contentsOf: fields)
            }
        }
        var total = 0
        for responseName in order {
            guard let fields = groups[responseName], let field = fields.first else { continue }
            let name = document.value.text(field.name)
            let cost = try self.cost(of: fields, named: name, on: object)
            total = Self.sum(total, Self.product(cost, scale.times(name)))
        }
        costs[visit] = total
        return total
    }

    /// One response name's cost: its weight, and its selections' unless it is a leaf.
    private mutating func cost(of fields: [Field], named name: String, on object: NamedType) throws(GraphQLError)
        -> Int
    {
        guard let first = fields.first, let definition = document.schema.field(named: name, on: object) else {
            return 0
        }
        let limits = policies.policies(forField: name, on: object.name)
        if let coordinate = limits.first?.coordinate, limitedCoordinates.insert(coordinate).inserted {
            limited.append(limits)
        }
        let returned = document.schema[definition.type.namedType]
        let weight = policies.weight(ofField: name, on: object.name, returning: returned)
        let listSize = policies.listSizes[object.name + "." + name]
        let items = listSize.map { size(of: first, definition, $0) } ?? 1
        let selectionSets = fields.compactMap(\.selectionSet)
        guard returned.kind.isComposite, !selectionSets.isEmpty else {
            return listSize?.sizedFields.isEmpty == false ? weight : Self.product(weight, items)
        }
        if let listSize, !listSize.sizedFields.isEmpty {
            let scale = Scale(names: listSize.sizedFields, factor: items)
            return Self.sum(weight, try cost(of: selectionSets, on: returned, scale: scale))
        }
        return Self.product(Self.sum(weight, try cost(of: selectionSets, on: returned, scale: .none)), items)
    }

    /// The largest slicing argument given (defaults included), else the assumed size.
    private func size(of field: Field, _ definition: SchemaField, _ listSize: ListSize) -> Int {
        // An argument that cannot be coerced fails the field when it runs; costing it at
        // the assumed size is enough.
        let arguments =
            (try? coerceArgumentValues(
                definition.arguments, given: field.arguments, at: field.span, in: document, variables: variables))
            ?? [:]
        let given = listSize.slicingArguments.compactMap { name -> Int? in
            if case .int(let value)? = arguments[name] { max(0, value) } else { nil }
        }
        return given.max() ?? listSize.assumedSize ?? 1
    }

    static func sum(_ first: Int, _ second: Int) -> Int {
        let (result, overflow) = first.addingReportingOverflow(second)
        return overflow ? OperationFootprint.maximumCost : min(result, OperationFootprint.maximumCost)
    }

    static func product(_ first: Int, _ second: Int) -> Int {
        let (result, overflow) = first.multipliedReportingOverflow(by: second)
        return overflow ? OperationFootprint.maximumCost : min(result, OperationFootprint.maximumCost)
    }
}
