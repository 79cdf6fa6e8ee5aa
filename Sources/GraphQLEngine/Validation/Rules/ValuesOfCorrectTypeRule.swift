/// Spec 5.6.1 "Values of Correct Type": every literal must coerce to the type expected
/// where it is written (spec 3.5 to 3.12), so that a document that validates cannot fail
/// input coercion of its literals at run time. With it, 5.6.2 "Input Object Field Names"
/// (every field of an object literal is defined by its type), 5.6.4 "Input Object Required
/// Fields" (every required field is given), and the OneOf Input Object rule of 3.10.1
/// (exactly one field, not null).
///
/// The walk shows every nested value with the type expected there, so each value is judged
/// on its own and a problem is reported once, at the innermost value it concerns. A list or
/// object written where neither fits is reported as a whole, and nothing inside it is
/// looked at again. Variables are judged by VariablesInAllowedPosition, not here.
struct ValuesOfCorrectTypeRule: ValidationRule {
    static let events: ValidationEvents = [.value]

    /// The end of the last list or object judged as a whole: values that start before it
    /// are inside it.
    private var judgedUntil: UInt32 = 0
    /// Fields that their object's type does not define, keyed by where their value starts:
    /// each is reported when the walk reaches its value, so that errors come in document
    /// order, a field before what is wrong inside it.
    private var unknownFields: [UInt32: (diagnostic: ValidationDiagnostic, span: SourceSpan)] = [:]

    mutating func enterValue(_ value: Value, _ context: ValidationContext) {
        let span = value.span
        if let unknown = unknownFields.removeValue(forKey: span.start) {
            context.report(unknown.diagnostic, unknown.span)
        }
        guard span.start >= judgedUntil, let type = context.inputType else { return }
        switch value {
        case .variable:
            return
        case .null:
            guard type.isNonNull else { return }
            context.report(.badValue(type: describe(type, context), value: "null", reason: nil), span)
        case .list where type.listItem != nil:
            return  // Each item is shown with the item type.
        case .object where context.schema[type.namedType].kind == .inputObject:
            checkObject(value, of: context.schema[type.namedType], context)
        case .list, .object:
            // Written where neither fits: coerced as a whole by a custom scalar, else wrong.
            checkLeaf(value, at: type, context)
            judgedUntil = max(judgedUntil, span.end)
        default:
            checkLeaf(value, at: type, context)
        }
    }

    /// A value other than null or a variable must coerce to a scalar or enum type (a value
    /// for a list type is judged as its item, spec 3.11); every value is wrong for a type
    /// that is neither.
    private func checkLeaf(_ value: Value, at type: TypeRef, _ context: ValidationContext) {
        let named = context.schema[type.namedType]
        switch named.kind {
        case .enumType:
            checkEnum(value, of: named, at: type, context)
        case .scalar:
            checkScalar(value, of: named, at: type, context)
        case .inputObject, .object, .interface, .union:
            context.report(
                .badValue(type: describe(type, context), value: context.printed(value), reason: nil), value.span)
        }
    }

    private func checkEnum(_ value: Value, of enumType: NamedType, at type: TypeRef, _ context: ValidationContext) {
        guard case .enumValue(let name) = value else {
            // A string is never an enum value in a document, even one spelled like it; the
            // suggestion shows the enum value it may have meant.
            let printed = context.printed(value)
            let suggestions = Suggestion.names(similarTo: printed, among: enumType.enumValues.map(\.name))
            context.report(.nonEnumValue(type: enumType.name, value: printed, suggestions: suggestions), value.span)
            return
        }
        let text = context.text(name)
        guard enumType.enumValue(named: text) == nil else { return }
        let suggestions = Suggestion.names(similarTo: text, among: enumType.enumValues.map(\.name))
        context.report(.badEnumValue(type: enumType.name, value: text, suggestions: suggestions), value.span)
    }

    /// A built-in scalar's own message says all; a custom scalar's message follows the
    /// type and value it refused. A custom scalar given a list or object holding variables
    /// cannot be judged before the variables have values, so that is taken as valid; a
    /// built-in scalar refuses any list or object, whatever is inside.
    private func checkScalar(_ value: Value, of scalar: NamedType, at type: TypeRef, _ context: ValidationContext) {
        if let custom = context.schema.coercion(for: scalar) {
            guard let input = InputValue(value, in: context.document) else { return }
            do {
                _ = try custom.coerce(input)
            } catch {
                let (expected, printed) = (describe(type, context), context.printed(value))
                let reason = "Expected value of type \"\(expected)\", found \(printed); \(error.message)"
                context.report(.badValue(type: expected, value: printed, reason: reason), value.span)
            }
            return
        }
        guard let input = InputValue(value, in: context.document, variables: [:]) else { return }
        do {
            _ = try BuiltInScalars.coerce(scalar.name, input, fromLiteral: true, printed: context.printed(value))
        } catch {
            context.report(
                .badValue(type: describe(type, context), value: context.printed(value), reason: error.message),
                value.span)
        }
    }

    /// Required fields missing and the @oneOf rule are reported at the object; fields the
    /// type does not define, at the field, once the walk reaches it.
    private mutating func checkObject(_ value: Value, of type: NamedType, _ context: ValidationContext) {
        guard case .object(let list, let span) = value else { return }
        let document = context.document
        let fields = document[list]
        for field in type.inputFields where field.isRequired {
            guard !fields.contains(where: { document.name($0.name, is: field.name) }) else { continue }
            let fieldType = context.schema.describe(field.type)
            context.report(.missingInputField(type: type.name, field: field.name, fieldType: fieldType), span)
        }
        if type.isOneOf { checkOneOf(fields, of: type, at: span, context) }
        for field in fields {
            let name = context.text(field.name)
            guard type.inputField(named: name) == nil else { continue }
            let suggestions = Suggestion.names(similarTo: name, among: type.inputFields.map(\.name))
            unknownFields[document[field.value].span.start] = (
                .unknownInputField(field: name, type: type.name, suggestions: suggestions), field.span
            )
        }
    }

    /// Spec 3.10.1: exactly one field (a name given twice counts once, the last one
    /// standing), and not the null literal.
    private func checkOneOf(
        _ fields: ArraySlice<ObjectField>, of type: NamedType, at span: SourceSpan, _ context: ValidationContext
    ) {
        let names = Set(fields.map { context.text($0.name) })
        guard names.count == 1, let last = fields.last else {
            context.report(.oneOfNotExactlyOneField(type: type.name), span)
            return
        }
        if case .null = context.document[last.value] {
            context.report(.oneOfNullField(type: type.name, field: context.text(last.name)), span)
        }
    }

    private func describe(_ type: TypeRef, _ context: ValidationContext) -> String {
        context.schema.describe(type)
    }
}
