/// Spec 5.5.2.1 "Fragment Spread Target Defined": "Let fragment be the target of
/// namedSpread. fragment must be defined in the document." A spread of a fragment the
/// document does not define has nothing to include; it is reported at the spread's name.
struct KnownFragmentNamesRule: ValidationRule {
    static let events: ValidationEvents = [.fragmentSpread]

    mutating func enterFragmentSpread(_ spread: FragmentSpread, _ context: ValidationContext) {
        let name = context.text(spread.name)
        guard context.fragment(named: name) == nil else { return }
        context.report(.unknownFragment(name), spread.name.span)
    }
}
