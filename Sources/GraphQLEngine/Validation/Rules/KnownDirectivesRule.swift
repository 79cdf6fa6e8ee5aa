/// Spec 5.7.1 "Directives Are Defined" and 5.7.2 "Directives Are in Valid Locations":
/// every directive used must be one the schema defines, "used in a location that the
/// service has declared support for". Both are reported at the directive; a directive the
/// schema lacks has no locations to check.
struct KnownDirectivesRule: ValidationRule {
    static let events: ValidationEvents = [.directives]

    mutating func enterDirectives(
        _ directives: NodeList<Directive>, at location: DirectiveLocation, _ context: ValidationContext
    ) {
        for directive in context.document[directives] {
            let name = context.text(directive.name)
            guard let definition = context.schema.directive(named: name) else {
                context.report(.unknownDirective(name), directive.span)
                continue
            }
            if !definition.locations.contains(location) {
                context.report(.misplacedDirective(name, location: location), directive.span)
            }
        }
    }
}
