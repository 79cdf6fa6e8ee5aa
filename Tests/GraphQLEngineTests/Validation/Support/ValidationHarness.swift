import Testing

@testable import GraphQLEngine

/// An error as a test expects it: the message, and the line and column of each location.
struct ExpectedError: Hashable, CustomStringConvertible {
    let message: String
    let locations: [GraphQLEngine.SourceLocation]

    var description: String { "\(message) at \(locations.map(\.description).joined(separator: ", "))" }
}

/// `error("Unknown fragment \"F\".", at: (3, 7))`
func error(_ message: String, at locations: (Int, Int)...) -> ExpectedError {
    ExpectedError(message: message, locations: locations.map { GraphQLEngine.SourceLocation(line: $0.0, column: $0.1) })
}

/// The errors `rules` find in `document`, as message and line/column.
func validationErrors(
    _ rules: [any ValidationRule.Type], _ document: String, schema: Schema = validationSchema,
    options: ValidationOptions = .specOnly
) throws -> [ExpectedError] {
    let source = Source(document)
    let parsed = try Parser.parse(source)
    return Validator.errors(in: parsed, against: schema, options: options, rules: rules).map { found in
        ExpectedError(message: found.message, locations: found.locations(in: source))
    }
}

/// Checks that one rule finds exactly `expected` in `document`, in order.
func expectErrors(
    _ rule: any ValidationRule.Type, _ document: String, _ expected: [ExpectedError],
    schema: Schema = validationSchema, options: ValidationOptions = .specOnly,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    do {
        let found = try validationErrors([rule], document, schema: schema, options: options)
        #expect(found == expected, sourceLocation: sourceLocation)
    } catch {
        Issue.record("the test document does not parse: \(error)", sourceLocation: sourceLocation)
    }
}

/// Checks that one rule finds nothing wrong with `document`.
func expectValid(
    _ rule: any ValidationRule.Type, _ document: String, schema: Schema = validationSchema,
    options: ValidationOptions = .specOnly, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    expectErrors(rule, document, [], schema: schema, options: options, sourceLocation: sourceLocation)
}
