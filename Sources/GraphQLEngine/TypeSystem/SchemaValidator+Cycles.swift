/// The rules of spec 3 that look for cycles: input objects that would need an infinite
/// value, default values that would expand forever, and directives used within their own
/// definition.
extension SchemaValidator {
    // MARK: - Input objects through non-null fields

    /// Spec 3.10 "Type Validation" 3: an input object must not reach itself through
    /// non-null, non-list fields, or no finite value could be given. Each cycle is
    /// reported once, at the first type of it met.
    mutating func validateInputCycles() {
        var visited: Set<TypeID> = []
        for type in schema.types where type.kind == .inputObject && !visited.contains(type.id) {
            var pathIndex: [TypeID: Int] = [:]
            var path: [(field: String, coordinate: String)] = []
            detectCycles(from: type, visited: &visited, pathIndex: &pathIndex, path: &path)
        }
    }

    private mutating func detectCycles(
        from type: NamedType, visited: inout Set<TypeID>, pathIndex: inout [TypeID: Int],
        path: inout [(field: String, coordinate: String)]
    ) {
        guard visited.insert(type.id).inserted else { return }
        pathIndex[type.id] = path.count
        for field in type.inputFields {
            guard case .nonNull(.named(let id)) = field.type, schema[id].kind == .inputObject else { continue }
            let coordinate = "\(type.name).\(field.name)"
            path.append((field.name, coordinate))
            if let start = pathIndex[id] {
                let cycle = path[start...]
                report(
                    .inputObjectCycle(type: schema[id].name, path: cycle.map(\.field)),
                    cycle.flatMap { places.name($0.coordinate) })
            } else {
                detectCycles(from: schema[id], visited: &visited, pathIndex: &pathIndex, path: &path)
            }
            path.removeLast()
        }
        pathIndex[type.id] = nil
    }

    // MARK: - Default values

    /// Spec 3.10 "Type Validation" 4, "InputObjectDefaultValueHasCycle": filling in the
    /// defaults of an input object must end. `input A { b: B = {} }` with
    /// `input B { a: A = {} }` never does: each default leaves out the field whose own
    /// default starts it again. Each cycle is reported once, at its first field met.
    ///
    /// Returns the input objects with a field in such a cycle.
    mutating func validateDefaultValueCycles() -> Set<TypeID> {
        var walk = DefaultValueWalk()
        for type in schema.types where type.kind == .inputObject && !type.isBuiltIn {
            _ = walkDefaults(of: type, in: .object([:]), &walk)
        }
        return walk.cyclicTypes
    }

    /// `types`, and the input objects whose fields reach one of them, at any depth.
    func typesReaching(_ types: Set<TypeID>) -> Set<TypeID> {
        var reaching = types
        var grew = !types.isEmpty
        while grew {
            grew = false
            for type in schema.types where type.kind == .inputObject && !reaching.contains(type.id) {
                if type.inputFields.contains(where: { reaching.contains($0.type.namedType) }) {
                    reaching.insert(type.id)
                    grew = true
                }
            }
        }
        return reaching
    }

    /// What the walk of default values has learnt so far.
    private struct DefaultValueWalk {
        /// Coordinates of the fields whose defaults are being expanded, outermost first.
        var path: [String] = []
        /// Fields whose default was expanded to the end: no cycle starts from them.
        var finite: Set<String> = []
        var reported: Set<Set<String>> = []
        /// The input objects of the fields of the cycles found.
        var cyclicTypes: Set<TypeID> = []
    }

    /// Expands `value` as a value of `type`, following the defaults of the fields it
    /// leaves out; whether a cycle was met.
    private mutating func walkDefaults(
        of type: NamedType, in value: InputValue, _ walk: inout DefaultValueWalk
    ) -> Bool {
        switch value {
        case .list(let items):
            var foundCycle = false
            for item in items where walkDefaults(of: type, in: item, &walk) { foundCycle = true }
            return foundCycle
        case .object(let given):
            var foundCycle = false
            for field in type.inputFields {
                let fieldType = schema[field.type.namedType]
                guard fieldType.kind == .inputObject else { continue }
                if let provided = given[field.name] {
                    if walkDefaults(of: fieldType, in: provided, &walk) { foundCycle = true }
                } else if walkDefault(of: field, on: type, fieldType: fieldType, &walk) {
                    foundCycle = true
                }
            }
            return foundCycle
        default:
            return false
        }
    }

    private mutating func walkDefault(
        of field: SchemaInputValue, on type: NamedType, fieldType: NamedType, _ walk: inout DefaultValueWalk
    ) -> Bool {
        guard let literal = field.defaultValue, let defaultValue = InputValue(literal: literal) else { return false }
        let coordinate = "\(type.name).\(field.name)"
        if let start = walk.path.firstIndex(of: coordinate) {
            walk.cyclicTypes.insert(type.id)
            let cycle = Array(walk.path[start...])
            if walk.reported.insert(Set(cycle)).inserted {
                let via = Array(cycle.dropFirst())
                report(.defaultValueCycle(coordinate: coordinate, via: via), places.name(coordinate))
            }
            return true
        }
        guard !walk.finite.contains(coordinate) else { return false }
        walk.path.append(coordinate)
        let foundCycle = walkDefaults(of: fieldType, in: defaultValue, &walk)
        walk.path.removeLast()
        if !foundCycle { walk.finite.insert(coordinate) }
        return foundCycle
    }

    // MARK: - Directives

    /// Spec 3.13 "Type Validation" 2 and 3: a directive must not be used within its own
    /// definition, on one of its arguments or on a type or directive those reach
    /// (`directive @a(arg: In) on INPUT_FIELD_DEFINITION` with `input In { x: Int @a }`):
    /// the directive would be needed to define itself.
    mutating func validateDirectiveCycles() {
        for directive in schema.directives where !BuiltIns.directiveNames.contains(directive.name) {
            var search = ReferenceSearch(target: directive.name)
            search.visitedDirectives.insert(directive.name)
            if let path = find(in: references(of: directive), &search) {
                report(
                    .directiveReferencesItself(directive: directive.name, path: path),
                    places.name("@\(directive.name)"))
            }
        }
    }

    /// What a schema element refers to: a directive applied to it, or a type it uses.
    private enum Reference {
        case directive(String)
        case type(TypeID)
    }

    /// References with the coordinate of the element that makes each.
    private typealias References = [(coordinate: String, reference: Reference)]

    private struct ReferenceSearch {
        let target: String
        var visitedDirectives: Set<String> = []
        var visitedTypes: Set<TypeID> = []
        /// The coordinates of the references followed, outermost first.
        var path: [String] = []
    }

    /// The path of coordinates to a use of the searched directive, depth first.
    private func find(in references: References, _ search: inout ReferenceSearch) -> [String]? {
        for (coordinate, reference) in references {
            search.path.append(coordinate)
            switch reference {
            case .directive(let name) where name == search.target:
                return search.path
            case .directive(let name):
                if search.visitedDirectives.insert(name).inserted, let directive = schema.directive(named: name),
                    let path = find(in: self.references(of: directive), &search)
                {
                    return path
                }
            case .type(let id):
                if search.visitedTypes.insert(id).inserted, !schema[id].isBuiltIn,
                    let path = find(in: self.references(of: schema[id]), &search)
                {
                    return path
                }
            }
            search.path.removeLast()
        }
        return nil
    }

    private func references(of directive: SchemaDirective) -> References {
        directive.arguments.flatMap { argument in
            references(of: argument, at: "@\(directive.name)(\(argument.name):)")
        }
    }

    private func references(of type: NamedType) -> References {
        var result: References = type.directives.map { (type.name, .directive($0.name)) }
        result += type.interfaces.map { (type.name, Reference.type($0)) }
        result += type.possibleTypeMembers.map { (type.name, Reference.type($0)) }
        for field in type.fields {
            let coordinate = "\(type.name).\(field.name)"
            result += field.directives.map { (coordinate, Reference.directive($0.name)) }
            result.append((coordinate, .type(field.type.namedType)))
            for argument in field.arguments {
                result += references(of: argument, at: "\(coordinate)(\(argument.name):)")
            }
        }
        for value in type.enumValues {
            result += value.directives.map { ("\(type.name).\(value.name)", Reference.directive($0.name)) }
        }
        for field in type.inputFields {
            result += references(of: field, at: "\(type.name).\(field.name)")
        }
        return result
    }

    private func references(of value: SchemaInputValue, at coordinate: String) -> References {
        value.directives.map { (coordinate, .directive($0.name)) } + [(coordinate, .type(value.type.namedType))]
    }
}
