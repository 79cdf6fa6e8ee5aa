extension Schema {
    /// Builds a schema from SDL documents, and validates it (spec 3).
    ///
    /// Throws every error found, each with its file, line and column: syntax, the SDL
    /// rules (unique names, known types and directives, possible extensions) and the
    /// type system's rules. `scalars` gives custom scalars their input coercion.
    public convenience init(sdl sources: [Source], scalars: [String: ScalarCoercion] = [:]) throws(SchemaBuildError) {
        var builder = SchemaBuilder(sources: sources, scalars: scalars)
        // The SDL rules first: past an unknown type or a duplicate, the type system's rules
        // would report guesses (as graphql-js, every error of one stage is reported).
        guard let parts = builder.build(), builder.errors.isEmpty else {
            throw SchemaBuildError(errors: builder.sortedErrors())
        }
        self.init(
            description: parts.description, types: parts.types, directives: parts.directives,
            appliedDirectives: parts.appliedDirectives, queryType: parts.roots[.query],
            mutationType: parts.roots[.mutation], subscriptionType: parts.roots[.subscription],
            scalarCoercions: parts.scalarCoercions, metaFields: parts.metaFields
        )
        var validator = SchemaValidator(schema: self, places: builder.places)
        validator.validate(defaultValues: builder.pendingValues)
        builder.errors += validator.errors
        guard builder.errors.isEmpty else { throw SchemaBuildError(errors: builder.sortedErrors()) }
    }

    /// Builds a schema from one SDL text.
    public convenience init(
        sdl: String, name: String = "schema.graphql", scalars: [String: ScalarCoercion] = [:]
    ) throws(SchemaBuildError) {
        try self.init(sdl: [Source(sdl, name: name)], scalars: scalars)
    }
}

/// Where a schema element was written: a span in one of the builder's sources.
struct SchemaPlace: Hashable, Sendable {
    let source: Int
    let span: SourceSpan
}

/// Places of schema elements by schema coordinate (`User`, `User.name`, `User.friends(first:)`,
/// `@auth`, `@auth(role:)`), so that type-system errors found on the built schema can
/// point at the SDL. Two more kinds of key name the places of a name in a list:
/// `User&Node` for `Node` after `implements` on `User`, `SearchResult|User` for the
/// member `User` of a union; and `rootKey` names the root type given in `schema {}`.
struct SchemaPlaces: Sendable {
    var names: [String: [SchemaPlace]] = [:]
    var types: [String: SchemaPlace] = [:]
    var sources: [Source] = []

    /// `{schema}.query`: braces are not in any name, so no type's field can clash with it.
    static func rootKey(_ operation: OperationType) -> String { "{schema}.\(operation.rawValue)" }

    func name(_ coordinate: String) -> [SchemaPlace] { names[coordinate] ?? [] }
    func type(_ coordinate: String) -> [SchemaPlace] { types[coordinate].map { [$0] } ?? [] }
}

/// An error as found, with the place it is sorted by: rules find errors type by type,
/// people read them file by file, top to bottom.
struct ReportedSchemaError {
    let error: SchemaError
    let place: SchemaPlace?

    /// Errors without a place (the schema as a whole) first, then by source and offset;
    /// `index`, the order found, breaks ties.
    static func sorted(_ errors: [ReportedSchemaError]) -> [SchemaError] {
        errors.enumerated().sorted { lhs, rhs in
            lhs.element.key(lhs.offset) < rhs.element.key(rhs.offset)
        }.map(\.element.error)
    }

    private func key(_ index: Int) -> (Int, Int, UInt32, Int) {
        guard let place else { return (0, 0, 0, index) }
        return (1, place.source, place.span.start, index)
    }
}

/// A literal that can only be checked once the schema is built: an SDL default value or a
/// directive argument, with the error to report if it does not fit its type.
struct PendingValue {
    let value: SyntaxTree.Value
    let type: TypeRef
    let place: SchemaPlace
    let diagnostic: @Sendable (String) -> SchemaDiagnostic
}

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

    private var typeDefinitions: [String: Placed<SyntaxTree.TypeDefinition>] = [:]
    private var typeOrder: [String] = []
    private var typeExtensions: [String: [Placed<SyntaxTree.TypeDefinition>]] = [:]
    private var extensionOrder: [String] = []
    private var directiveDefinitions: [String: Placed<SyntaxTree.DirectiveDefinition>] = [:]
    private var directiveOrder: [String] = []
    private var schemaDefinition: Placed<SyntaxTree.SchemaDefinition>?
    private var schemaExtensions: [Placed<SyntaxTree.SchemaDefinition>] = []
    private var ids: [String: TypeID] = [:]
    private var builtInTypes: Set<String> = []

    /// Source 0 is the built-ins, 1 the meta-fields; the user's documents follow.
    private static let userSourcesStart = 2

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
    private mutating func collect(_ document: SyntaxTree.Document, source: Int) {
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
    private mutating func checkExtensions() {
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
    private mutating func resolve(_ reference: SyntaxTree.TypeReference, source: Int) -> TypeRef {
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
    private mutating func resolveNames(_ names: [SyntaxTree.Name], source: Int) -> [TypeID] {
        names.compactMap { name in
            if let id = ids[name.value] { return id }
            _ = resolve(.named(name), source: source)
            return nil
        }
    }

    private mutating func buildType(named name: String) -> NamedType {
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

    private mutating func buildField(_ field: SyntaxTree.FieldDefinition, of type: String, source: Int) -> SchemaField {
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

    private mutating func buildArguments(
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

    private mutating func buildInputValue(
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

    private mutating func buildDirective(_ placed: Placed<SyntaxTree.DirectiveDefinition>) -> SchemaDirective {
        let node = placed.node
        let coordinate = "@\(node.name.value)"
        places.names[coordinate] = [SchemaPlace(source: placed.source, span: node.name.span)]
        return SchemaDirective(
            name: node.name.value, description: node.description?.value,
            arguments: buildArguments(node.arguments, of: coordinate, source: placed.source),
            isRepeatable: node.isRepeatable, locations: node.locations.compactMap { DirectiveLocation(rawValue: $0.value) })
    }

    private mutating func buildSchemaDefinition() -> ([OperationType: TypeID], [AppliedDirective], String?) {
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
    private mutating func recordRoots(
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

    // MARK: - Applied directives

    /// Checks the directives applied to one schema element (across its definition and
    /// extensions): KnownDirectives, UniqueDirectivesPerLocation, KnownArgumentNames,
    /// UniqueArgumentNames, ProvidedRequiredArguments; values are checked once types exist.
    private mutating func applyDirectives(
        _ lists: [([SyntaxTree.Directive], Int)], at location: DirectiveLocation
    ) -> [AppliedDirective] {
        var applied: [AppliedDirective] = []
        var seen: [String: SchemaPlace] = [:]
        for (directives, source) in lists {
            for directive in directives {
                let name = directive.name.value
                let place = SchemaPlace(source: source, span: directive.span)
                guard let definition = directiveDefinitions[name]?.node else {
                    report(.unknownDirective(name), [place])
                    continue
                }
                guard definition.locations.contains(where: { $0.value == location.rawValue }) else {
                    report(.misplacedDirective(name, location: location), [place])
                    continue
                }
                if !definition.isRepeatable {
                    if let first = seen[name] {
                        report(.duplicateDirective(name), [first, place])
                        continue
                    }
                    seen[name] = place
                }
                checkArguments(directive, definition: definition, source: source)
                applied.append(AppliedDirective(name: name, arguments: directive.arguments))
            }
        }
        return applied
    }

    private mutating func checkArguments(
        _ directive: SyntaxTree.Directive, definition: SyntaxTree.DirectiveDefinition, source: Int
    ) {
        let name = directive.name.value
        var given: [String: SchemaPlace] = [:]
        for argument in directive.arguments {
            let place = SchemaPlace(source: source, span: argument.name.span)
            guard let argumentDefinition = definition.arguments.first(where: { $0.name.value == argument.name.value })
            else {
                let suggestions = Suggestion.names(
                    similarTo: argument.name.value, among: definition.arguments.map(\.name.value))
                report(
                    .unknownDirectiveArgument(directive: name, argument: argument.name.value, suggestions: suggestions),
                    [place])
                continue
            }
            if let first = given[argument.name.value] {
                report(.duplicateArgument(argument.name.value), [first, place])
                continue
            }
            given[argument.name.value] = place
            let argumentName = argument.name.value
            addPending(
                PendingValue(
                    value: argument.value, type: resolveQuietly(argumentDefinition.type),
                    place: SchemaPlace(source: source, span: argument.value.span),
                    diagnostic: { reason in .invalidDirectiveArgument(directive: name, argument: argumentName, reason: reason) }
                ))
        }
        for argument in definition.arguments where given[argument.name.value] == nil {
            if case .nonNull = argument.type, argument.defaultValue == nil {
                report(
                    .missingDirectiveArgument(
                        directive: name, argument: argument.name.value, type: Printer.print(argument.type)),
                    [SchemaPlace(source: source, span: directive.span)])
            }
        }
    }

    /// Keeps a literal to check once the schema is built; its field names are checked now.
    private mutating func addPending(_ pending: PendingValue) {
        checkUniqueFields(pending.value, source: pending.place.source)
        pendingValues.append(pending)
    }

    /// UniqueInputFieldNames: an object literal gives each field once, at any depth (read
    /// as a map, the first value would be silently lost).
    private mutating func checkUniqueFields(_ value: SyntaxTree.Value, source: Int) {
        switch value {
        case .list(let items, _):
            for item in items { checkUniqueFields(item, source: source) }
        case .object(let fields, _):
            var seen: [String: SchemaPlace] = [:]
            for field in fields {
                let place = SchemaPlace(source: source, span: field.name.span)
                if let first = seen[field.name.value] {
                    report(.duplicateInputField(field.name.value), [first, place])
                } else {
                    seen[field.name.value] = place
                }
                checkUniqueFields(field.value, source: source)
            }
        default:
            break
        }
    }

    /// A type reference resolved without reporting: its definition reports it once.
    private func resolveQuietly(_ reference: SyntaxTree.TypeReference) -> TypeRef {
        switch reference {
        case .named(let name): .named(ids[name.value] ?? ids["String"] ?? TypeID(0))
        case .list(let inner, _): .list(resolveQuietly(inner))
        case .nonNull(let inner, _): .nonNull(resolveQuietly(inner))
        }
    }

    // MARK: - Reading directives

    private static func description(of definition: SyntaxTree.TypeDefinition) -> String? {
        switch definition {
        case .scalar(let node): node.description?.value
        case .object(let node), .interface(let node): node.description?.value
        case .union(let node): node.description?.value
        case .enumType(let node): node.description?.value
        case .inputObject(let node): node.description?.value
        }
    }

    /// `@deprecated(reason:)`, with the directive's default reason when none is given.
    private static func deprecationReason(_ directives: [AppliedDirective]) -> String? {
        guard let deprecated = directives.first(where: { $0.name == "deprecated" }) else { return nil }
        return deprecated.argument(named: "reason").flatMap(string) ?? "No longer supported"
    }

    private static func string(_ value: SyntaxTree.Value) -> String? {
        if case .string(let string) = value { string.value } else { nil }
    }
}

extension SyntaxTree.TypeDefinition {
    var isInterface: Bool {
        if case .interface = self { true } else { false }
    }
}
