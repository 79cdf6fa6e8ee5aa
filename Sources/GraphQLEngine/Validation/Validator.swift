/// Validation of an operation document against a schema (spec 5).
public enum Validator {
    /// The document, as `Valid`, if every rule passes; else every error found (up to
    /// `options.maxErrors`), in document order per rule.
    public static func validate(
        _ document: Document, against schema: Schema, options: ValidationOptions = ValidationOptions()
    ) throws(ValidationFailure) -> Valid<Document> {
        let errors = errors(in: document, against: schema, options: options)
        guard errors.isEmpty else { throw ValidationFailure(errors: errors, source: document.source) }
        return Valid(document, schema: schema)
    }

    /// Every error the rules find, without making a `Valid` document.
    public static func errors(
        in document: Document, against schema: Schema, options: ValidationOptions = ValidationOptions()
    ) -> [ValidationError] {
        errors(in: document, against: schema, options: options, rules: rules(for: options))
    }

    static func errors(
        in document: Document, against schema: Schema, options: ValidationOptions,
        rules: [any ValidationRule.Type]
    ) -> [ValidationError] {
        let context = ValidationContext(document: document, schema: schema, options: options)
        var walk = ValidationWalk(rules: rules, context: context)
        walk.walkDocument()
        return context.errors
    }

    /// The spec's rules (spec 5), in the reference implementation's order.
    static var specifiedRules: [any ValidationRule.Type] {
        [
            ExecutableDefinitionsRule.self,
            UniqueOperationNamesRule.self,
            LoneAnonymousOperationRule.self,
            KnownOperationTypesRule.self,
            SingleFieldSubscriptionsRule.self,
            KnownTypeNamesRule.self,
            FragmentsOnCompositeTypesRule.self,
            VariablesAreInputTypesRule.self,
            ScalarLeafsRule.self,
            FieldsOnCorrectTypeRule.self,
            UniqueFragmentNamesRule.self,
            KnownFragmentNamesRule.self,
            NoUnusedFragmentsRule.self,
            PossibleFragmentSpreadsRule.self,
            NoFragmentCyclesRule.self,
            UniqueVariableNamesRule.self,
            NoUndefinedVariablesRule.self,
            NoUnusedVariablesRule.self,
            KnownDirectivesRule.self,
            UniqueDirectivesPerLocationRule.self,
            KnownArgumentNamesRule.self,
            UniqueArgumentNamesRule.self,
            ValuesOfCorrectTypeRule.self,
            ProvidedRequiredArgumentsRule.self,
            VariablesInAllowedPositionRule.self,
            OverlappingFieldsCanBeMergedRule.self,
            UniqueInputFieldNamesRule.self,
        ]
    }

    static func rules(for options: ValidationOptions) -> [any ValidationRule.Type] {
        var rules = specifiedRules
        if options.maxIntrospectionDepth != nil { rules.append(MaxIntrospectionDepthRule.self) }
        if !options.allowsIntrospection { rules.append(NoSchemaIntrospectionCustomRule.self) }
        if let limits = options.limits {
            if limits.maxDepth != nil { rules.append(MaxDepthRule.self) }
            if limits.maxAliases != nil { rules.append(MaxAliasesRule.self) }
            if limits.maxRootFields != nil { rules.append(MaxRootFieldsRule.self) }
        }
        return rules
    }
}

/// Why a document did not validate: every error found, with the source they point into.
public struct ValidationFailure: Error, Sendable {
    public let errors: [ValidationError]
    public let source: Source

    /// The errors as a response carries them (spec 7.1.2).
    public var graphQLErrors: [GraphQLError] { errors.map { $0.graphQLError(in: source) } }
}
