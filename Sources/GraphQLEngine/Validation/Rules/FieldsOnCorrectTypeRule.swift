/// Spec 5.3.1 "Field Selections": a field selected on a type must be defined on it
/// (meta-fields included). When it is not, suggest the possible types that do have it
/// (to select it in an inline fragment), else the type's fields spelled like it.
struct FieldsOnCorrectTypeRule: ValidationRule {
    static let events: ValidationEvents = [.field]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard let parent = context.parentType, context.fieldDefinition == nil else { return }
        let name = context.text(field.name)
        let typeSuggestions = Self.typesDefining(name, below: parent, in: context.schema)
        let fieldSuggestions =
            typeSuggestions.isEmpty && parent.kind != .union
            ? Suggestion.names(similarTo: name, among: parent.fields.map(\.name)) : []
        context.report(
            .unknownField(field: name, type: parent.name, typeSuggestions: typeSuggestions, fieldSuggestions: fieldSuggestions),
            field.span)
    }

    /// The object and interface types under an abstract type that define `field`:
    /// interfaces first, the ones more types implement before others, then objects, each
    /// group by how many of the field's definers they cover, then by name.
    static func typesDefining(_ field: String, below type: NamedType, in schema: Schema) -> [String] {
        guard type.kind.isAbstract else { return [] }
        var objects: [NamedType] = []
        var interfaceUsage: [TypeID: Int] = [:]
        for id in schema.possibleTypes(of: type) {
            let object = schema[id]
            guard object.field(named: field) != nil else { continue }
            objects.append(object)
            for interface in object.interfaces where schema[interface].field(named: field) != nil {
                interfaceUsage[interface, default: 0] += 1
            }
        }
        let interfaces = interfaceUsage.sorted { lhs, rhs in
            if lhs.value != rhs.value { return lhs.value > rhs.value }
            return schema[lhs.key].name < schema[rhs.key].name
        }.map { schema[$0.key] }
        let sortedObjects = objects.sorted { $0.name < $1.name }
        return (interfaces + sortedObjects).map(\.name)
    }
}
