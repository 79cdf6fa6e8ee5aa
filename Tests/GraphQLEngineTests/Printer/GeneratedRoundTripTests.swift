import GraphQLEngine
import PropertyBased
import Testing

// Random syntax trees for the printer's round-trip property: whatever the printer writes,
// the parser must read back to the very same tree. The trees are ones the grammar can
// express (names match /[_A-Za-z][_0-9A-Za-z]*/, no fragment is named `on`, no enum value
// is true/false/null, extensions never carry descriptions and always add something, no
// non-null of a non-null, block strings only where a block string can hold the value),
// and every span is `.none`, as `parseContent` leaves them. A query with no name,
// variables, directives or description is the shorthand `{ ... }`; it may follow any
// definition, including one such as `type T` that a following `{` would otherwise extend.

/// Every generator below has this type, so they can be chosen between and recursed into.
typealias SyntaxGenerator<T> = Generator<T, AnySequence<Any>>

/// One of `items`, uniformly.
private func pick<T: Sendable>(_ items: [T]) -> SyntaxGenerator<T> {
    Gen<T?>.element(of: items).map { $0! }.materialized()
}

/// One of the generators, chosen with the given weights.
private func weighted<T: Sendable>(_ choices: [(Double, SyntaxGenerator<T>)]) -> SyntaxGenerator<T> {
    Gen<T>.frequency(choices.map { (weight: $0.0, gen: $0.1) }).materialized()
}

private func always<T: Sendable>(_ value: T) -> SyntaxGenerator<T> {
    Gen<T>.always(value).eraseToAny()
}

extension Generator where ResultValue: Sendable {
    /// This generator run to completion as one step. Zips and arrays map their parts'
    /// inputs again when they finish, so deep combinator chains cost twice per level;
    /// a materialized generator hands them a finished value instead. (It also gives up
    /// shrinking, which these tests leave off.)
    func materialized() -> SyntaxGenerator<ResultValue> {
        Generator<ResultValue, Shrink.None<ResultValue>> { rng in self.run(using: &rng) }.eraseToAny()
    }
}

enum SyntaxGenerators {
    // MARK: Names

    static let nameStart = Array("_ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
    static let nameContinue = nameStart + Array("0123456789")

    /// Words that are keywords somewhere in the grammar; as names they must still work.
    static let keywords = [
        "on", "query", "mutation", "subscription", "fragment", "schema", "scalar", "type", "interface",
        "union", "enum", "input", "directive", "extend", "implements", "repeatable", "true", "false", "null",
        "QUERY", "FIELD", "__typename", "_",
    ]

    /// Name :: NameStart NameContinue*
    static let name: SyntaxGenerator<String> = weighted([
        (5, zip(pick(nameStart), pick(nameContinue).array(of: 0...7)).map { String($0) + String($1) }.materialized()),
        (1, pick(keywords)),
    ])

    /// FragmentName : Name but not `on`
    static let fragmentName = name.filter { $0 != "on" }.materialized()

    /// EnumValue : Name but not `true`, `false` or `null`
    static let enumValueName = name.filter { !["true", "false", "null"].contains($0) }.materialized()

    // MARK: Strings

    /// Scalars a printer is most likely to get wrong.
    static let trickyScalars: [Unicode.Scalar] = [
        "\"", "\\", "\n", "\r", "\t", "\u{00}", "\u{07}", "\u{08}", "\u{0C}", "\u{1B}", "\u{1F}", " ", "/",
        "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "é", "\u{301}", "\u{2028}", "\u{FEFF}", "\u{FFFF}",
        "😀", "\u{10FFFF}", "#", "$", "{", "}", "\u{600}",
    ]

    /// Any Unicode scalar value: every surrogate code point is skipped.
    static let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF)
        .compactMap { (code: UInt32) -> Unicode.Scalar? in Unicode.Scalar(code) }.materialized()

    static let scalar: SyntaxGenerator<Unicode.Scalar> = weighted([
        (4, pick(Array("abcXYZ019 _-.,:'".unicodeScalars))),
        (3, pick(trickyScalars)),
        (2, anyScalar),
    ])

    static func string(of scalars: [Unicode.Scalar]) -> String {
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars)
        return text
    }

    /// Arbitrary text: control characters, quotes, backslashes, any plane.
    static let text = scalar.array(of: 0...12).map(string(of:)).materialized()

    /// Text shaped like documentation: several lines, some indented, some empty, with
    /// quotes and backslashes, so that it usually can be a block string.
    static let documentationLine: SyntaxGenerator<String> = zip(
        pick(["", "", " ", "  ", "    ", "\t"]),
        pick(Array("words and \"quotes\" \\ \"\"\" é\u{301}\u{600}".unicodeScalars)).array(of: 0...10)
    ).map { indentation, scalars in indentation + string(of: scalars) }.materialized()

    static let documentation = documentationLine.array(of: 1...4).map { $0.joined(separator: "\n") }.materialized()

    /// A string literal; a block string only when a block string can hold the value.
    static let stringValue: SyntaxGenerator<StringValue> = zip(
        weighted([(1, text), (1, documentation)]), Gen.bool
    ).map { value, wantsBlock in
        StringValue(value, isBlock: wantsBlock && BlockString.print(value) != nil)
    }.materialized()

    static let description = stringValue.optional(valueRate: 0.35).materialized()

    // MARK: Values

    static let digit = pick(Array("0123456789"))

    /// IntegerPart :: NegativeSign? 0 | NegativeSign? NonZeroDigit Digit*
    static let integerPart: SyntaxGenerator<String> = zip(
        Gen.bool(0.3),
        weighted([
            (1, always("0")),
            (4, zip(pick(Array("123456789")), digit.array(of: 0...20)).map { String($0) + String($1) }.materialized()),
        ])
    ).map { negative, digits in (negative ? "-" : "") + digits }.materialized()

    /// FractionalPart :: . Digit+
    static let fractionalPart = digit.array(of: 1...4).map { "." + String($0) }.materialized()

    /// ExponentPart :: ExponentIndicator Sign? Digit+
    static let exponentPart = zip(pick(["e", "E"]), pick(["", "+", "-"]), digit.array(of: 1...3))
        .map { indicator, sign, digits in indicator + sign + String(digits) }.materialized()

    static let floatText = zip(integerPart, fractionalPart.optional(valueRate: 0.6), exponentPart.optional(valueRate: 0.6))
        .compactMap { (parts: (String, String?, String?)) -> String? in
            parts.1 == nil && parts.2 == nil ? nil : parts.0 + (parts.1 ?? "") + (parts.2 ?? "")
        }.materialized()

    /// Value[Const], nesting lists and objects at most `depth` deep.
    static func value(const: Bool, depth: Int) -> SyntaxGenerator<Value> {
        var choices: [(Double, SyntaxGenerator<Value>)] = [
            (2, integerPart.map { Value.int($0, span: .none) }.materialized()),
            (2, floatText.map { Value.float($0, span: .none) }.materialized()),
            (3, stringValue.map { Value.string($0) }.materialized()),
            (1, Gen.bool.map { Value.boolean($0, span: .none) }.materialized()),
            (1, always(Value.null(span: .none))),
            (2, enumValueName.map { Value.enumValue($0, span: .none) }.materialized()),
        ]
        if !const {
            choices.append((2, name.map { Value.variable(Variable(name: Name($0))) }.materialized()))
        }
        if depth > 0 {
            let element = value(const: const, depth: depth - 1)
            choices.append((1, element.array(of: 0...3).map { Value.list($0, span: .none) }.materialized()))
            let field = zip(name, element).map { ObjectField(name: Name($0), value: $1) }
            choices.append((1, field.array(of: 0...3).map { Value.object($0, span: .none) }.materialized()))
        }
        return weighted(choices)
    }

    // MARK: Types, arguments, directives

    /// Type : NamedType | ListType | NonNullType, with no non-null directly inside a non-null.
    static func typeReference(depth: Int) -> SyntaxGenerator<TypeReference> {
        var bases: [(Double, SyntaxGenerator<TypeReference>)] = [
            (3, name.map { TypeReference.named(Name($0)) }.materialized())
        ]
        if depth > 0 {
            bases.append((1, typeReference(depth: depth - 1).map { TypeReference.list($0, span: .none) }.materialized()))
        }
        return zip(weighted(bases), Gen.bool).map { base, isNonNull in
            isNonNull ? TypeReference.nonNull(base, span: .none) : base
        }.materialized()
    }

    static func arguments(const: Bool) -> SyntaxGenerator<[Argument]> {
        zip(name, value(const: const, depth: 2))
            .map { Argument(name: Name($0), value: $1) }
            .array(of: 0...3).materialized()
    }

    static func directives(const: Bool) -> SyntaxGenerator<[Directive]> {
        zip(name, arguments(const: const))
            .map { Directive(name: Name($0), arguments: $1) }
            .array(of: 0...2).materialized()
    }

    static let constDirectives = directives(const: true)
    static let variableDirectives = directives(const: false)

    // MARK: Executable definitions

    static func selectionSet(depth: Int) -> SyntaxGenerator<SelectionSet> {
        selection(depth: depth).array(of: 1...3).map { SelectionSet(selections: $0) }.materialized()
    }

    /// A selection whose own selection sets nest at most `depth` further.
    static func selection(depth: Int) -> SyntaxGenerator<Selection> {
        let inner: SyntaxGenerator<SelectionSet>? = depth > 0 ? selectionSet(depth: depth - 1) : nil
        let subselection = inner.map { $0.optional(valueRate: 0.5).materialized() } ?? always(nil)
        let field = zip(name.optional(valueRate: 0.3), name, arguments(const: false), variableDirectives, subselection)
            .map { alias, name, arguments, directives, selectionSet in
                Selection.field(
                    Field(
                        alias: alias.map { Name($0) }, name: Name(name), arguments: arguments,
                        directives: directives, selectionSet: selectionSet))
            }.materialized()
        let spread = zip(fragmentName, variableDirectives)
            .map { Selection.fragmentSpread(FragmentSpread(name: Name($0), directives: $1)) }.materialized()
        var choices: [(Double, SyntaxGenerator<Selection>)] = [(4, field), (1, spread)]
        if let inner {
            let inline = zip(name.optional(valueRate: 0.6), variableDirectives, inner)
                .map { typeCondition, directives, selectionSet in
                    Selection.inlineFragment(
                        InlineFragment(
                            typeCondition: typeCondition.map { Name($0) }, directives: directives,
                            selectionSet: selectionSet))
                }.materialized()
            choices.append((1, inline))
        }
        return weighted(choices)
    }

    static let variableDefinition = zip(
        description, name, typeReference(depth: 2), value(const: true, depth: 2).optional(valueRate: 0.4),
        constDirectives
    ).map { description, name, type, defaultValue, directives in
        VariableDefinition(
            description: description, variable: Variable(name: Name(name)), type: type, defaultValue: defaultValue,
            directives: directives)
    }.materialized()

    static let operation = zip(
        description, Gen<OperationType>.case, name.optional(valueRate: 0.6), variableDefinition.array(of: 0...3),
        variableDirectives, selectionSet(depth: 3)
    ).map { description, operation, name, variables, directives, selectionSet in
        OperationDefinition(
            description: description, operation: operation, name: name.map { Name($0) },
            variableDefinitions: variables, directives: directives, selectionSet: selectionSet)
    }.materialized()

    static let fragment = zip(description, fragmentName, name, variableDirectives, selectionSet(depth: 3))
        .map { description, name, typeCondition, directives, selectionSet in
            FragmentDefinition(
                description: description, name: Name(name), typeCondition: Name(typeCondition),
                directives: directives, selectionSet: selectionSet)
        }.materialized()

    /// `{ ... }`: an anonymous query with nothing but its selection set.
    static let shorthandQuery = selectionSet(depth: 3)
        .map { OperationDefinition(operation: .query, selectionSet: $0) }.materialized()

    static let executableDefinition: SyntaxGenerator<Definition> = weighted([
        (3, operation.map { Definition.operation($0) }.materialized()),
        (1, shorthandQuery.map { Definition.operation($0) }.materialized()),
        (1, fragment.map { Definition.fragment($0) }.materialized()),
    ])

    // MARK: Type system definitions

    static let names = name.array(of: 0...3).map { $0.map { Name($0) } }.materialized()

    static let inputValueDefinition = zip(
        description, name, typeReference(depth: 2), value(const: true, depth: 2).optional(valueRate: 0.3),
        constDirectives
    ).map { description, name, type, defaultValue, directives in
        InputValueDefinition(
            description: description, name: Name(name), type: type, defaultValue: defaultValue,
            directives: directives)
    }.materialized()

    static let fieldDefinition = zip(
        description, name, inputValueDefinition.array(of: 0...3), typeReference(depth: 2), constDirectives
    ).map { description, name, arguments, type, directives in
        FieldDefinition(description: description, name: Name(name), arguments: arguments, type: type, directives: directives)
    }.materialized()

    static let enumValueDefinition = zip(description, enumValueName, constDirectives)
        .map { description, name, directives in
            EnumValueDefinition(description: description, name: Name(name), directives: directives)
        }.materialized()

    static let rootOperationTypes = zip(Gen<OperationType>.case, name)
        .map { RootOperationTypeDefinition(operation: $0, type: Name($1)) }.array(of: 0...3).materialized()

    /// A type definition, or with `isExtension` the body of a type extension: no
    /// description, and something added (ScalarTypeExtension needs directives, the others
    /// directives or members).
    static func typeDefinition(isExtension: Bool) -> SyntaxGenerator<TypeDefinition> {
        let description = isExtension ? always(nil) : description
        let scalar = zip(description, name, constDirectives).map { description, name, directives in
            TypeDefinition.scalar(ScalarTypeDefinition(description: description, name: Name(name), directives: directives))
        }.materialized()
        let object = zip(description, name, names, constDirectives, fieldDefinition.array(of: 0...3))
            .map { description, name, interfaces, directives, fields in
                TypeDefinition.object(
                    ObjectTypeDefinition(
                        description: description, name: Name(name), interfaces: interfaces, directives: directives,
                        fields: fields))
            }.materialized()
        let interface = zip(description, name, names, constDirectives, fieldDefinition.array(of: 0...3))
            .map { description, name, interfaces, directives, fields in
                TypeDefinition.interface(
                    InterfaceTypeDefinition(
                        description: description, name: Name(name), interfaces: interfaces, directives: directives,
                        fields: fields))
            }.materialized()
        let union = zip(description, name, constDirectives, names).map { description, name, directives, types in
            TypeDefinition.union(
                UnionTypeDefinition(description: description, name: Name(name), directives: directives, types: types))
        }.materialized()
        let enumType = zip(description, name, constDirectives, enumValueDefinition.array(of: 0...3))
            .map { description, name, directives, values in
                TypeDefinition.enumType(
                    EnumTypeDefinition(description: description, name: Name(name), directives: directives, values: values))
            }.materialized()
        let inputObject = zip(description, name, constDirectives, inputValueDefinition.array(of: 0...3))
            .map { description, name, directives, fields in
                TypeDefinition.inputObject(
                    InputObjectTypeDefinition(
                        description: description, name: Name(name), directives: directives, fields: fields))
            }.materialized()
        let any = weighted([(1, scalar), (2, object), (2, interface), (1, union), (1, enumType), (1, inputObject)])
        return isExtension ? any.filter(addsSomething).materialized() : any
    }

    static func addsSomething(_ type: TypeDefinition) -> Bool {
        switch type {
        case .scalar(let node): !node.directives.isEmpty
        case .object(let node): !(node.interfaces.isEmpty && node.directives.isEmpty && node.fields.isEmpty)
        case .interface(let node): !(node.interfaces.isEmpty && node.directives.isEmpty && node.fields.isEmpty)
        case .union(let node): !(node.directives.isEmpty && node.types.isEmpty)
        case .enumType(let node): !(node.directives.isEmpty && node.values.isEmpty)
        case .inputObject(let node): !(node.directives.isEmpty && node.fields.isEmpty)
        }
    }

    static let schema = zip(description, constDirectives, rootOperationTypes)
        .compactMap { (parts: (StringValue?, [Directive], [RootOperationTypeDefinition])) -> SchemaDefinition? in
            parts.2.isEmpty
                ? nil : SchemaDefinition(description: parts.0, directives: parts.1, operationTypes: parts.2)
        }.materialized()

    static let schemaExtension = zip(constDirectives, rootOperationTypes)
        .compactMap { (parts: ([Directive], [RootOperationTypeDefinition])) -> SchemaDefinition? in
            parts.0.isEmpty && parts.1.isEmpty ? nil : SchemaDefinition(directives: parts.0, operationTypes: parts.1)
        }.materialized()

    static let directiveDefinition = zip(
        description, name, inputValueDefinition.array(of: 0...3), Gen.bool, pick(DirectiveLocation.allCases).array(of: 1...4)
    ).map { description, name, arguments, isRepeatable, locations in
        DirectiveDefinition(
            description: description, name: Name(name), arguments: arguments, isRepeatable: isRepeatable,
            locations: locations.map { Name($0.rawValue) })
    }.materialized()

    static let typeSystemDefinition: SyntaxGenerator<Definition> = weighted([
        (1, schema.map { Definition.schema($0) }.materialized()),
        (4, typeDefinition(isExtension: false).map { Definition.type($0) }.materialized()),
        (1, directiveDefinition.map { Definition.directive($0) }.materialized()),
        (1, schemaExtension.map { Definition.schemaExtension($0) }.materialized()),
        (3, typeDefinition(isExtension: true).map { Definition.typeExtension($0) }.materialized()),
    ])

    // MARK: Documents

    static func document(of definition: SyntaxGenerator<Definition>) -> SyntaxGenerator<Document> {
        definition.array(of: 1...4).map { Document(definitions: $0) }.materialized()
    }

    static let executableDocument = document(of: executableDefinition)
    static let typeSystemDocument = document(of: typeSystemDefinition)
    static let mixedDocument = document(of: weighted([(1, executableDefinition), (1, typeSystemDefinition)]))
}

/// Checks that `document` prints to text that parses back to exactly `document`, and that
/// printing that again gives the same text.
private func expectRoundTrip(_ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    let printed = Printer.print(document)
    let reparsed: Document
    do {
        reparsed = try parseContent(printed)
    } catch {
        Issue.record("printed text does not parse: \(error)\n\(printed)", sourceLocation: sourceLocation)
        return
    }
    #expect(reparsed == document, "printed as:\n\(printed)\nreprinted as:\n\(Printer.print(reparsed))",
            sourceLocation: sourceLocation)
    #expect(Printer.print(reparsed) == printed, "printing is not idempotent", sourceLocation: sourceLocation)
}

@Suite("Printer: generated round trips")
struct GeneratedRoundTripTests {
    @Test func generatedValuesPrintToLiteralsThatParseBackEqual() async {
        await propertyCheck(count: 500, input: SyntaxGenerators.value(const: false, depth: 3)) { value in
            let printed = Printer.print(value)
            let reparsed = try parseValueContent(printed)
            #expect(reparsed == value, "printed as \(printed)")
        }
    }

    @Test func generatedStringsPrintToLiteralsThatParseBackEqual() async {
        await propertyCheck(count: 500, input: SyntaxGenerators.stringValue) { string in
            let printed = Printer.print(Value.string(string))
            let reparsed = try parseValueContent(printed)
            #expect(reparsed == .string(string), "printed as \(printed)")
        }
    }

    @Test func generatedTypeReferencesParseBackEqual() async {
        await propertyCheck(count: 200, input: SyntaxGenerators.typeReference(depth: 4)) { type in
            let printed = Printer.print(type)
            let reparsed = try parseTypeContent(printed)
            #expect(reparsed == type, "printed as \(printed)")
        }
    }

    @Test func generatedExecutableDocumentsParseBackEqual() async {
        await propertyCheck(count: 300, input: SyntaxGenerators.executableDocument) { document in
            expectRoundTrip(document)
        }
    }

    @Test func generatedTypeSystemDocumentsParseBackEqual() async {
        await propertyCheck(count: 300, input: SyntaxGenerators.typeSystemDocument) { document in
            expectRoundTrip(document)
        }
    }

    @Test func generatedMixedDocumentsParseBackEqual() async {
        await propertyCheck(count: 300, input: SyntaxGenerators.mixedDocument) { document in
            expectRoundTrip(document)
        }
    }

    @Test func generatorsProduceEveryKindOfDefinition() {
        var rng = Xoshiro(seed: (0x5157, 0x1C4B, 0x0A4D, 0x2026))
        var seen = Set<String>()
        for _ in 0..<400 {
            for definition in SyntaxGenerators.mixedDocument.run(using: &rng).definitions {
                switch definition {
                case .operation(let node): seen.insert(node.isShorthand ? "shorthand" : "operation")
                case .fragment: seen.insert("fragment")
                case .schema: seen.insert("schema")
                case .type: seen.insert("type")
                case .directive: seen.insert("directive")
                case .schemaExtension: seen.insert("schema extension")
                case .typeExtension: seen.insert("type extension")
                }
            }
        }
        #expect(seen == ["shorthand", "operation", "fragment", "schema", "type", "directive", "schema extension", "type extension"])
    }

    @Test func generatedStringsIncludeBlockStringsAndControlCharacters() {
        var rng = Xoshiro(seed: (0x5157, 0x1C4B, 0x0A4D, 0x2026))
        let strings = (0..<400).map { _ in SyntaxGenerators.stringValue.run(using: &rng) }
        #expect(strings.contains { $0.isBlock && $0.value.contains("\n") })
        #expect(strings.contains { !$0.isBlock && $0.value.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" } })
        #expect(strings.contains { $0.value.contains("\\") || $0.value.contains("\"") })
        #expect(strings.allSatisfy { !$0.isBlock || BlockString.print($0.value) != nil })
    }
}

