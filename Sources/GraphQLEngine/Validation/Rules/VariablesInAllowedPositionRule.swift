/// Spec 5.8.5 "All Variable Usages Are Allowed": every usage of a variable, in the
/// operation or a fragment it reaches, must pass IsVariableUsageAllowed against the
/// operation's definition of the variable, since the value a request gives for the
/// variable ends up where it is used.
///
/// A nullable variable may fill a non-null position only when the variable has a default
/// that is not `null` or the position (argument or input field) has a default. A field of
/// a `@oneOf` input object counts as a non-null position (IsNonNullPosition): a nullable
/// variable there is reported as such, since the object's one field must not be null. As
/// the spec says, a non-null default lets it through (graphql-js reports it all the same).
///
/// Fragments may be defined after the operations that spread them, so the check waits for
/// the end of the document, when every usage is known. Usages of undefined variables, of
/// variables of unknown types and at positions of unknown type are other rules' concern.
struct VariablesInAllowedPositionRule: ValidationRule {
    static let events: ValidationEvents = [.document, .value]

    /// Where the variables written as the value of an input object field are: the only
    /// usages a `@oneOf` parent makes non-null (a list item's parent may be an input
    /// object type too, when a list is given for a single input object).
    private var objectFieldVariables: Set<SourceSpan> = []

    mutating func enterValue(_ value: Value, _ context: ValidationContext) {
        guard case .object(let fields, _) = value else { return }
        for field in context.document[fields] {
            if case .variable(let variable) = context.document[field.value] { objectFieldVariables.insert(variable.span) }
        }
    }

    mutating func leaveDocument(_ context: ValidationContext) {
        for (operation, index) in context.operations { check(operation, at: index, context) }
    }

    private func check(_ operation: OperationDefinition, at index: Int, _ context: ValidationContext) {
        var definitions: [String: VariableDefinition] = [:]
        for definition in context.document[operation.variableDefinitions] {
            let name = context.text(definition.variable.name)
            if definitions[name] == nil { definitions[name] = definition }
        }
        for usage in context.recursiveVariableUsages(ofDefinitionAt: index, selectionSet: operation.selectionSet) {
            let name = context.text(usage.variable.name)
            guard let definition = definitions[name], let locationType = usage.type,
                let variableType = context.resolve(definition.type)
            else { continue }
            check(usage, of: definition, typed: variableType, at: locationType, context)
        }
    }

    /// Why a usage is not allowed, if it is not.
    private enum Verdict {
        case allowed
        case wrongPosition
        /// A nullable variable as the field of this `@oneOf` input object.
        case nullableForOneOf(NamedType)
    }

    private func check(
        _ usage: ValidationContext.VariableUsage, of definition: VariableDefinition, typed variableType: TypeRef,
        at locationType: TypeRef, _ context: ValidationContext
    ) {
        let name = context.text(usage.variable.name)
        switch verdict(usage, of: definition, typed: variableType, at: locationType, context) {
        case .allowed:
            break
        case .wrongPosition:
            let diagnostic = ValidationDiagnostic.variableInWrongPosition(
                variable: name, variableType: context.schema.describe(variableType),
                expectedType: context.schema.describe(locationType))
            context.report(diagnostic, definition.span, usage.variable.span)
        case .nullableForOneOf(let type):
            context.report(.oneOfNullableVariable(variable: name, type: type.name), definition.span, usage.variable.span)
        }
    }

    /// IsVariableUsageAllowed(variableDefinition, variableUsage).
    private func verdict(
        _ usage: ValidationContext.VariableUsage, of definition: VariableDefinition, typed variableType: TypeRef,
        at locationType: TypeRef, _ context: ValidationContext
    ) -> Verdict {
        let oneOfType = oneOfParent(of: usage, context)
        guard locationType.isNonNull || oneOfType != nil, !variableType.isNonNull else {
            return Self.areTypesCompatible(variableType, locationType) ? .allowed : .wrongPosition
        }
        // A non-null position, which a nullable variable may fill only given a default.
        guard Self.hasNonNullDefault(definition, context) || usage.positionHasDefault else {
            if !locationType.isNonNull, let oneOfType { return .nullableForOneOf(oneOfType) }
            return .wrongPosition
        }
        return Self.areTypesCompatible(variableType, locationType.nullable) ? .allowed : .wrongPosition
    }

    /// The `@oneOf` input object a usage is a field of, if it is one (IsNonNullPosition).
    private func oneOfParent(of usage: ValidationContext.VariableUsage, _ context: ValidationContext) -> NamedType? {
        guard objectFieldVariables.contains(usage.variable.span), let parent = usage.parentInputType else { return nil }
        let type = context.schema[parent.namedType]
        return type.kind == .inputObject && type.isOneOf ? type : nil
    }

    /// "a default value exists for variableDefinition and is not the value null".
    private static func hasNonNullDefault(_ definition: VariableDefinition, _ context: ValidationContext) -> Bool {
        guard let defaultValue = definition.defaultValue else { return false }
        if case .null = context.document[defaultValue] { return false }
        return true
    }

    /// AreTypesCompatible(variableType, locationType): the same named type, in the same
    /// lists, with a non-null wherever the location has one.
    static func areTypesCompatible(_ variableType: TypeRef, _ locationType: TypeRef) -> Bool {
        switch (variableType, locationType) {
        case (.nonNull(let variableInner), .nonNull(let locationInner)):
            areTypesCompatible(variableInner, locationInner)
        case (_, .nonNull):
            false
        case (.nonNull(let variableInner), _):
            areTypesCompatible(variableInner, locationType)
        case (.list(let variableItem), .list(let locationItem)):
            areTypesCompatible(variableItem, locationItem)
        case (_, .list), (.list, _):
            false
        case (.named(let variableNamed), .named(let locationNamed)):
            variableNamed == locationNamed
        }
    }
}
