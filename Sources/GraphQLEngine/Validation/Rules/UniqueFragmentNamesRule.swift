/// Spec 5.5.1.1 "Fragment Name Uniqueness": "Let fragments be all fragment definitions in
/// the document named fragmentName. fragments must be a set of one." A spread names the
/// fragment it includes, so two fragments of one name would make it ambiguous. Each
/// duplicate is reported at the first name and its own.
struct UniqueFragmentNamesRule: ValidationRule {
    static let events: ValidationEvents = [.fragmentDefinition]

    /// Where each fragment name was first defined.
    private var firstNames: [String: SourceSpan] = [:]

    mutating func enterFragmentDefinition(_ fragment: FragmentDefinition, _ context: ValidationContext) {
        let text = context.text(fragment.name)
        if let first = firstNames[text] {
            context.report(.duplicateFragmentName(text), first, fragment.name.span)
        } else {
            firstNames[text] = fragment.name.span
        }
    }
}
