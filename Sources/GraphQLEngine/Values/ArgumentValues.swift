/// Spec 6.4.1 "Coercing Field Arguments" (CoerceArgumentValues), for a field or a
/// directive: the arguments it is given in `document`, coerced to the types its
/// definition declares, with the defaults of those not given and the (already coerced)
/// values of the variables it is given.
///
/// An argument not given, or given a variable that has no value, takes its default, or
/// is left out without one: a resolver can tell an argument left out from an explicit
/// null. The first problem is thrown (an execution error, spec 6.4.1), worded as graphql-js
/// words it: a missing argument at `location` (the field or directive), the others at the
/// value. Validation rules out most of them; a variable without a value for a non-null
/// argument and a null variable for a non-null argument it cannot.
public func coerceArgumentValues(
    _ definitions: [SchemaInputValue], given arguments: NodeList<Argument>, at location: SourceSpan,
    in document: Valid<Document>, variables: [String: InputValue]
) throws(GraphQLError) -> [String: InputValue] {
    try coerceArgumentValues(
        definitions, given: arguments, at: location, in: document.value, schema: document.schema, variables: variables)
}

/// The same for a document that has not been validated.
func coerceArgumentValues(
    _ definitions: [SchemaInputValue], given arguments: NodeList<Argument>, at location: SourceSpan,
    in document: Document, schema: Schema, variables: [String: InputValue]
) throws(GraphQLError) -> [String: InputValue] {
    var coerced: [String: InputValue] = [:]
    let given = document[arguments]
    for definition in definitions {
        // An argument given twice is invalid; the last one stands, as in graphql-js.
        let argument = given.last { document.name($0.name, is: definition.name) }
        if let value = try argumentValue(definition, argument, at: location, in: document, schema, variables) {
            coerced[definition.name] = value
        }
    }
    return coerced
}

/// One argument's value, or nil where it is left out.
private func argumentValue(
    _ definition: SchemaInputValue, _ argument: Argument?, at location: SourceSpan, in document: Document,
    _ schema: Schema, _ variables: [String: InputValue]
) throws(GraphQLError) -> InputValue? {
    func failure(_ message: String, at span: SourceSpan) -> GraphQLError {
        GraphQLError(message: message, locations: [document.source.location(of: Int(span.start))])
    }
    let name = definition.name
    let type = definition.type
    guard let argument else {
        if let defaultValue = definition.defaultValue { return schema.coercedDefault(defaultValue, to: type) }
        guard !type.isNonNull else {
            throw failure(
                "Argument \"\(name)\" of required type \"\(schema.describe(type))\" was not provided.", at: location)
        }
        return nil
    }
    let value = document[argument.value]
    var isNull = false
    var variableValue: InputValue?
    switch value {
    case .variable(let variable):
        let variableName = document.text(variable.name)
        guard let given = variables[variableName] else {
            if let defaultValue = definition.defaultValue { return schema.coercedDefault(defaultValue, to: type) }
            guard !type.isNonNull else {
                throw failure(
                    "Argument \"\(name)\" of required type \"\(schema.describe(type))\" was provided the variable "
                        + "\"$\(variableName)\" which was not provided a runtime value.",
                    at: value.span)
            }
            return nil
        }
        isNull = given == .null
        variableValue = given
    case .null:
        isNull = true
    default:
        break
    }
    if isNull, type.isNonNull {
        throw failure(
            "Argument \"\(name)\" of non-null type \"\(schema.describe(type))\" must not be null.", at: value.span)
    }
    // A variable's value was coerced with the variables (CoerceVariableValues), to a type
    // validation found compatible: it is the argument's value as it is, not coerced again.
    if let variableValue { return variableValue }
    // Variables inside a list or object are replaced by their values, already coerced to
    // the variables' types; coercing them again as literals changes nothing that
    // validation let through.
    var coercion = InputCoercion(schema: schema, origin: .literal)
    guard let input = InputValue(value, in: document, variables: variables), let coerced = coercion.coerce(input, to: type)
    else {
        let printed = Printer.print(document.tree(of: value, keepingLocations: false))
        throw failure("Argument \"\(name)\" has invalid value \(printed).", at: value.span)
    }
    return coerced
}
