/// A schema (spec 3): its types, its directives and its root operation types.
///
/// Built once at start-up (`Schema(sdl:)`), validated, then shared read-only by every
/// request. Types refer to each other by `TypeID`, a position in `types`, so building one
/// needs no cycles of references and looking one up is an array read.
public final class Schema: Sendable {
    public let description: String?
    public let types: [NamedType]
    public let directives: [SchemaDirective]
    /// Directives applied to the `schema` definition and its extensions.
    public let appliedDirectives: [AppliedDirective]
    public let queryType: TypeID?
    public let mutationType: TypeID?
    public let subscriptionType: TypeID?

    let typeIndex: NameTable
    let directiveIndex: NameTable
    /// For each abstract type, the object types that can be it (spec 3.6.2 "possible types"):
    /// the members of a union, the objects implementing an interface.
    let possibleTypes: [[TypeID]]
    let possibleTypeSets: [Set<TypeID>]
    /// For each interface, the interfaces and objects implementing it, directly or not.
    let subtypeSets: [Set<TypeID>]
    /// Input coercion of each custom scalar; built-in scalars are coerced by the spec's rules.
    let scalarCoercions: [TypeID: ScalarCoercion]

    /// The meta-fields (spec 4.1): `__typename` on every composite type, `__schema` and
    /// `__type` on the query type only.
    public let typenameField: SchemaField
    public let schemaField: SchemaField
    public let typeField: SchemaField

    init(
        description: String?, types: [NamedType], directives: [SchemaDirective],
        appliedDirectives: [AppliedDirective], queryType: TypeID?, mutationType: TypeID?,
        subscriptionType: TypeID?, scalarCoercions: [TypeID: ScalarCoercion],
        metaFields: (typename: SchemaField, schema: SchemaField, type: SchemaField)
    ) {
        self.description = description
        self.types = types
        self.directives = directives
        self.appliedDirectives = appliedDirectives
        self.queryType = queryType
        self.mutationType = mutationType
        self.subscriptionType = subscriptionType
        self.scalarCoercions = scalarCoercions
        (typenameField, schemaField, typeField) = metaFields

        self.typeIndex = NameTable(types.map(\.name))
        self.directiveIndex = NameTable(directives.map(\.name))

        var possible = [[TypeID]](repeating: [], count: types.count)
        var subtypes = [Set<TypeID>](repeating: [], count: types.count)
        for type in types {
            switch type.kind {
            case .union:
                possible[type.id.index] = type.possibleTypeMembers
            case .object, .interface:
                for interface in Self.allInterfaces(of: type, in: types) {
                    if type.kind == .object { possible[interface.index].append(type.id) }
                    subtypes[interface.index].insert(type.id)
                }
            default:
                break
            }
        }
        for type in types where type.kind == .union {
            subtypes[type.id.index] = Set(type.possibleTypeMembers)
        }
        self.possibleTypes = possible
        self.possibleTypeSets = possible.map(Set.init)
        self.subtypeSets = subtypes
    }

    /// The interfaces a type implements, and the ones those implement, each once.
    private static func allInterfaces(of type: NamedType, in types: [NamedType]) -> [TypeID] {
        var seen: Set<TypeID> = []
        var result: [TypeID] = []
        var pending = type.interfaces
        while let next = pending.popLast() {
            guard next != type.id, seen.insert(next).inserted else { continue }
            result.append(next)
            pending.append(contentsOf: types[next.index].interfaces)
        }
        return result
    }
}

// MARK: - Looking things up

extension Schema {
    public subscript(id: TypeID) -> NamedType { types[id.index] }

    public func type(named name: String) -> NamedType? {
        typeIndex.position(of: name).map { types[$0] }
    }

    /// The type spelled by `bytes` (a name as a document holds it).
    func type(named bytes: UnsafeBufferPointer<UInt8>) -> NamedType? {
        typeIndex.position(of: bytes).map { types[$0] }
    }

    public func directive(named name: String) -> SchemaDirective? {
        directiveIndex.position(of: name).map { directives[$0] }
    }

    /// The root type of an operation type, if the schema has one.
    public func rootType(for operation: OperationType) -> NamedType? {
        let id: TypeID? =
            switch operation {
            case .query: queryType
            case .mutation: mutationType
            case .subscription: subscriptionType
            }
        return id.map { types[$0.index] }
    }

    /// The field `name` of a composite type, meta-fields included (spec 4.1, 4.2).
    public func field(named name: String, on type: NamedType) -> SchemaField? {
        if name.utf8.first == UInt8(ascii: "_"), name.hasPrefix("__") {
            switch name {
            case "__typename" where type.kind.isComposite: return typenameField
            case "__schema" where type.id == queryType: return schemaField
            case "__type" where type.id == queryType: return typeField
            default: break
            }
        }
        return type.field(named: name)
    }

    /// The field spelled by `bytes` on a composite type, meta-fields included.
    func field(named bytes: UnsafeBufferPointer<UInt8>, on type: NamedType) -> SchemaField? {
        if bytes.count > 2, bytes[0] == UInt8(ascii: "_"), bytes[1] == UInt8(ascii: "_") {
            return field(named: String(decoding: bytes, as: UTF8.self), on: type)
        }
        return type.field(named: bytes)
    }

    /// The object types an abstract type may be at run time; an object type is only itself.
    public func possibleTypes(of type: NamedType) -> [TypeID] {
        type.kind == .object ? [type.id] : possibleTypes[type.id.index]
    }

    /// Whether `object` is among the possible types of `abstract` (spec 3.6.2, 3.8).
    public func isPossibleType(_ object: TypeID, of abstract: NamedType) -> Bool {
        possibleTypeSets[abstract.id.index].contains(object)
    }

    /// Whether `subtype` is `supertype` or can stand in for it: an object or interface
    /// implementing an interface, or a member of a union.
    public func isSubtype(_ subtype: TypeID, of supertype: TypeID) -> Bool {
        subtype == supertype || subtypeSets[supertype.index].contains(subtype)
    }

    /// Whether two composite types can have an object type in common (spec 5.5.2.3,
    /// "Fragment spread is possible").
    public func typesOverlap(_ first: NamedType, _ second: NamedType) -> Bool {
        if first.id == second.id { return true }
        let firstPossible = possibleTypes(of: first)
        if second.kind == .object { return firstPossible.contains(second.id) }
        let secondSet = possibleTypeSets[second.id.index]
        return firstPossible.contains { secondSet.contains($0) }
    }

    /// How the input values of a custom scalar are coerced; `nil` for a built-in scalar.
    public func coercion(for scalar: NamedType) -> ScalarCoercion? {
        scalarCoercions[scalar.id]
    }
}
