import GraphQLEngine

extension RateLimitPolicies {
    /// The policies `schema` declares. A malformed directive is not skipped: every one is
    /// reported, so that a limit never silently goes unenforced.
    public init(schema: Schema) throws(RateLimitPolicyError) {
        var reader = RateLimitPolicyReader(schema: schema)
        reader.read()
        guard reader.problems.isEmpty else { throw RateLimitPolicyError(problems: reader.problems) }
        self.init(
            fieldPolicies: reader.fieldPolicies, typePolicies: reader.typePolicies, costBudgets: reader.costBudgets,
            fieldWeights: reader.fieldWeights, typeWeights: reader.typeWeights, listSizes: reader.listSizes)
    }
}

/// Reads the directives one schema element at a time, keeping what is well formed and a
/// problem for each thing that is not.
struct RateLimitPolicyReader {
    let schema: Schema
    private(set) var problems: [RateLimitPolicyError.Problem] = []
    private(set) var fieldPolicies: [String: [RateLimitPolicy]] = [:]
    private(set) var typePolicies: [String: [RateLimitPolicy]] = [:]
    private(set) var costBudgets: [RateLimitPolicy] = []
    private(set) var fieldWeights: [String: Int] = [:]
    private(set) var typeWeights: [String: Int] = [:]
    private(set) var listSizes: [String: ListSize] = [:]

    init(schema: Schema) {
        self.schema = schema
    }

    mutating func read() {
        costBudgets = limits(
            "costBudget", in: schema.appliedDirectives, coordinate: RateLimitPolicies.costBudgetCoordinate,
            reportedAs: "schema")
        let roots = Set([schema.queryType, schema.mutationType, schema.subscriptionType].compactMap(\.self))
        for type in schema.types where !type.isBuiltIn {
            switch type.kind {
            case .object: readObject(type, isRoot: roots.contains(type.id))
            case .interface: readInterface(type)
            default: break
            }
        }
    }

    private mutating func readObject(_ type: NamedType, isRoot: Bool) {
        let policies = limits("rateLimit", in: type.directives, coordinate: type.name)
        if !policies.isEmpty {
            if isRoot {
                typePolicies[type.name] = policies
            } else {
                report(
                    type.name,
                    "@rateLimit on a type is only for the root operation types (Query, Mutation, Subscription); "
                        + "put it on fields of \(type.name)")
            }
        }
        if let weight = weight(in: type.directives, coordinate: type.name) { typeWeights[type.name] = weight }
        for field in type.fields {
            let coordinate = type.name + "." + field.name
            let policies = limits("rateLimit", in: field.directives, coordinate: coordinate)
            if !policies.isEmpty { fieldPolicies[coordinate] = policies }
            if let weight = weight(in: field.directives, coordinate: coordinate) { fieldWeights[coordinate] = weight }
            if let size = listSize(of: field, coordinate: coordinate) { listSizes[coordinate] = size }
        }
    }

    /// Operations select the fields of object types, so that is where limits and costs
    /// are read; on an interface's field they would silently do nothing.
    private mutating func readInterface(_ type: NamedType) {
        for field in type.fields {
            for name in ["rateLimit", "cost", "listSize"] where field.directives.contains(where: { $0.name == name }) {
                report(
                    type.name + "." + field.name,
                    "@\(name) is read on the fields of object types only; put it on the types that implement \(type.name)"
                )
            }
        }
    }

    // MARK: - @rateLimit and @costBudget

    /// Every `@<name>` among `directives` that is well formed, at most one per `by`.
    private mutating func limits(
        _ name: String, in directives: [AppliedDirective], coordinate: String, reportedAs place: String? = nil
    ) -> [RateLimitPolicy] {
        let place = place ?? coordinate
        var policies: [RateLimitPolicy] = []
        for directive in directives where directive.name == name {
            guard let policy = limit(directive, coordinate: coordinate, reportedAs: place) else { continue }
            if policies.contains(where: { $0.by == policy.by }) {
                report(place, "@\(name) by \(policy.by.rawValue) is given twice; give one limit per USER, IP or TENANT")
                continue
            }
            policies.append(policy)
        }
        return policies
    }

    private mutating func limit(_ directive: AppliedDirective, coordinate: String, reportedAs place: String)
        -> RateLimitPolicy?
    {
        let name = "@" + directive.name
        var isValid = true
        let limit = directive.argument(named: "limit").flatMap(Self.int)
        if let limit, limit < 1 {
            report(place, "\(name) limit must be at least 1, not \(limit)")
            isValid = false
        }
        var window: Duration?
        let text = directive.argument(named: "window").flatMap(Self.string)
        if let text {
            switch RateLimitWindow.parse(text) {
            case .success(let parsed): window = parsed
            case .failure(let problem):
                report(place, "\(name) window \"\(text)\" \(problem.message)")
                isValid = false
            }
        }
        let by = by(directive)
        guard isValid, let limit, let window, let by else { return nil }
        // The limiter admits one unit per window/limit microseconds: it needs at least one.
        guard Int64(limit) <= window.components.seconds * 1_000_000 else {
            report(place, "\(name) limit \(limit) is more than one a microsecond over \(text ?? "its window")")
            return nil
        }
        return RateLimitPolicy(coordinate: coordinate, limit: limit, window: window, by: by)
    }

    /// `by`, or the directive's default (USER) when it is not given.
    private func by(_ directive: AppliedDirective) -> RateLimitBy? {
        let value =
            directive.argument(named: "by")
            ?? schema.directive(named: directive.name)?.argument(named: "by")?.defaultValue
        guard let value else { return .user }
        guard case .enumValue(let name, _) = value else { return nil }
        return RateLimitBy(rawValue: name)
    }

    // MARK: - @cost and @listSize

    private mutating func weight(in directives: [AppliedDirective], coordinate: String) -> Int? {
        guard let cost = directives.first(where: { $0.name == "cost" }),
            let weight = cost.argument(named: "weight").flatMap(Self.int)
        else { return nil }
        guard weight >= 0 else {
            report(coordinate, "@cost weight must not be negative, not \(weight)")
            return nil
        }
        return weight
    }

    private mutating func listSize(of field: SchemaField, coordinate: String) -> ListSize? {
        guard let directive = field.directives.first(where: { $0.name == "listSize" }) else { return nil }
        let slicing = directive.argument(named: "slicingArguments").map(Self.strings) ?? []
        let sized = directive.argument(named: "sizedFields").map(Self.strings) ?? []
        let assumedSize = directive.argument(named: "assumedSize").flatMap(Self.int)
        var isValid = true
        func problem(_ message: String) {
            report(coordinate, message)
            isValid = false
        }
        for name in slicing {
            guard let argument = field.argument(named: name) else {
                problem("@listSize slicing argument \"\(name)\" is not an argument of \(coordinate)")
                continue
            }
            guard case .named(let id) = argument.type.nullable, schema[id].builtInScalar == .int else {
                problem("@listSize slicing argument \"\(name)\" must be an Int")
                continue
            }
        }
        if let assumedSize, assumedSize < 0 {
            problem("@listSize assumedSize must not be negative, not \(assumedSize)")
        }
        if slicing.isEmpty, assumedSize == nil { problem("@listSize needs slicingArguments or assumedSize") }
        let returned = schema[field.type.namedType]
        for name in sized where returned.field(named: name) == nil {
            problem("@listSize sized field \"\(name)\" is not a field of \(returned.name)")
        }
        if sized.isEmpty, field.type.listItem == nil {
            problem("@listSize on a field that is not a list needs sizedFields (the lists it holds)")
        }
        guard isValid else { return nil }
        return ListSize(slicingArguments: slicing, assumedSize: assumedSize, sizedFields: sized)
    }

    // MARK: - Values

    private mutating func report(_ coordinate: String, _ message: String) {
        problems.append(RateLimitPolicyError.Problem(coordinate: coordinate, message: message))
    }

    /// An Int literal; schema validation has already checked each argument's type.
    static func int(_ value: SyntaxTree.Value) -> Int? {
        if case .int(let text, _) = value { Int(text) } else { nil }
    }

    static func string(_ value: SyntaxTree.Value) -> String? {
        if case .string(let string) = value { string.value } else { nil }
    }

    /// A list of strings, or one string (input coercion makes it a list of one).
    static func strings(_ value: SyntaxTree.Value) -> [String] {
        switch value {
        case .list(let items, _): items.compactMap(string)
        default: string(value).map { [$0] } ?? []
        }
    }
}
