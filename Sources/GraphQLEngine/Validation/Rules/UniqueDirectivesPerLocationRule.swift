/// Spec 5.7.3 "Directives Are Unique per Location": "if a directive is not `repeatable`,
/// then only one occurrence of it is allowed per location". Each repetition is reported
/// with the first use. Directives the schema lacks are KnownDirectives' concern: whether
/// they may repeat is unknown.
struct UniqueDirectivesPerLocationRule: ValidationRule {
    static let events: ValidationEvents = [.directives]

    mutating func enterDirectives(
        _ directives: NodeList<Directive>, at location: DirectiveLocation, _ context: ValidationContext
    ) {
        var first: [String: SourceSpan] = [:]
        for directive in context.document[directives] {
            let name = context.text(directive.name)
            guard let definition = context.schema.directive(named: name), !definition.isRepeatable else { continue }
            if let seen = first[name] {
                context.report(.duplicateDirective(name), seen, directive.span)
            } else {
                first[name] = directive.span
            }
        }
    }
}
