/// OperationType : one of `query` `mutation` `subscription`
public enum OperationType: String, Hashable, Sendable, CaseIterable {
    case query, mutation, subscription
}

/// DirectiveLocation : ExecutableDirectiveLocation | TypeSystemDirectiveLocation
public enum DirectiveLocation: String, Hashable, Sendable, CaseIterable {
    // ExecutableDirectiveLocation
    case query = "QUERY", mutation = "MUTATION", subscription = "SUBSCRIPTION", field = "FIELD"
    case fragmentDefinition = "FRAGMENT_DEFINITION", fragmentSpread = "FRAGMENT_SPREAD"
    case inlineFragment = "INLINE_FRAGMENT", variableDefinition = "VARIABLE_DEFINITION"
    // TypeSystemDirectiveLocation
    case schema = "SCHEMA", scalar = "SCALAR", object = "OBJECT", fieldDefinition = "FIELD_DEFINITION"
    case argumentDefinition = "ARGUMENT_DEFINITION", interface = "INTERFACE", union = "UNION"
    case enumType = "ENUM", enumValue = "ENUM_VALUE", inputObject = "INPUT_OBJECT"
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"
}
