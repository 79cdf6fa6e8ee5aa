/// The messages of rules that apply both to schema documents and to operation documents
/// (an unknown type, a misplaced directive, a repeated argument...), worded once for
/// `SchemaDiagnostic` and `ValidationDiagnostic` alike.
enum RuleMessage {
    static func unknownType(_ name: String, suggestions: [String]) -> String {
        "Unknown type \"\(name)\"." + Suggestion.didYouMean(suggestions)
    }

    static func unknownDirective(_ name: String) -> String {
        "Unknown directive \"@\(name)\"."
    }

    static func misplacedDirective(_ name: String, location: DirectiveLocation) -> String {
        "Directive \"@\(name)\" may not be used on \(location.rawValue)."
    }

    static func duplicateDirective(_ name: String) -> String {
        "The directive \"@\(name)\" can only be used once at this location."
    }

    static func unknownDirectiveArgument(_ argument: String, directive: String, suggestions: [String]) -> String {
        "Unknown argument \"\(argument)\" on directive \"@\(directive)\"." + Suggestion.didYouMean(suggestions)
    }

    static func duplicateArgument(_ name: String) -> String {
        "There can be only one argument named \"\(name)\"."
    }

    static func missingDirectiveArgument(_ argument: String, directive: String, type: String) -> String {
        "Directive \"@\(directive)\" argument \"\(argument)\" of type \"\(type)\" is required, but it was not provided."
    }
}
