/// Spec 5.4.2 "Argument Uniqueness": "Fields and directives treat arguments as a mapping
/// of argument name to value. More than one argument with the same name in an argument
/// set is ambiguous and invalid." One error per repeated name, at each of its names.
struct UniqueArgumentNamesRule: ValidationRule {
    static let events: ValidationEvents = [.arguments]

    mutating func enterArguments(_ arguments: NodeList<Argument>, _ context: ValidationContext) {
        guard arguments.count > 1 else { return }
        var spans: [String: [SourceSpan]] = [:]
        var order: [String] = []
        for argument in context.document[arguments] {
            let name = context.text(argument.name)
            if spans[name] == nil { order.append(name) }
            spans[name, default: []].append(argument.name.span)
        }
        for name in order {
            guard let found = spans[name], found.count > 1 else { continue }
            context.report(.duplicateArgument(name), spans: found)
        }
    }
}
