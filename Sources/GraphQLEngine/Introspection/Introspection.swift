/// Introspection (spec 4): the `__schema` and `__type` meta-fields and the fields of the
/// introspection types, resolved from the `Schema` itself.
///
/// Each introspection object is a small value holding what it describes (a type
/// reference, a field, an argument...) and the schema, so that the types it refers to
/// can be followed.
enum Introspection {
    static let typeNames: Set<String> = ["__Schema", "__Type", "__Field", "__InputValue", "__EnumValue", "__Directive"]

    /// The resolver of an introspection field, or nil for a field of the user's schema.
    static func resolver(for field: SchemaField, on type: NamedType) -> Resolver? {
        if field.name == "__schema" { return schemaResolver }
        if field.name == "__type" { return typeResolver }
        return typeNames.contains(type.name) ? fieldResolver : nil
    }

    private static let schemaResolver = Resolver.sync { info in .object(SchemaIntrospection(schema: info.schema)) }

    /// `__type(name:)`: the named type, or null.
    private static let typeResolver = Resolver.sync { info in
        guard case .string(let name)? = info.arguments["name"], let type = info.schema.type(named: name) else {
            return .null
        }
        return .object(TypeIntrospection(schema: info.schema, type: .named(type.id)))
    }

    private static let fieldResolver = Resolver.sync { info in
        let includeDeprecated = info.arguments["includeDeprecated"] == .boolean(true)
        let name = info.field.name
        switch info.parent {
        case let parent as SchemaIntrospection: return parent.field(name)
        case let parent as TypeIntrospection: return parent.field(name, includeDeprecated: includeDeprecated)
        case let parent as FieldIntrospection: return parent.field(name, includeDeprecated: includeDeprecated)
        case let parent as InputValueIntrospection: return parent.field(name)
        case let parent as EnumValueIntrospection: return parent.field(name)
        case let parent as DirectiveIntrospection: return parent.field(name, includeDeprecated: includeDeprecated)
        default: return .null
        }
    }

    static func optional(_ value: String?) -> FieldValue { value.map(FieldValue.string) ?? .null }

    /// `args` of a field or directive: deprecated arguments only when asked for.
    static func arguments(_ arguments: [SchemaInputValue], schema: Schema, includeDeprecated: Bool) -> FieldValue {
        .list(
            arguments.filter { includeDeprecated || $0.deprecationReason == nil }
                .map { .object(InputValueIntrospection(schema: schema, value: $0)) })
    }

    /// `isDeprecated` and `deprecationReason`, shared by fields, arguments and enum values.
    static func deprecation(_ reason: String?, _ name: String) -> FieldValue {
        name == "isDeprecated" ? .boolean(reason != nil) : optional(reason)
    }
}

/// `__Schema`
struct SchemaIntrospection: Sendable {
    let schema: Schema

    func field(_ name: String) -> FieldValue {
        switch name {
        case "description": return Introspection.optional(schema.description)
        case "types":
            return .list(schema.types.map { .object(TypeIntrospection(schema: schema, type: .named($0.id))) })
        case "queryType": return root(schema.queryType)
        case "mutationType": return root(schema.mutationType)
        case "subscriptionType": return root(schema.subscriptionType)
        case "directives":
            return .list(schema.directives.map { .object(DirectiveIntrospection(schema: schema, directive: $0)) })
        default: return .null
        }
    }

    private func root(_ id: TypeID?) -> FieldValue {
        id.map { .object(TypeIntrospection(schema: schema, type: .named($0))) } ?? .null
    }
}

/// `__Type`: a named type, or a list or non-null wrapping of one.
struct TypeIntrospection: Sendable {
    let schema: Schema
    let type: TypeRef

    func field(_ name: String, includeDeprecated: Bool) -> FieldValue {
        switch type {
        case .list(let inner), .nonNull(let inner):
            switch name {
            case "kind": return .enumValue(type.isNonNull ? "NON_NULL" : "LIST")
            case "ofType": return .object(TypeIntrospection(schema: schema, type: inner))
            default: return .null
            }
        case .named(let id):
            return field(name, of: schema[id], includeDeprecated: includeDeprecated)
        }
    }

    private func field(_ name: String, of type: NamedType, includeDeprecated: Bool) -> FieldValue {
        let kind = type.kind
        switch name {
        case "kind": return .enumValue(kind.rawValue)
        case "name": return .string(type.name)
        case "description": return Introspection.optional(type.description)
        case "specifiedByURL": return Introspection.optional(type.specifiedByURL)
        case "fields":
            guard kind == .object || kind == .interface else { return .null }
            return .list(
                type.fields.filter { includeDeprecated || $0.deprecationReason == nil }
                    .map { .object(FieldIntrospection(schema: schema, field: $0)) })
        case "interfaces":
            guard kind == .object || kind == .interface else { return .null }
            return types(type.interfaces)
        case "possibleTypes":
            guard kind.isAbstract else { return .null }
            return types(schema.possibleTypes(of: type))
        case "enumValues":
            guard kind == .enumType else { return .null }
            return .list(
                type.enumValues.filter { includeDeprecated || $0.deprecationReason == nil }
                    .map { .object(EnumValueIntrospection(value: $0)) })
        case "inputFields":
            guard kind == .inputObject else { return .null }
            return .list(
                type.inputFields.filter { includeDeprecated || $0.deprecationReason == nil }
                    .map { .object(InputValueIntrospection(schema: schema, value: $0)) })
        case "isOneOf":
            return kind == .inputObject ? .boolean(type.isOneOf) : .null
        default:
            return .null
        }
    }

    private func types(_ ids: [TypeID]) -> FieldValue {
        .list(ids.map { .object(TypeIntrospection(schema: schema, type: .named($0))) })
    }
}

/// `__Field`
struct FieldIntrospection: Sendable {
    let schema: Schema
    let field: SchemaField

    func field(_ name: String, includeDeprecated: Bool) -> FieldValue {
        switch name {
        case "name": .string(field.name)
        case "description": Introspection.optional(field.description)
        case "args": Introspection.arguments(field.arguments, schema: schema, includeDeprecated: includeDeprecated)
        case "type": .object(TypeIntrospection(schema: schema, type: field.type))
        default: Introspection.deprecation(field.deprecationReason, name)
        }
    }
}

/// `__InputValue`: an argument or an input field.
struct InputValueIntrospection: Sendable {
    let schema: Schema
    let value: SchemaInputValue

    func field(_ name: String) -> FieldValue {
        switch name {
        case "name": .string(value.name)
        case "description": Introspection.optional(value.description)
        case "type": .object(TypeIntrospection(schema: schema, type: value.type))
        // The default as GraphQL text, which clients read back with a GraphQL parser.
        case "defaultValue": Introspection.optional(value.defaultValue.map { Printer.print($0) })
        default: Introspection.deprecation(value.deprecationReason, name)
        }
    }
}

/// `__EnumValue`
struct EnumValueIntrospection: Sendable {
    let value: SchemaEnumValue

    func field(_ name: String) -> FieldValue {
        switch name {
        case "name": .string(value.name)
        case "description": Introspection.optional(value.description)
        default: Introspection.deprecation(value.deprecationReason, name)
        }
    }
}

/// `__Directive`
struct DirectiveIntrospection: Sendable {
    let schema: Schema
    let directive: SchemaDirective

    func field(_ name: String, includeDeprecated: Bool) -> FieldValue {
        switch name {
        case "name": .string(directive.name)
        case "description": Introspection.optional(directive.description)
        case "isRepeatable": .boolean(directive.isRepeatable)
        case "locations": .list(directive.locations.map { .enumValue($0.rawValue) })
        case "args": Introspection.arguments(directive.arguments, schema: schema, includeDeprecated: includeDeprecated)
        default: .null
        }
    }
}
