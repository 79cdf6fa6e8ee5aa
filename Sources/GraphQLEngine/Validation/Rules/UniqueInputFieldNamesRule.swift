/// Spec 5.6.3 "Input Object Field Uniqueness": an object literal must not give one field
/// twice, as one of the values would be silently ignored. Each repeat is reported with
/// the first field of its name, in every object, however deeply nested.
struct UniqueInputFieldNamesRule: ValidationRule {
    static let events: ValidationEvents = [.value]

    /// Repeated fields keyed by where their value starts: each is reported when the walk
    /// reaches its value, so that errors come in document order (a repeat after what is
    /// wrong in the fields before it).
    private var repeats: [UInt32: (name: String, first: SourceSpan, repeat: SourceSpan)] = [:]

    mutating func enterValue(_ value: Value, _ context: ValidationContext) {
        if let found = repeats.removeValue(forKey: value.span.start) {
            context.report(.duplicateInputField(found.name), found.first, found.repeat)
        }
        guard case .object(let list, _) = value, list.count > 1 else { return }
        let document = context.document
        var firsts: [String: SourceSpan] = [:]
        for field in document[list] {
            let name = document.text(field.name)
            if let first = firsts[name] {
                repeats[document[field.value].span.start] = (name, first, field.name.span)
            } else {
                firsts[name] = field.name.span
            }
        }
    }
}
