/// The type system's rules (spec 3), checked on a built schema: root types, reserved
/// names, fields present, interfaces implemented correctly, unions of objects, `@oneOf`
/// inputs, literal values in SDL, and the cycles of `SchemaValidator+Cycles.swift`.
///
/// Built-in and introspection types are the spec's own and are not checked again.
struct SchemaValidator {
    let schema: Schema
    let places: SchemaPlaces
    private(set) var errors: [ReportedSchemaError] = []

    init(schema: Schema, places: SchemaPlaces) {
        self.schema = schema
        self.places = places
    }

    mutating func validate(defaultValues: [PendingValue]) {
        validateRootTypes()
        for directive in schema.directives where !BuiltIns.directiveNames.contains(directive.name) {
            validate(directive)
        }
        for type in schema.types where !type.isBuiltIn {
            validateName(type.name, at: places.name(type.name))
            switch type.kind {
            case .object, .interface: validateFields(of: type); validateInterfaces(of: type)
            case .union: validateUnion(type)
            case .enumType: validateEnum(type)
            case .inputObject: validateInputObject(type)
            case .scalar: break
            }
        }
        validateInputCycles()
        // Coercing a value fills in defaults, which never ends where they form a cycle:
        // such values are left unchecked, their cycle being the error to fix.
        let endless = typesReaching(validateDefaultValueCycles())
        for pending in defaultValues where pending.place.source >= 2 && !endless.contains(pending.type.namedType) {
            validate(pending)
        }
        validateDirectiveCycles()
    }

    mutating func report(_ diagnostic: SchemaDiagnostic, _ places: [SchemaPlace]) {
        errors.append(SchemaBuilder.error(diagnostic, places, sources: self.places.sources))
    }

    // MARK: - Roots and names

    private mutating func validateRootTypes() {
        if schema.queryType == nil { report(.missingQueryType, []) }
        var usage: [TypeID: [OperationType]] = [:]
        for operation in OperationType.allCases {
            guard let root = schema.rootType(for: operation) else { continue }
            if root.kind != .object {
                report(
                    .rootTypeNotObject(operation, type: root.name),
                    places.name(SchemaPlaces.rootKey(operation)).isEmpty
                        ? places.name(root.name) : places.name(SchemaPlaces.rootKey(operation)))
            }
            usage[root.id, default: []].append(operation)
        }
        for (id, operations) in usage.sorted(by: { $0.key < $1.key }) where operations.count > 1 {
            report(
                .rootTypesShared(type: schema[id].name, operations: operations),
                operations.flatMap { places.name(SchemaPlaces.rootKey($0)) })
        }
    }

    private mutating func validateName(_ name: String, at places: [SchemaPlace]) {
        if name.hasPrefix("__") { report(.reservedName(name), places.prefix(1).map { $0 }) }
    }

    // MARK: - Objects and interfaces

    private mutating func validateFields(of type: NamedType) {
        if type.fields.isEmpty { report(.noFields(type: type.name), places.name(type.name)) }
        for field in type.fields {
            let coordinate = "\(type.name).\(field.name)"
            validateName(field.name, at: places.name(coordinate))
            if !schema[field.type.namedType].kind.isOutput {
                report(
                    .fieldNotOutputType(coordinate: coordinate, type: schema.describe(field.type)),
                    places.type(coordinate))
            }
            validateArguments(field.arguments, of: coordinate)
        }
    }

    private mutating func validateArguments(_ arguments: [SchemaInputValue], of coordinate: String) {
        for argument in arguments {
            let argumentCoordinate = "\(coordinate)(\(argument.name):)"
            validateName(argument.name, at: places.name(argumentCoordinate))
            if !schema[argument.type.namedType].kind.isInput {
                report(
                    .argumentNotInputType(coordinate: argumentCoordinate, type: schema.describe(argument.type)),
                    places.type(argumentCoordinate))
            }
            if argument.isRequired, argument.deprecationReason != nil {
                report(.requiredArgumentDeprecated(coordinate: argumentCoordinate), places.name(argumentCoordinate))
            }
        }
    }

    /// Spec 3.6 "IsValidImplementation", and 3.7 for interfaces implementing interfaces.
    private mutating func validateInterfaces(of type: NamedType) {
        var seen: Set<TypeID> = [], reportedTwice: Set<TypeID> = []
        for id in type.interfaces {
            let interface = schema[id]
            // Where `type` names `interface` after `implements`, in its definition or extensions.
            let typePlaces = places.name("\(type.name)&\(interface.name)")
            guard interface.kind == .interface else {
                report(.implementsNonInterface(type: type.name, implemented: interface.name), typePlaces)
                continue
            }
            if interface.id == type.id {
                report(.implementsItself(type: type.name), typePlaces)
                continue
            }
            guard seen.insert(id).inserted else {
                // Once for all the places, however many times the name is repeated.
                if reportedTwice.insert(id).inserted {
                    report(.implementsTwice(type: type.name, interface: interface.name), typePlaces)
                }
                continue
            }
            for transitive in interface.interfaces where !type.interfaces.contains(transitive) {
                let transitivePlaces = places.name("\(interface.name)&\(schema[transitive].name)") + typePlaces
                if transitive == type.id {
                    // `type` would have to implement itself.
                    report(.circularImplementation(type: type.name, interface: interface.name), transitivePlaces)
                } else {
                    let missing = schema[transitive].name
                    report(
                        .missingTransitiveInterface(type: type.name, missing: missing, via: interface.name),
                        transitivePlaces)
                }
            }
            validateImplementation(of: interface, by: type)
        }
    }

    private mutating func validateImplementation(of interface: NamedType, by type: NamedType) {
        for interfaceField in interface.fields {
            let name = interfaceField.name
            let interfaceCoordinate = "\(interface.name).\(name)"
            let typeCoordinate = "\(type.name).\(name)"
            guard let field = type.field(named: name) else {
                report(
                    .interfaceFieldMissing(interface: interface.name, field: name, type: type.name),
                    places.name(interfaceCoordinate) + places.name(type.name))
                continue
            }
            if !isSubtype(field.type, of: interfaceField.type) {
                report(
                    .interfaceFieldTypeMismatch(
                        interface: interface.name, field: name, expected: schema.describe(interfaceField.type),
                        type: type.name, actual: schema.describe(field.type)),
                    places.type(interfaceCoordinate) + places.type(typeCoordinate))
            }
            for interfaceArgument in interfaceField.arguments {
                let argumentName = interfaceArgument.name
                guard let argument = field.argument(named: argumentName) else {
                    report(
                        .interfaceArgumentMissing(
                            interface: interface.name, field: name, argument: argumentName, type: type.name),
                        places.name("\(interfaceCoordinate)(\(argumentName):)") + places.name(typeCoordinate))
                    continue
                }
                // Arguments are invariant: the same type exactly (spec 3.6, "IsValidImplementation" 2.b).
                if argument.type != interfaceArgument.type {
                    report(
                        .interfaceArgumentTypeMismatch(
                            interface: interface.name, field: name, argument: argumentName,
                            expected: schema.describe(interfaceArgument.type), type: type.name,
                            actual: schema.describe(argument.type)),
                        places.type("\(interfaceCoordinate)(\(argumentName):)")
                            + places.type("\(typeCoordinate)(\(argumentName):)"))
                }
            }
            for argument in field.arguments
            where argument.isRequired && interfaceField.argument(named: argument.name) == nil {
                report(
                    .extraRequiredArgument(
                        type: type.name, field: name, argument: argument.name,
                        argumentType: schema.describe(argument.type), interface: interface.name),
                    places.name("\(typeCoordinate)(\(argument.name):)") + places.name(interfaceCoordinate))
            }
            // Spec 3.6 "IsValidImplementation": "If field is deprecated then implementedField
            // must also be deprecated"; a client reading the interface would not be told.
            if field.deprecationReason != nil, interfaceField.deprecationReason == nil {
                report(
                    .deprecatedImplementationField(interface: interface.name, field: name, type: type.name),
                    places.name(typeCoordinate) + places.name(interfaceCoordinate))
            }
        }
    }

    /// Covariance of field types (spec 3.6 "IsValidImplementationFieldType").
    private func isSubtype(_ type: TypeRef, of expected: TypeRef) -> Bool {
        switch (type, expected) {
        case (.nonNull(let inner), .nonNull(let expectedInner)): isSubtype(inner, of: expectedInner)
        case (.nonNull(let inner), _): isSubtype(inner, of: expected)
        case (_, .nonNull): false
        case (.list(let item), .list(let expectedItem)): isSubtype(item, of: expectedItem)
        case (.list, _), (_, .list): false
        case (.named(let id), .named(let expectedID)): schema.isSubtype(id, of: expectedID)
        }
    }

    // MARK: - Unions, enums, input objects

    private mutating func validateUnion(_ union: NamedType) {
        if union.possibleTypeMembers.isEmpty { report(.noUnionMembers(union: union.name), places.name(union.name)) }
        var seen: Set<TypeID> = [], reportedTwice: Set<TypeID> = []
        for id in union.possibleTypeMembers {
            let member = schema[id]
            let memberPlaces = places.name("\(union.name)|\(member.name)")
            if !seen.insert(id).inserted {
                // Once for all the places, however many times the member is repeated.
                if reportedTwice.insert(id).inserted {
                    report(.duplicateUnionMember(union: union.name, member: member.name), memberPlaces)
                }
            } else if member.kind != .object {
                report(.unionMemberNotObject(union: union.name, member: member.name), memberPlaces)
            }
        }
    }

    private mutating func validateEnum(_ type: NamedType) {
        if type.enumValues.isEmpty { report(.noEnumValues(type: type.name), places.name(type.name)) }
        for value in type.enumValues {
            let valuePlaces = places.name("\(type.name).\(value.name)")
            // `true`, `false` and `null` are refused by the parser (spec 3.9).
            validateName(value.name, at: valuePlaces)
        }
    }

    private mutating func validateInputObject(_ type: NamedType) {
        if type.inputFields.isEmpty { report(.noInputFields(type: type.name), places.name(type.name)) }
        for field in type.inputFields {
            let coordinate = "\(type.name).\(field.name)"
            validateName(field.name, at: places.name(coordinate))
            if !schema[field.type.namedType].kind.isInput {
                report(
                    .inputFieldNotInputType(coordinate: coordinate, type: schema.describe(field.type)),
                    places.type(coordinate))
            }
            if field.isRequired, field.deprecationReason != nil {
                report(.requiredInputFieldDeprecated(coordinate: coordinate), places.name(coordinate))
            }
            if type.isOneOf {
                if field.type.isNonNull { report(.oneOfFieldNonNull(coordinate: coordinate), places.type(coordinate)) }
                if field.defaultValue != nil { report(.oneOfFieldDefault(coordinate: coordinate), places.name(coordinate)) }
            }
        }
    }

    // MARK: - Directives and values

    private mutating func validate(_ directive: SchemaDirective) {
        let coordinate = "@\(directive.name)"
        validateName(directive.name, at: places.name(coordinate))
        validateArguments(directive.arguments, of: coordinate)
    }

    /// A default value or directive argument in SDL must coerce to its type.
    private mutating func validate(_ pending: PendingValue) {
        guard let value = InputValue(literal: pending.value) else { return }
        var coercion = InputCoercion(schema: schema, origin: .literal)
        _ = coercion.coerce(value, to: pending.type)
        if let failure = coercion.failures.first {
            let at = failure.path.isEmpty ? "" : "at \"value\(failure.printedPath)\": "
            report(pending.diagnostic(at + failure.message), [pending.place])
        }
    }
}

extension TypeKind {
    /// Scalars, objects, interfaces, unions and enums may be output (spec 3.4.2).
    public var isOutput: Bool { self != .inputObject }
}
