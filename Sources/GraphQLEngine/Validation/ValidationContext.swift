/// What a rule can know during the walk: the document and schema, the types in scope at
/// the node being visited (kept up to date by the walk), facts about the whole document
/// (fragments by name, variable usages), and where to report.
final class ValidationContext {
    let document: Document
    let schema: Schema
    let options: ValidationOptions
    private(set) var errors: [ValidationError] = []
    /// Set once `options.maxErrors` errors are reported; the walk stops there.
    private(set) var isAborted = false

    // MARK: Types in scope, set by the walk

    /// The composite type the current selection set selects from; nil where it is unknown.
    var parentType: NamedType?
    /// The definition of the current field, when its parent type has it.
    var fieldDefinition: SchemaField?
    /// The output type of the current field.
    var type: TypeRef?
    /// The definition of the current directive, when the schema has it.
    var directiveDefinition: SchemaDirective?
    /// The definition of the current argument, when its field or directive has it.
    var argumentDefinition: SchemaInputValue?
    /// The input type expected for the current value, when known.
    var inputType: TypeRef?
    /// The input object or list type around the current value, when it is a field or item.
    var parentInputType: TypeRef?
    /// Whether the current value's position has a default (an argument or input field
    /// default), which lets a nullable variable fill a non-null position (spec 5.8.5).
    var positionHasDefault = false
    /// The top-level definition being walked.
    var definitionIndex = 0

    // MARK: Facts about the document

    /// The document's operations, each with its index among the definitions.
    let operations: [(operation: OperationDefinition, index: Int)]
    /// The first fragment of each name, numbered in document order and found by the bytes
    /// of a spread's name; with its index among the definitions.
    private let fragmentNumbers: NameTable
    private let fragmentsByNumber: [FragmentDefinition]
    private let fragmentDefinitionIndices: [Int]
    var fragmentCount: Int { fragmentsByNumber.count }
    /// The variables each top-level definition uses, in document order, filled in by the
    /// walk: complete when rules leave the document.
    var variableUsages: [[VariableUsage]]

    /// What the walk learned about each field, by the field's position among the
    /// document's selections: complete when rules leave the document, so rules that
    /// revisit fields (through fragments) need not look definitions up again.
    var fieldFacts: [FieldFacts]
    private var recursiveUsages: [Int: [VariableUsage]] = [:]
    /// Every distinct response name in the document, numbered in the order met, found by
    /// a hash of its bytes (no string is made); a hash shared by two different names
    /// sends the later ones to `collidingNames`.
    private var responseNameNumbers: [UInt64: (number: Int32, span: SourceSpan)] = [:]
    private var collidingNames: [String: Int32] = [:]
    private(set) var responseNameCount = 0

    struct FieldFacts {
        /// The type the field was selected on; nil where unknown.
        var parentType: NamedType?
        var definition: SchemaField?
        /// The response name's number (see `responseNameCount`); -1 before the walk.
        var responseName: Int32
    }

    struct VariableUsage {
        let variable: Variable
        /// The input type expected where the variable is used, when known.
        let type: TypeRef?
        let positionHasDefault: Bool
        /// The input object around the position, for `@oneOf` fields.
        let parentInputType: TypeRef?
    }

    init(document: Document, schema: Schema, options: ValidationOptions) {
        self.document = document
        self.schema = schema
        self.options = options
        var names: [String] = []
        var seen: Set<String> = []
        var byNumber: [FragmentDefinition] = []
        var definitionIndices: [Int] = []
        var operations: [(operation: OperationDefinition, index: Int)] = []
        for (index, definition) in document[document.definitions].enumerated() {
            switch definition {
            case .operation(let operation):
                operations.append((operation, index))
            case .fragment(let fragment):
                let name = document.text(fragment.name)
                guard seen.insert(name).inserted else { continue }
                names.append(name)
                byNumber.append(fragment)
                definitionIndices.append(index)
            default:
                break
            }
        }
        self.operations = operations
        self.fragmentNumbers = NameTable(names)
        self.fragmentsByNumber = byNumber
        self.fragmentDefinitionIndices = definitionIndices
        self.variableUsages = Array(repeating: [], count: Int(document.definitions.count))
        self.fieldFacts = Array(
            repeating: FieldFacts(parentType: nil, definition: nil, responseName: -1),
            count: document.storage.selections.count)
    }

    /// Records what the walk knows of the field at `index` among the document's selections.
    func recordField(_ field: Field, at index: Int, definition: SchemaField?) {
        fieldFacts[index] = FieldFacts(
            parentType: parentType, definition: definition, responseName: number(of: field.responseName))
    }

    private func number(of name: Name) -> Int32 {
        let range = Int(name.span.start)..<Int(name.span.end)
        let hash = document.source.bytes.withUnsafeBufferPointer { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for index in range { hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3 }
            return hash
        }
        guard let known = responseNameNumbers[hash] else {
            responseNameNumbers[hash] = (Int32(responseNameCount), name.span)
            responseNameCount += 1
            return Int32(responseNameCount - 1)
        }
        let knownRange = Int(known.span.start)..<Int(known.span.end)
        let same = document.source.bytes.withUnsafeBufferPointer { bytes in
            bytes[knownRange].elementsEqual(bytes[range])
        }
        if same { return known.number }
        let text = text(name)
        if let colliding = collidingNames[text] { return colliding }
        collidingNames[text] = Int32(responseNameCount)
        responseNameCount += 1
        return Int32(responseNameCount - 1)
    }

    func report(_ diagnostic: ValidationDiagnostic, _ spans: SourceSpan...) {
        report(diagnostic, spans: spans)
    }

    func report(_ diagnostic: ValidationDiagnostic, spans: [SourceSpan]) {
        guard !isAborted else { return }
        if let limit = options.maxErrors, errors.count >= limit {
            errors.append(ValidationError(.tooManyErrors, spans: []))
            isAborted = true
            return
        }
        errors.append(ValidationError(diagnostic, spans: spans))
    }

    // MARK: Reading the document

    func text(_ name: Name) -> String { document.text(name) }

    /// The first fragment of that name.
    func fragment(named name: String) -> FragmentDefinition? {
        fragmentNumbers.position(of: name).map { fragmentsByNumber[$0] }
    }

    /// The fragment a spread names, with its number (below `fragmentCount`), found
    /// without making a string of the name.
    func fragment(spreadAs name: Name) -> (number: Int, definition: FragmentDefinition)? {
        document.withBytes(of: name) { fragmentNumbers.position(of: $0) }.map { ($0, fragmentsByNumber[$0]) }
    }

    /// A value node as GraphQL prints it, as messages quote values.
    func printed(_ value: Value) -> String { Printer.print(document.tree(of: value, keepingLocations: false)) }

    /// A type reference as written: `[User!]!`.
    func printed(_ type: TypeReference) -> String { Printer.print(document.tree(of: type, keepingLocations: false)) }

    /// The schema type a type reference names, or nil if a named type is unknown.
    func resolve(_ type: TypeReference) -> TypeRef? {
        switch type {
        case .named(let name): schema.type(named: text(name)).map { .named($0.id) }
        case .list(let inner, _): resolve(document[inner]).map { .list($0) }
        case .nonNull(let inner, _): resolve(document[inner]).map { .nonNull($0) }
        }
    }

    /// The fragment spreads directly in a selection set (inside fields and inline
    /// fragments too, but not inside the fragments spread).
    func fragmentSpreads(in selectionSet: SelectionSet) -> [FragmentSpread] {
        var spreads: [FragmentSpread] = []
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for selection in document[set.selections] {
                switch selection {
                case .field(let field): if let nested = field.selectionSet { pending.append(nested) }
                case .inlineFragment(let fragment): pending.append(fragment.selectionSet)
                case .fragmentSpread(let spread): spreads.append(spread)
                }
            }
        }
        return spreads
    }

    /// The numbers of the fragments a selection set uses, directly or through other
    /// fragments, each once.
    func fragmentsReached(from selectionSet: SelectionSet) -> [Int] {
        var seen: Set<Int> = []
        var order: [Int] = []
        var pending = [selectionSet]
        while let set = pending.popLast() {
            for spread in fragmentSpreads(in: set) {
                guard let (number, fragment) = fragment(spreadAs: spread.name), seen.insert(number).inserted else {
                    continue
                }
                order.append(number)
                pending.append(fragment.selectionSet)
            }
        }
        return order
    }

    /// The variables used by the definition at `index` and by every fragment it reaches;
    /// worked out once per definition (several rules ask), after the walk.
    func recursiveVariableUsages(ofDefinitionAt index: Int, selectionSet: SelectionSet) -> [VariableUsage] {
        if let known = recursiveUsages[index] { return known }
        var usages = variableUsages[index]
        for number in fragmentsReached(from: selectionSet) {
            usages += variableUsages[fragmentDefinitionIndices[number]]
        }
        recursiveUsages[index] = usages
        return usages
    }
}

/// What validation applies beyond the spec's rules, and when it gives up.
public struct ValidationOptions: Sendable {
    /// Stop after this many errors, with a last one saying so; nil for no limit.
    public var maxErrors: Int?
    /// How deep `fields`, `interfaces`, `possibleTypes`, `inputFields` and `ofType` may
    /// nest within an introspection query, through fragments (MaxIntrospectionDepth).
    public var maxIntrospectionDepth: Int?
    /// The gateway's own limits; nil for none.
    public var limits: OperationLimits?
    /// Whether `__schema` and `__type` may be queried (NoSchemaIntrospectionCustom);
    /// `__typename` always may.
    public var allowsIntrospection: Bool

    public init(
        maxErrors: Int? = 100, maxIntrospectionDepth: Int? = 3, limits: OperationLimits? = nil,
        allowsIntrospection: Bool = true
    ) {
        self.maxErrors = maxErrors
        self.maxIntrospectionDepth = maxIntrospectionDepth
        self.limits = limits
        self.allowsIntrospection = allowsIntrospection
    }

    /// The spec's rules alone, plus the error cap.
    public static let specOnly = ValidationOptions(maxIntrospectionDepth: nil, limits: nil)
}

/// Limits a gateway puts on operations, checked as validation rules: how deep selections
/// nest (through fragments), how many aliases and how many root fields an operation has.
public struct OperationLimits: Hashable, Sendable {
    public var maxDepth: Int?
    public var maxAliases: Int?
    public var maxRootFields: Int?

    public init(maxDepth: Int? = 15, maxAliases: Int? = 30, maxRootFields: Int? = 20) {
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxRootFields = maxRootFields
    }
}
