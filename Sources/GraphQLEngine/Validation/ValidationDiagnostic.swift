/// Everything validation can find wrong with an operation document (spec 5), one case
/// each, with the data its message needs. `message` words it as graphql-js does; `rule`
/// names the rule that reports it.
///
/// Types are given as printed (`[User!]!`); suggestions are the "Did you mean" candidates,
/// best first.
public enum ValidationDiagnostic: Hashable, Sendable {
    // ExecutableDefinitions
    case nonExecutableDefinition(String)
    // UniqueOperationNames, LoneAnonymousOperation, KnownOperationTypes
    case duplicateOperationName(String)
    case anonymousOperationNotAlone
    case unsupportedOperation(OperationType)
    // SingleFieldSubscriptions
    case subscriptionNotSingleField(operation: String?)
    case subscriptionIntrospectionField(operation: String?)
    case subscriptionRootDirective(operation: String?)
    // KnownTypeNames, FragmentsOnCompositeTypes, VariablesAreInputTypes
    case unknownType(String, suggestions: [String])
    case inlineFragmentOnNonCompositeType(type: String)
    case fragmentOnNonCompositeType(fragment: String, type: String)
    case variableNotInputType(variable: String, type: String)
    // ScalarLeafs, FieldsOnCorrectType
    case selectionOnLeafField(field: String, type: String)
    case missingSubselection(field: String, type: String)
    case unknownField(field: String, type: String, typeSuggestions: [String], fieldSuggestions: [String])
    // Fragments
    case duplicateFragmentName(String)
    case unknownFragment(String)
    case unusedFragment(String)
    case impossibleFragmentSpread(fragment: String?, parentType: String, fragmentType: String)
    case fragmentCycle(fragment: String, via: [String])
    // Variables
    case duplicateVariableName(String)
    case undefinedVariable(variable: String, operation: String?)
    case unusedVariable(variable: String, operation: String?)
    case variableInWrongPosition(variable: String, variableType: String, expectedType: String)
    // Directives
    case unknownDirective(String)
    case misplacedDirective(String, location: DirectiveLocation)
    case duplicateDirective(String)
    // Arguments
    case unknownFieldArgument(argument: String, type: String, field: String, suggestions: [String])
    case unknownDirectiveArgument(argument: String, directive: String, suggestions: [String])
    case duplicateArgument(String)
    case missingFieldArgument(field: String, argument: String, type: String)
    case missingDirectiveArgument(directive: String, argument: String, type: String)
    // Values
    case badValue(type: String, value: String, reason: String?)
    case badEnumValue(type: String, value: String, suggestions: [String])
    case nonEnumValue(type: String, value: String, suggestions: [String])
    case missingInputField(type: String, field: String, fieldType: String)
    case unknownInputField(field: String, type: String, suggestions: [String])
    case oneOfNotExactlyOneField(type: String)
    case oneOfNullField(type: String, field: String)
    case oneOfNullableVariable(variable: String, type: String)
    case duplicateInputField(String)
    // OverlappingFieldsCanBeMerged
    case fieldsConflict(responseName: String, reason: ConflictReason)
    // Limits
    case introspectionTooDeep
    case introspectionDisabled(field: String)
    case tooDeep(depth: Int, maximum: Int)
    case tooManyAliases(count: Int, maximum: Int)
    case tooManyRootFields(count: Int, maximum: Int)
    case tooManyErrors

    /// Why two fields with one response name cannot be merged: their own difference, or
    /// the conflicts among their subfields.
    public indirect enum ConflictReason: Hashable, Sendable {
        case differentFields(String, String)
        case differentArguments
        case differentDirectives
        case conflictingTypes(String, String)
        case subfields([Conflict])

        public var text: String {
            switch self {
            case .differentFields(let first, let second): "\"\(first)\" and \"\(second)\" are different fields"
            case .differentArguments: "they have differing arguments"
            case .differentDirectives: "they have differing stream directives"
            case .conflictingTypes(let first, let second): "they return conflicting types \"\(first)\" and \"\(second)\""
            case .subfields(let conflicts):
                conflicts.map { "subfields \"\($0.responseName)\" conflict because \($0.reason.text)" }
                    .joined(separator: " and ")
            }
        }
    }

    public struct Conflict: Hashable, Sendable {
        public let responseName: String
        public let reason: ConflictReason

        public init(responseName: String, reason: ConflictReason) {
            self.responseName = responseName
            self.reason = reason
        }
    }

    public var message: String {
        switch self {
        case .nonExecutableDefinition(let name):
            "The \"\(name)\" definition is not executable."
        case .duplicateOperationName(let name):
            "There can be only one operation named \"\(name)\"."
        case .anonymousOperationNotAlone:
            "This anonymous operation must be the only defined operation."
        case .unsupportedOperation(let operation):
            "The \(operation.rawValue) operation is not supported by the schema."
        case .subscriptionNotSingleField(let operation):
            Self.subscription(operation) + " must select only one top level field."
        case .subscriptionIntrospectionField(let operation):
            Self.subscription(operation) + " must not select an introspection top level field."
        case .subscriptionRootDirective(let operation):
            Self.subscription(operation) + " must not use `@skip` or `@include` directives in the top level selection."
        case .unknownType(let name, let suggestions):
            RuleMessage.unknownType(name, suggestions: suggestions)
        case .inlineFragmentOnNonCompositeType(let type):
            "Fragment cannot condition on non composite type \"\(type)\"."
        case .fragmentOnNonCompositeType(let fragment, let type):
            "Fragment \"\(fragment)\" cannot condition on non composite type \"\(type)\"."
        case .variableNotInputType(let variable, let type):
            "Variable \"$\(variable)\" cannot be non-input type \"\(type)\"."
        case .selectionOnLeafField(let field, let type):
            "Field \"\(field)\" must not have a selection since type \"\(type)\" has no subfields."
        case .missingSubselection(let field, let type):
            "Field \"\(field)\" of type \"\(type)\" must have a selection of subfields. Did you mean \"\(field) { ... }\"?"
        case .unknownField(let field, let type, let typeSuggestions, let fieldSuggestions):
            "Cannot query field \"\(field)\" on type \"\(type)\"."
                + (typeSuggestions.isEmpty
                    ? Suggestion.didYouMean(fieldSuggestions)
                    : Suggestion.didYouMean(typeSuggestions, subject: "to use an inline fragment on"))
        case .duplicateFragmentName(let name):
            "There can be only one fragment named \"\(name)\"."
        case .unknownFragment(let name):
            "Unknown fragment \"\(name)\"."
        case .unusedFragment(let name):
            "Fragment \"\(name)\" is never used."
        case .impossibleFragmentSpread(let fragment, let parentType, let fragmentType):
            (fragment.map { "Fragment \"\($0)\" cannot be spread here" } ?? "Fragment cannot be spread here")
                + " as objects of type \"\(parentType)\" can never be of type \"\(fragmentType)\"."
        case .fragmentCycle(let fragment, let via):
            "Cannot spread fragment \"\(fragment)\" within itself"
                + (via.isEmpty ? "" : " via " + via.map { "\"\($0)\"" }.joined(separator: ", ")) + "."
        case .duplicateVariableName(let name):
            "There can be only one variable named \"$\(name)\"."
        case .undefinedVariable(let variable, let operation):
            "Variable \"$\(variable)\" is not defined" + (operation.map { " by operation \"\($0)\"" } ?? "") + "."
        case .unusedVariable(let variable, let operation):
            "Variable \"$\(variable)\" is never used" + (operation.map { " in operation \"\($0)\"" } ?? "") + "."
        case .variableInWrongPosition(let variable, let variableType, let expectedType):
            "Variable \"$\(variable)\" of type \"\(variableType)\" used in position expecting type \"\(expectedType)\"."
        case .unknownDirective(let name):
            RuleMessage.unknownDirective(name)
        case .misplacedDirective(let name, let location):
            RuleMessage.misplacedDirective(name, location: location)
        case .duplicateDirective(let name):
            RuleMessage.duplicateDirective(name)
        case .unknownFieldArgument(let argument, let type, let field, let suggestions):
            "Unknown argument \"\(argument)\" on field \"\(type).\(field)\"." + Suggestion.didYouMean(suggestions)
        case .unknownDirectiveArgument(let argument, let directive, let suggestions):
            RuleMessage.unknownDirectiveArgument(argument, directive: directive, suggestions: suggestions)
        case .duplicateArgument(let name):
            RuleMessage.duplicateArgument(name)
        case .missingFieldArgument(let field, let argument, let type):
            "Field \"\(field)\" argument \"\(argument)\" of type \"\(type)\" is required, but it was not provided."
        case .missingDirectiveArgument(let directive, let argument, let type):
            RuleMessage.missingDirectiveArgument(argument, directive: directive, type: type)
        case .badValue(let type, let value, let reason):
            reason ?? "Expected value of type \"\(type)\", found \(value)."
        case .badEnumValue(let type, let value, let suggestions):
            "Value \"\(value)\" does not exist in \"\(type)\" enum."
                + Suggestion.didYouMean(suggestions, subject: "the enum value")
        case .nonEnumValue(let type, let value, let suggestions):
            "Enum \"\(type)\" cannot represent non-enum value: \(value)."
                + Suggestion.didYouMean(suggestions, subject: "the enum value")
        case .missingInputField(let type, let field, let fieldType):
            "Field \"\(type).\(field)\" of required type \"\(fieldType)\" was not provided."
        case .unknownInputField(let field, let type, let suggestions):
            "Field \"\(field)\" is not defined by type \"\(type)\"." + Suggestion.didYouMean(suggestions)
        case .oneOfNotExactlyOneField(let type):
            "OneOf Input Object \"\(type)\" must specify exactly one key."
        case .oneOfNullField(let type, let field):
            "Field \"\(type).\(field)\" must be non-null."
        case .oneOfNullableVariable(let variable, let type):
            "Variable \"$\(variable)\" must be non-nullable to be used for OneOf Input Object \"\(type)\"."
        case .duplicateInputField(let name):
            "There can be only one input field named \"\(name)\"."
        case .fieldsConflict(let responseName, let reason):
            "Fields \"\(responseName)\" conflict because \(reason.text). "
                + "Use different aliases on the fields to fetch both if this was intentional."
        case .introspectionTooDeep:
            "Maximum introspection depth exceeded"
        case .introspectionDisabled(let field):
            "GraphQL introspection has been disabled, but the requested query contained the field \"\(field)\"."
        case .tooDeep(let depth, let maximum):
            "Query depth \(depth) exceeds the maximum of \(maximum)."
        case .tooManyAliases(let count, let maximum):
            "Operation has \(count) aliases, more than the maximum of \(maximum)."
        case .tooManyRootFields(let count, let maximum):
            "Operation selects \(count) root fields, more than the maximum of \(maximum)."
        case .tooManyErrors:
            "Too many validation errors, error limit reached. Validation aborted."
        }
    }

    private static func subscription(_ operation: String?) -> String {
        operation.map { "Subscription \"\($0)\"" } ?? "Anonymous Subscription"
    }

    /// The rule that reports this diagnostic, named as the reference implementation names it.
    public var rule: String {
        switch self {
        case .nonExecutableDefinition: "ExecutableDefinitions"
        case .duplicateOperationName: "UniqueOperationNames"
        case .anonymousOperationNotAlone: "LoneAnonymousOperation"
        case .unsupportedOperation: "KnownOperationTypes"
        case .subscriptionNotSingleField, .subscriptionIntrospectionField, .subscriptionRootDirective:
            "SingleFieldSubscriptions"
        case .unknownType: "KnownTypeNames"
        case .inlineFragmentOnNonCompositeType, .fragmentOnNonCompositeType: "FragmentsOnCompositeTypes"
        case .variableNotInputType: "VariablesAreInputTypes"
        case .selectionOnLeafField, .missingSubselection: "ScalarLeafs"
        case .unknownField: "FieldsOnCorrectType"
        case .duplicateFragmentName: "UniqueFragmentNames"
        case .unknownFragment: "KnownFragmentNames"
        case .unusedFragment: "NoUnusedFragments"
        case .impossibleFragmentSpread: "PossibleFragmentSpreads"
        case .fragmentCycle: "NoFragmentCycles"
        case .duplicateVariableName: "UniqueVariableNames"
        case .undefinedVariable: "NoUndefinedVariables"
        case .unusedVariable: "NoUnusedVariables"
        case .variableInWrongPosition: "VariablesInAllowedPosition"
        case .unknownDirective, .misplacedDirective: "KnownDirectives"
        case .duplicateDirective: "UniqueDirectivesPerLocation"
        case .unknownFieldArgument, .unknownDirectiveArgument: "KnownArgumentNames"
        case .duplicateArgument: "UniqueArgumentNames"
        case .missingFieldArgument, .missingDirectiveArgument: "ProvidedRequiredArguments"
        case .badValue, .badEnumValue, .nonEnumValue, .missingInputField, .unknownInputField, .oneOfNotExactlyOneField,
            .oneOfNullField:
            "ValuesOfCorrectType"
        case .oneOfNullableVariable: "VariablesInAllowedPosition"
        case .duplicateInputField: "UniqueInputFieldNames"
        case .fieldsConflict: "OverlappingFieldsCanBeMerged"
        case .introspectionTooDeep: "MaxIntrospectionDepth"
        case .introspectionDisabled: "NoSchemaIntrospectionCustom"
        case .tooDeep: "MaxDepth"
        case .tooManyAliases: "MaxAliases"
        case .tooManyRootFields: "MaxRootFields"
        case .tooManyErrors: "MaxErrors"
        }
    }
}
