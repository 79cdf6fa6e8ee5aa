import GraphQLEngine
import Testing

/// What went wrong reading a printed literal back inside a document.
struct ReadBackError: Error, CustomStringConvertible {
    var description: String
}

/// Reads a value literal back as the one argument of a field, `{ f(a: <literal>) }`, with
/// locations dropped: a printed value must read back the same wherever it is written.
func parseValueContent(_ literal: String) throws -> Value {
    let document = try parseContent("{ f(a: " + literal + ") }")
    guard case .operation(let operation)? = document.definitions.first,
        case .field(let field)? = operation.selectionSet.selections.first,
        let argument = field.arguments.first, document.definitions.count == 1, field.arguments.count == 1
    else { throw ReadBackError(description: "\(literal) is not one value: \(document)") }
    return argument.value
}

/// Reads a type literal back as the type of a variable, `query ($v: <literal>) { f }`.
func parseTypeContent(_ literal: String) throws -> TypeReference {
    let document = try parseContent("query ($v: " + literal + ") { f }")
    guard case .operation(let operation)? = document.definitions.first,
        let variable = operation.variableDefinitions.first, document.definitions.count == 1,
        operation.variableDefinitions.count == 1
    else { throw ReadBackError(description: "\(literal) is not one type: \(document)") }
    return variable.type
}
