/// Turns SDL trees into the parts of a `Schema`, reporting the SDL rules as it goes.
struct SchemaBuilder {
    struct Placed<Node> {
        let node: Node
        let source: Int
    }

    struct Parts {
        var description: String?
        var types: [NamedType]
        var directives: [SchemaDirective]
        var appliedDirectives: [AppliedDirective]
        var roots: [OperationType: TypeID]
        var scalarCoercions: [TypeID: ScalarCoercion]
        var metaFields: (typename: SchemaField, schema: SchemaField, type: SchemaField)
    }

    private(set) var sources: [Source]
    let scalars: [String: ScalarCoercion]
    var errors: [ReportedSchemaError] = []
    var places = SchemaPlaces()
    var pendingValues: [PendingValue] = []

    var typeDefinitions: [String: Placed<SyntaxTree.TypeDefinition>] = [:]
    var typeOrder: [String] = []
    var typeExtensions: [String: [Placed<SyntaxTree.TypeDefinition>]] = [:]
    var extensionOrder: [String] = []
    var directiveDefinitions: [String: Placed<SyntaxTree.DirectiveDefinition>] = [:]
    var directiveOrder: [String] = []
    var schemaDefinition: Placed<SyntaxTree.SchemaDefinition>?
    var schemaExtensions: [Placed<SyntaxTree.SchemaDefinition>] = []
    var ids: [String: TypeID] = [:]
    var builtInTypes: Set<String> = []

    /// Source 0 is the built-ins, 1 the meta-fields; the user's documents follow.
    static let userSourcesStart = 2

    init(sources: [Source], scalars: [String: ScalarCoercion]) {
        self.sources = [Source(BuiltIns.sdl, name: "<built-in>"), Source(BuiltIns.metaFieldsSDL, name: "<built-in>")]
            + sources
        self.scalars = scalars
        places.sources = self.sources
    }

    func sortedErrors() -> [SchemaError] { ReportedSchemaError.sorted(errors) }

    mutating func report(_ diagnostic: SchemaDiagnostic, _ places: [SchemaPlace]) {
        errors.append(Self.error(diagnostic, places, sources: sources))
    }

    static func error(_ diagnostic: SchemaDiagnostic, _ places: [SchemaPlace], sources: [Source]) -> ReportedSchemaError {
        let error = SchemaError(
            diagnostic: diagnostic,
            locations: places.map { place in
                let source = sources[place.source]
                return SchemaError.Location(
                    sourceName: source.name, location: source.location(of: Int(place.span.start)))
            }
        )
        return ReportedSchemaError(error: error, place: places.first)
    }

    // MARK: - Building

    mutating func build() -> Parts? {
        // A file that does not parse is reported alone: its types are missing, so any
        // other error found without them would be noise.
        var trees: [SyntaxTree.Document] = []
        for (index, source) in sources.enumerated() {
            do {
                trees.append(try Parser.parse(source, options: .trusted).tree)
            } catch {
                let span = SourceSpan(start: error.offset, end: error.offset)
                report(.syntaxError(error.message), [SchemaPlace(source: index, span: span)])
            }
        }
        guard errors.isEmpty, trees.count == sources.count else { return nil }
        let builtIns = trees[0], meta = trees[1]
        collect(builtIns, source: 0)
        builtInTypes = Set(typeOrder)
        for index in Self.userSourcesStart..<trees.count {
            collect(trees[index], source: index)
        }

        // User types first, in the order written; then the built-ins.
        let order = typeOrder.filter { !builtInTypes.contains($0) } + typeOrder.filter { builtInTypes.contains($0) }
        for (index, name) in order.enumerated() { ids[name] = TypeID(index) }

        checkExtensions()
        let types = order.map { buildType(named: $0) }
        var directives: [SchemaDirective] = []
        for name in directiveOrder {
            if let placed = directiveDefinitions[name] { directives.append(buildDirective(placed)) }
        }
        let (roots, applied, description) = buildSchemaDefinition()
        guard case .type(.object(let metaType))? = meta.definitions.first,
            let metaFields = Optional(metaType.fields.map { buildField($0, of: "__Meta", source: 1) }),
            metaFields.count == 3
        else { return nil }

        var coercions: [TypeID: ScalarCoercion] = [:]
        var unused = Set(scalars.keys)
        for type in types where type.kind == .scalar && !builtInTypes.contains(type.name) {
            coercions[type.id] = scalars[type.name] ?? .any
            unused.remove(type.name)
        }
        // A coercion may be offered for a scalar the schema does not declare (a server
        // offers its standard set), but not for a type that is not a custom scalar.
        for name in unused.sorted() where ids[name] != nil { report(.coercionForUnknownScalar(name), []) }
        return Parts(
            description: description, types: types, directives: directives, appliedDirectives: applied,
            roots: roots, scalarCoercions: coercions,
            metaFields: (metaFields[0], metaFields[1], metaFields[2]))
    }

    /// Sorts a document's definitions by kind, reporting duplicates as it meets them.
    mutating func collect(_ document: SyntaxTree.Document, source: Int) {
        for definition in document.definitions {
            switch definition {
            case .operation(let operation):
                report(.notTypeSystemDefinition("operation"), [SchemaPlace(source: source, span: operation.span)])
            case .fragment(let fragment):
                report(
                    .notTypeSystemDefinition("fragment \"\(fragment.name)\""),
                    [SchemaPlace(source: source, span: fragment.span)])
            case .schema(let schema):
                if schemaDefinition != nil {
                    report(.loneSchemaDefinition, [SchemaPlace(source: source, span: schema.span)])
                } else {
                    schemaDefinition = Placed(node: schema, source: source)
                }
            case .schemaExtension(let schema):
                schemaExtensions.append(Placed(node: schema, source: source))
            case .type(let type):
                let name = type.name
                let place = SchemaPlace(source: source, span: name.span)
                if builtInTypes.contains(name.value) {
                    report(.builtInTypeRedefined(name.value), [place])
                } else if let existing = typeDefinitions[name.value] {
                    let first = SchemaPlace(source: existing.source, span: existing.node.name.span)
                    report(.duplicateTypeName(name.value), [first, place])
                } else {
                    typeDefinitions[name.value] = Placed(node: type, source: source)
                    typeOrder.append(name.value)
                }
            case .typeExtension(let type):
                if typeExtensions[type.name.value] == nil { extensionOrder.append(type.name.value) }
                typeExtensions[type.name.value, default: []].append(Placed(node: type, source: source))
            case .directive(let directive):
                let name = directive.name
                let place = SchemaPlace(source: source, span: name.span)
                if source >= Self.userSourcesStart, BuiltIns.directiveNames.contains(name.value) {
                    report(.builtInDirectiveRedefined(name.value), [place])
                } else if let existing = directiveDefinitions[name.value] {
                    let first = SchemaPlace(source: existing.source, span: existing.node.name.span)
                    report(.duplicateDirectiveName(name.value), [first, place])
                } else {
                    directiveDefinitions[name.value] = Placed(node: directive, source: source)
                    directiveOrder.append(name.value)
                }
            }
        }
    }

    /// PossibleTypeExtensions: an extension extends a type that exists, of its own kind.
    mutating func checkExtensions() {
        for name in extensionOrder {
            for placed in typeExtensions[name] ?? [] {
                let place = SchemaPlace(source: placed.source, span: placed.node.name.span)
                guard let definition = typeDefinitions[name] else {
                    let suggestions = Suggestion.names(similarTo: name, among: typeOrder)
                    report(.extensionOfUnknownType(name, suggestions: suggestions), [place])
                    continue
                }
                // The spec's own types are the same in every schema: introspection and
                // the built-in scalars' behaviour must not depend on the user's SDL.
                if builtInTypes.contains(name) {
                    report(.builtInTypeExtended(name), [place])
                    continue
                }
                if Self.kind(of: definition.node) != Self.kind(of: placed.node) {
                    report(.extensionOfWrongKind(name, kind: Self.kind(of: placed.node).noun), [place])
                }
            }
        }
    }

    static func kind(of definition: SyntaxTree.TypeDefinition) -> TypeKind {
        switch definition {
        case .scalar: .scalar
        case .object: .object
        case .interface: .interface
        case .union: .union
        case .enumType: .enumType
        case .inputObject: .inputObject
        }
    }

    /// Resolves a type reference; an unknown name is reported and stands as `String`, so
    /// that building goes on and finds the other errors.
    mutating func resolve(_ reference: SyntaxTree.TypeReference, source: Int) -> TypeRef {
        switch reference {
        case .named(let name):
            if let id = ids[name.value] { return .named(id) }
            let suggestions = Suggestion.names(similarTo: name.value, among: typeOrder)
            report(.unknownType(name.value, suggestions: suggestions), [SchemaPlace(source: source, span: name.span)])
            return .named(ids["String"] ?? TypeID(0))
        case .list(let inner, _):
            return .list(resolve(inner, source: source))
        case .nonNull(let inner, _):
            return .nonNull(resolve(inner, source: source))
        }
    }

    /// Interfaces and union members: an unknown name is reported and left out.
    mutating func resolveNames(_ names: [SyntaxTree.Name], source: Int) -> [TypeID] {
        names.compactMap { name in
            if let id = ids[name.value] { return id }
            _ = resolve(.named(name), source: source)
            return nil
        }
    }

    mutating func buildType(named name: String) -> NamedType {
        guard let id = ids[name], let definition = typeDefinitions[name] else {
            preconditionFailure("every ordered type name has an ID and a definition")
        }
        let extensions = (typeExtensions[name] ?? []).filter {
            Self.kind(of: $0.node) == Self.kind(of: definition.node) && !builtInTypes.contains(name)
        }
        let parts = [definition] + extensions
        let description = Self.description(of: definition.node)
        places.names[name, default: []] += parts.map { SchemaPlace(source: $0.source, span: $0.node.name.span) }

        switch definition.node {
        case .scalar:
            let directives = applyDirectives(
                parts.map { part in
                    guard case .scalar(let node) = part.node else { return ([], part.source) }
                    return (node.directives, part.source)
                }, at: .scalar)
            let url = directives.first { $0.name == "specifiedBy" }?.argument(named: "url")
            return NamedType(
                id: id, name: name, kind: .scalar, description: description, directives: directives,
                specifiedByURL: url.flatMap(Self.string))
        case .object, .interface:
            let kind: TypeKind = definition.node.isInterface ? .interface : .object
            let nodes = parts.compactMap { part -> (SyntaxTree.ObjectTypeDefinition, Int)? in
                switch part.node {
                case .object(let node), .interface(let node): (node, part.source)
                default: nil
                }
            }
            let directives = applyDirectives(nodes.map { ($0.0.directives, $0.1) }, at: kind == .object ? .object : .interface)
            var interfaces: [TypeID] = []
            for (node, source) in nodes {
                interfaces += resolveNames(node.interfaces, source: source)
                for interface in node.interfaces {
                    places.names["\(name)&\(interface.value)", default: []].append(
                        SchemaPlace(source: source, span: interface.span))
                }
            }
            var fields: [SchemaField] = []
            var seen: [String: SchemaPlace] = [:]
            for (node, source) in nodes {
                for field in node.fields {
                    let place = SchemaPlace(source: source, span: field.name.span)
                    if let first = seen[field.name.value] {
                        report(.duplicateFieldDefinition(type: name, field: field.name.value), [first, place])
                        continue
                    }
                    seen[field.name.value] = place
                    fields.append(buildField(field, of: name, source: source))
                }
            }
            return NamedType(
                id: id, name: name, kind: kind, description: description, directives: directives, fields: fields,
                interfaces: interfaces)
        case .union:
            var members: [TypeID] = []
            var directiveLists: [([SyntaxTree.Directive], Int)] = []
            for part in parts {
                guard case .union(let node) = part.node else { continue }
                directiveLists.append((node.directives, part.source))
                members += resolveNames(node.types, source: part.source)
                for member in node.types {
                    places.names["\(name)|\(member.value)", default: []].append(
                        SchemaPlace(source: part.source, span: member.span))
                }
            }
            return NamedType(
                id: id, name: name, kind: .union, description: description,
                directives: applyDirectives(directiveLists, at: .union), possibleTypeMembers: members)
        case .enumType:
            var values: [SchemaEnumValue] = []
            var directiveLists: [([SyntaxTree.Directive], Int)] = []
            var seen: [String: SchemaPlace] = [:]
            for part in parts {
                guard case .enumType(let node) = part.node else { continue }
                directiveLists.append((node.directives, part.source))
                for value in node.values {
                    let place = SchemaPlace(source: part.source, span: value.name.span)
                    if let first = seen[value.name.value] {
                        report(.duplicateEnumValue(type: name, value: value.name.value), [first, place])
                        continue
                    }
                    seen[value.name.value] = place
                    places.names["\(name).\(value.name.value)"] = [place]
                    let directives = applyDirectives([(value.directives, part.source)], at: .enumValue)
                    values.append(
                        SchemaEnumValue(
                            name: value.name.value, description: value.description?.value,
                            deprecationReason: Self.deprecationReason(directives), directives: directives))
                }
            }
            return NamedType(
                id: id, name: name, kind: .enumType, description: description,
                directives: applyDirectives(directiveLists, at: .enumType), enumValues: values)
        case .inputObject:
            var fields: [SchemaInputValue] = []
            var directiveLists: [([SyntaxTree.Directive], Int)] = []
            var seen: [String: SchemaPlace] = [:]
            for part in parts {
                guard case .inputObject(let node) = part.node else { continue }
                directiveLists.append((node.directives, part.source))
                for field in node.fields {
                    let place = SchemaPlace(source: part.source, span: field.name.span)
                    if let first = seen[field.name.value] {
                        report(.duplicateFieldDefinition(type: name, field: field.name.value), [first, place])
                        continue
                    }
                    seen[field.name.value] = place
                    fields.append(
                        buildInputValue(field, coordinate: "\(name).\(field.name.value)", at: .inputFieldDefinition, source: part.source))
                }
            }
            let directives = applyDirectives(directiveLists, at: .inputObject)
            for (directives, source) in directiveLists.dropFirst() {
                for directive in directives where directive.name.value == "oneOf" {
                    report(.oneOfOnExtension(type: name), [SchemaPlace(source: source, span: directive.span)])
                }
            }
            return NamedType(
                id: id, name: name, kind: .inputObject, description: description, directives: directives,
                inputFields: fields, isOneOf: directives.contains { $0.name == "oneOf" })
        }
    }

    mutating func buildField(_ field: SyntaxTree.FieldDefinition, of type: String, source: Int) -> SchemaField {
        let coordinate = "\(type).\(field.name.value)"
        places.names[coordinate] = [SchemaPlace(source: source, span: field.name.span)]
        places.types[coordinate] = SchemaPlace(source: source, span: field.type.span)
        let directives = applyDirectives([(field.directives, source)], at: .fieldDefinition)
        return SchemaField(
            name: field.name.value, description: field.description?.value,
            arguments: buildArguments(field.arguments, of: coordinate, source: source),
            type: resolve(field.type, source: source), deprecationReason: Self.deprecationReason(directives),
            directives: directives)
    }

    mutating func buildArguments(
        _ arguments: [SyntaxTree.InputValueDefinition], of coordinate: String, source: Int
    ) -> [SchemaInputValue] {
        var result: [SchemaInputValue] = []
        var seen: [String: SchemaPlace] = [:]
        for argument in arguments {
            let place = SchemaPlace(source: source, span: argument.name.span)
            if let first = seen[argument.name.value] {
                report(.duplicateArgumentDefinition(coordinate: coordinate, argument: argument.name.value), [first, place])
                continue
            }
            seen[argument.name.value] = place
            result.append(
                buildInputValue(
                    argument, coordinate: "\(coordinate)(\(argument.name.value):)", at: .argumentDefinition,
                    source: source))
        }
        return result
    }

    mutating func buildInputValue(
        _ node: SyntaxTree.InputValueDefinition, coordinate: String, at location: DirectiveLocation, source: Int
    ) -> SchemaInputValue {
        places.names[coordinate] = [SchemaPlace(source: source, span: node.name.span)]
        places.types[coordinate] = SchemaPlace(source: source, span: node.type.span)
        let directives = applyDirectives([(node.directives, source)], at: location)
        let type = resolve(node.type, source: source)
        if let defaultValue = node.defaultValue {
            addPending(
                PendingValue(
                    value: defaultValue, type: type, place: SchemaPlace(source: source, span: defaultValue.span),
                    diagnostic: { reason in .invalidDefaultValue(coordinate: coordinate, reason: reason) }))
        }
        return SchemaInputValue(
            name: node.name.value, description: node.description?.value, type: type, defaultValue: node.defaultValue,
            deprecationReason: Self.deprecationReason(directives), directives: directives)
    }

    mutating func buildDirective(_ placed: Placed<SyntaxTree.DirectiveDefinition>) -> SchemaDirective {
        let node = placed.node
        let coordinate = "@\(node.name.value)"
        places.names[coordinate] = [SchemaPlace(source: placed.source, span: node.name.span)]
        return SchemaDirective(
            name: node.name.value, description: node.description?.value,
            arguments: buildArguments(node.arguments, of: coordinate, source: placed.source),
            isRepeatable: node.isRepeatable, locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) })
    }

    mutating func buildSchemaDefinition() -> ([OperationType: TypeID], [AppliedDirective], String?) {
        var roots: [OperationType: TypeID] = [:]
        guard let definition = schemaDefinition else {
            // Without a schema definition, the roots are the types named after them (spec 3.3.1).
            for operation in OperationType.allCases {
                if let id = ids[operation.typeName] { roots[operation] = id }
            }
            let applied = applyDirectives(schemaExtensions.map { ($0.node.directives, $0.source) }, at: .schema)
            recordRoots(schemaExtensions, isExtension: true, into: &roots)
            return (roots, applied, nil)
        }
        recordRoots([definition], isExtension: false, into: &roots)
        recordRoots(schemaExtensions, isExtension: true, into: &roots)
        let applied = applyDirectives(
            ([definition] + schemaExtensions).map { ($0.node.directives, $0.source) }, at: .schema)
        return (roots, applied, definition.node.description?.value)
    }

    /// UniqueOperationTypes: each operation type once, across the definition and extensions.
    mutating func recordRoots(
        _ definitions: [Placed<SyntaxTree.SchemaDefinition>], isExtension: Bool,
        into roots: inout [OperationType: TypeID]
    ) {
        for placed in definitions {
            var inThisDefinition: Set<OperationType> = []
            for root in placed.node.operationTypes {
                let place = SchemaPlace(source: placed.source, span: root.span)
                guard inThisDefinition.insert(root.operation).inserted else {
                    report(.duplicateOperationType(root.operation), [place])
                    continue
                }
                if roots[root.operation] != nil {
                    report(
                        isExtension ? .operationTypeAlreadyDefined(root.operation) : .duplicateOperationType(root.operation),
                        [place])
                    continue
                }
                places.names[SchemaPlaces.rootKey(root.operation)] = [SchemaPlace(source: placed.source, span: root.type.span)]
                roots[root.operation] = resolve(.named(root.type), source: placed.source).namedType
            }
        }
    }
}
