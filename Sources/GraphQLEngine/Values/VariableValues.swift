/// Spec 6.1.2 "Coercing Variable Values": the values a request gives an operation's
/// variables, coerced to the variables' types, with the defaults of those not given.
///
/// A variable without a value and without a default is left out, which is not the same
/// as null: an argument given that variable falls back to its own default (spec 6.4.1).
/// Every problem is reported, not only the first, as graphql-js does, each at the
/// definition of the variable it concerns.
public func coerceVariableValues(
    of operation: OperationDefinition, in document: Valid<Document>, inputs: [String: InputValue]
) throws(VariableValuesError) -> [String: InputValue] {
    try coerceVariableValues(of: operation, in: document.value, schema: document.schema, inputs: inputs)
}

/// Why a request's variables cannot be used; the operation is not executed (a request
/// error, spec 7.1.2).
public struct VariableValuesError: Error, Hashable, Sendable {
    /// Every problem, in the order the variables are defined, each at its definition.
    public let errors: [GraphQLError]
}

/// The same for a document that has not been validated: a variable whose type is unknown
/// or not an input type is an error here too.
func coerceVariableValues(
    of operation: OperationDefinition, in document: Document, schema: Schema, inputs: [String: InputValue],
    maxErrors: Int = 50
) throws(VariableValuesError) -> [String: InputValue] {
    var coercion = VariableCoercion(document: document, schema: schema, maxErrors: maxErrors)
    for definition in document[operation.variableDefinitions] {
        coercion.coerce(definition, inputs: inputs)
        if coercion.isAborted { break }
    }
    guard coercion.errors.isEmpty else { throw VariableValuesError(errors: coercion.errors) }
    return coercion.values
}

/// The state of coercing one operation's variables: the values so far and the errors.
private struct VariableCoercion {
    let document: Document
    let schema: Schema
    let maxErrors: Int
    private(set) var values: [String: InputValue] = [:]
    private(set) var errors: [GraphQLError] = []
    private(set) var isAborted = false

    init(document: Document, schema: Schema, maxErrors: Int) {
        self.document = document
        self.schema = schema
        self.maxErrors = maxErrors
    }

    mutating func coerce(_ definition: VariableDefinition, inputs: [String: InputValue]) {
        let name = document.text(definition.variable.name)
        guard let type = inputType(of: definition.type) else {
            let printed = Printer.print(document.tree(of: definition.type, keepingLocations: false))
            report(
                "Variable \"$\(name)\" expected value of type \"\(printed)\" which cannot be used as an input type.",
                at: Self.span(of: definition.type))
            return
        }
        guard let given = inputs[name] else {
            if let defaultValue = definition.defaultValue {
                // A default that does not coerce is left out, as if there were none;
                // validation (ValuesOfCorrectType) keeps such documents away.
                if let value = coercedDefault(document[defaultValue], to: type) { values[name] = value }
            } else if type.isNonNull {
                report(
                    "Variable \"$\(name)\" of required type \"\(schema.describe(type))\" was not provided.",
                    at: definition.span)
            }
            return
        }
        if given == .null, type.isNonNull {
            report(
                "Variable \"$\(name)\" of non-null type \"\(schema.describe(type))\" must not be null.",
                at: definition.span)
            return
        }
        var coercion = InputCoercion(schema: schema, origin: .variable)
        let coerced = coercion.coerce(given, to: type)
        for failure in coercion.failures {
            let at = failure.path.isEmpty ? "" : " at \"\(name)\(failure.printedPath)\""
            let message = "Variable \"$\(name)\" got invalid value \(failure.value)\(at); \(failure.message)"
            report(message, at: definition.span)
            if isAborted { return }
        }
        if let coerced { values[name] = coerced }
    }

    /// The schema type a variable is declared with, if it names an input type.
    private func inputType(of reference: TypeReference) -> TypeRef? {
        switch reference {
        case .named(let name):
            guard let type = schema.type(named: document.text(name)), type.kind.isInput else { return nil }
            return .named(type.id)
        case .list(let inner, _): return inputType(of: document[inner]).map { .list($0) }
        case .nonNull(let inner, _): return inputType(of: document[inner]).map { .nonNull($0) }
        }
    }

    private func coercedDefault(_ literal: Value, to type: TypeRef) -> InputValue? {
        guard let value = InputValue(literal, in: document) else { return nil }
        var coercion = InputCoercion(schema: schema, origin: .literal)
        return coercion.coerce(value, to: type)
    }

    private static func span(of type: TypeReference) -> SourceSpan {
        switch type {
        case .named(let name): name.span
        case .list(_, let span), .nonNull(_, let span): span
        }
    }

    /// Past `maxErrors`, one last error says so and the rest are not looked for.
    private mutating func report(_ message: String, at span: SourceSpan) {
        guard errors.count < maxErrors else {
            errors.append(
                GraphQLError(message: "Too many errors processing variables, error limit reached. Execution aborted."))
            isAborted = true
            return
        }
        errors.append(GraphQLError(message: message, locations: [document.source.location(of: Int(span.start))]))
    }
}
