/// Spec 5.3.3 "Leaf Field Selections": "If selectionType is a scalar or enum: the
/// subselection set of that selection must be empty. If selectionType is an interface,
/// union, or object: the subselection set of that selection must not be empty." A leaf
/// value has no fields to select, and a composite one has no value without them.
///
/// A selection on a leaf is reported at that selection set, a missing one at the field;
/// the type is printed with its wrappers. Fields of unknown type are FieldsOnCorrectType's.
struct ScalarLeafsRule: ValidationRule {
    static let events: ValidationEvents = [.field]

    mutating func enterField(_ field: Field, _ context: ValidationContext) {
        guard let type = context.type else { return }
        let isLeaf = context.schema[type.namedType].kind.isLeaf
        if isLeaf, let selectionSet = field.selectionSet {
            let name = context.text(field.name)
            context.report(.selectionOnLeafField(field: name, type: context.schema.describe(type)), selectionSet.span)
        } else if !isLeaf, field.selectionSet == nil {
            let name = context.text(field.name)
            context.report(.missingSubselection(field: name, type: context.schema.describe(type)), field.span)
        }
    }
}
