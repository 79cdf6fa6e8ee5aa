/// Everything that can be wrong with a schema's SDL (spec 3, and the SDL rules of the
/// reference implementation), one case each; `message` words it as graphql-js does, or,
/// for the rules graphql-js does not check (a coercion for an unknown scalar, extending
/// a built-in type, the cycles of directives), in the same manner.
///
/// Type references are given as printed (`[User!]!`), coordinates as the spec's schema
/// coordinates (`User.friends(first:)`).
public enum SchemaDiagnostic: Hashable, Sendable {
    // Documents
    case syntaxError(String)
    case notTypeSystemDefinition(String)
    case loneSchemaDefinition
    case duplicateOperationType(OperationType)
    case operationTypeAlreadyDefined(OperationType)
    case duplicateTypeName(String)
    case builtInTypeRedefined(String)
    case builtInTypeExtended(String)
    case duplicateDirectiveName(String)
    case builtInDirectiveRedefined(String)
    case duplicateFieldDefinition(type: String, field: String)
    case duplicateEnumValue(type: String, value: String)
    case duplicateArgumentDefinition(coordinate: String, argument: String)
    case unknownType(String, suggestions: [String])
    case extensionOfUnknownType(String, suggestions: [String])
    case extensionOfWrongKind(String, kind: String)
    case oneOfOnExtension(type: String)
    case coercionForUnknownScalar(String)
    // Applied directives
    case unknownDirective(String)
    case misplacedDirective(String, location: DirectiveLocation)
    case duplicateDirective(String)
    case unknownDirectiveArgument(directive: String, argument: String, suggestions: [String])
    case duplicateArgument(String)
    case duplicateInputField(String)
    case missingDirectiveArgument(directive: String, argument: String, type: String)
    case invalidDirectiveArgument(directive: String, argument: String, reason: String)
    case invalidDefaultValue(coordinate: String, reason: String)
    // Root operation types
    case missingQueryType
    case rootTypeNotObject(OperationType, type: String)
    case rootTypesShared(type: String, operations: [OperationType])
    // Names
    case reservedName(String)
    // Objects and interfaces
    case noFields(type: String)
    case fieldNotOutputType(coordinate: String, type: String)
    case argumentNotInputType(coordinate: String, type: String)
    case requiredArgumentDeprecated(coordinate: String)
    case implementsNonInterface(type: String, implemented: String)
    case implementsItself(type: String)
    case implementsTwice(type: String, interface: String)
    case circularImplementation(type: String, interface: String)
    case missingTransitiveInterface(type: String, missing: String, via: String)
    case interfaceFieldMissing(interface: String, field: String, type: String)
    case interfaceFieldTypeMismatch(interface: String, field: String, expected: String, type: String, actual: String)
    case interfaceArgumentMissing(interface: String, field: String, argument: String, type: String)
    case interfaceArgumentTypeMismatch(
        interface: String, field: String, argument: String, expected: String, type: String, actual: String)
    case extraRequiredArgument(type: String, field: String, argument: String, argumentType: String, interface: String)
    case deprecatedImplementationField(interface: String, field: String, type: String)
    // Unions, enums, input objects
    case noUnionMembers(union: String)
    case duplicateUnionMember(union: String, member: String)
    case unionMemberNotObject(union: String, member: String)
    case noEnumValues(type: String)
    case noInputFields(type: String)
    case inputFieldNotInputType(coordinate: String, type: String)
    case requiredInputFieldDeprecated(coordinate: String)
    case oneOfFieldNonNull(coordinate: String)
    case oneOfFieldDefault(coordinate: String)
    case inputObjectCycle(type: String, path: [String])
    case defaultValueCycle(coordinate: String, via: [String])
    // Directives
    case directiveReferencesItself(directive: String, path: [String])

    public var message: String {
        switch self {
        case .syntaxError(let message):
            message
        case .notTypeSystemDefinition(let name):
            "The \(name) definition is not allowed in a schema: SDL holds type system definitions only."
        case .loneSchemaDefinition:
            "Must provide only one schema definition."
        case .duplicateOperationType(let operation):
            "There can be only one \(operation.rawValue) type in schema."
        case .operationTypeAlreadyDefined(let operation):
            "Type for \(operation.rawValue) already defined in the schema. It cannot be redefined."
        case .duplicateTypeName(let name):
            "There can be only one type named \"\(name)\"."
        case .builtInTypeRedefined(let name):
            "Type \"\(name)\" already exists in the schema. It cannot also be defined in this type definition."
        case .builtInTypeExtended(let name):
            "Type \"\(name)\" is built in: it cannot be extended."
        case .duplicateDirectiveName(let name):
            "There can be only one directive named \"@\(name)\"."
        case .builtInDirectiveRedefined(let name):
            "Directive \"@\(name)\" already exists in the schema. It cannot be redefined."
        case .duplicateFieldDefinition(let type, let field):
            "Field \"\(type).\(field)\" can only be defined once."
        case .duplicateEnumValue(let type, let value):
            "Enum value \"\(type).\(value)\" can only be defined once."
        case .duplicateArgumentDefinition(let coordinate, let argument):
            "Argument \"\(coordinate)(\(argument):)\" can only be defined once."
        case .unknownType(let name, let suggestions):
            RuleMessage.unknownType(name, suggestions: suggestions)
        case .extensionOfUnknownType(let name, let suggestions):
            "Cannot extend type \"\(name)\" because it is not defined." + Suggestion.didYouMean(suggestions)
        case .extensionOfWrongKind(let name, let kind):
            "Cannot extend non-\(kind) type \"\(name)\"."
        case .oneOfOnExtension(let type):
            "Directive \"@oneOf\" cannot be used on an extension of input object \"\(type)\": it belongs on the definition."
        case .coercionForUnknownScalar(let name):
            "A coercion is given for \"\(name)\", which is not a custom scalar of the schema."
        case .unknownDirective(let name):
            RuleMessage.unknownDirective(name)
        case .misplacedDirective(let name, let location):
            RuleMessage.misplacedDirective(name, location: location)
        case .duplicateDirective(let name):
            RuleMessage.duplicateDirective(name)
        case .unknownDirectiveArgument(let directive, let argument, let suggestions):
            RuleMessage.unknownDirectiveArgument(argument, directive: directive, suggestions: suggestions)
        case .duplicateArgument(let name):
            RuleMessage.duplicateArgument(name)
        case .duplicateInputField(let name):
            "There can be only one input field named \"\(name)\"."
        case .missingDirectiveArgument(let directive, let argument, let type):
            RuleMessage.missingDirectiveArgument(argument, directive: directive, type: type)
        case .invalidDirectiveArgument(let directive, let argument, let reason):
            "Argument \"@\(directive)(\(argument):)\" has invalid value: \(reason)"
        case .invalidDefaultValue(let coordinate, let reason):
            "\(coordinate) has invalid default value: \(reason)"
        case .missingQueryType:
            "Query root type must be provided."
        case .rootTypeNotObject(let operation, let type):
            operation == .query
                ? "Query root type must be Object type, it cannot be \(type)."
                : "\(operation.typeName) root type must be Object type if provided, it cannot be \(type)."
        case .rootTypesShared(let type, let operations):
            "All root types must be different, \"\(type)\" type is used as "
                + Self.andList(operations.map(\.rawValue)) + " root types."
        case .reservedName(let name):
            "Name \"\(name)\" must not begin with \"__\", which is reserved by GraphQL introspection."
        case .noFields(let type):
            "Type \(type) must define one or more fields."
        case .fieldNotOutputType(let coordinate, let type):
            "The type of \(coordinate) must be Output Type but got: \(type)."
        case .argumentNotInputType(let coordinate, let type):
            "The type of \(coordinate) must be Input Type but got: \(type)."
        case .requiredArgumentDeprecated(let coordinate):
            "Required argument \(coordinate) cannot be deprecated."
        case .implementsNonInterface(let type, let implemented):
            "Type \(type) must only implement Interface types, it cannot implement \(implemented)."
        case .implementsItself(let type):
            "Type \(type) cannot implement itself because it would create a circular reference."
        case .implementsTwice(let type, let interface):
            "Type \(type) can only implement \(interface) once."
        case .circularImplementation(let type, let interface):
            "Type \(type) cannot implement \(interface) because it would create a circular reference."
        case .missingTransitiveInterface(let type, let missing, let via):
            "Type \(type) must implement \(missing) because it is implemented by \(via)."
        case .interfaceFieldMissing(let interface, let field, let type):
            "Interface field \(interface).\(field) expected but \(type) does not provide it."
        case .interfaceFieldTypeMismatch(let interface, let field, let expected, let type, let actual):
            "Interface field \(interface).\(field) expects type \(expected) but \(type).\(field) is type \(actual)."
        case .interfaceArgumentMissing(let interface, let field, let argument, let type):
            "Interface field argument \(interface).\(field)(\(argument):) expected but \(type).\(field) does not provide it."
        case .interfaceArgumentTypeMismatch(let interface, let field, let argument, let expected, let type, let actual):
            "Interface field argument \(interface).\(field)(\(argument):) expects type \(expected) but "
                + "\(type).\(field)(\(argument):) is type \(actual)."
        case .extraRequiredArgument(let type, let field, let argument, let argumentType, let interface):
            "Argument \"\(type).\(field)(\(argument):)\" must not be required type \"\(argumentType)\" "
                + "if not provided by the Interface field \"\(interface).\(field)\"."
        case .deprecatedImplementationField(let interface, let field, let type):
            "Interface field \(interface).\(field) is not deprecated, so \(type).\(field) cannot be deprecated."
        case .noUnionMembers(let union):
            "Union type \(union) must define one or more member types."
        case .duplicateUnionMember(let union, let member):
            "Union type \(union) can only include type \(member) once."
        case .unionMemberNotObject(let union, let member):
            "Union type \(union) can only include Object types, it cannot include \(member)."
        case .noEnumValues(let type):
            "Enum type \(type) must define one or more values."
        case .noInputFields(let type):
            "Input Object type \(type) must define one or more fields."
        case .inputFieldNotInputType(let coordinate, let type):
            "The type of \(coordinate) must be Input Type but got: \(type)."
        case .requiredInputFieldDeprecated(let coordinate):
            "Required input field \(coordinate) cannot be deprecated."
        case .oneOfFieldNonNull(let coordinate):
            "OneOf input field \(coordinate) must be nullable."
        case .oneOfFieldDefault(let coordinate):
            "OneOf input field \(coordinate) cannot have a default value."
        case .inputObjectCycle(let type, let path):
            "Cannot reference Input Object \"\(type)\" within itself through a series of non-null fields: \""
                + path.joined(separator: ".") + "\"."
        case .defaultValueCycle(let coordinate, let via):
            "Invalid circular reference. The default value of Input Object field \(coordinate) references itself"
                + (via.isEmpty ? "." : " via the default values of: \(via.joined(separator: ", ")).")
        case .directiveReferencesItself(let directive, let path):
            "Directive \"@\(directive)\" cannot reference itself, directly or through the types of its arguments: \""
                + path.joined(separator: "\", \"") + "\"."
        }
    }

    /// `a`, `a and b`, `a, b, and c`.
    private static func andList(_ items: [String]) -> String {
        guard let last = items.last else { return "" }
        if items.count == 1 { return last }
        if items.count == 2 { return items[0] + " and " + last }
        return items.dropLast().joined(separator: ", ") + ", and " + last
    }
}
