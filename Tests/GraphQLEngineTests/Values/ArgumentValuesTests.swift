import Testing

@testable import GraphQLEngine

/// Spec 6.4.1 "Coercing Field Arguments", on the validation test schema: the arguments of
/// the last field of a document (or of its directive), as the executor asks for them.
@Suite struct ArgumentValuesTests {
    // MARK: Literals

    @Test func literalsAreCoercedToTheirArgumentTypes() {
        #expect(arguments("{ arguments { int(value: 3) } }") == .success(["value": 3]))
        #expect(arguments("{ arguments { float(value: 3) } }") == .success(["value": .float(3)]))
        #expect(arguments("{ arguments { id(value: 42) } }") == .success(["value": "42"]))
        #expect(arguments("{ arguments { priority(value: HIGH) } }") == .success(["value": .enumValue("HIGH")]))
        #expect(arguments("{ arguments { stringList(values: \"a\") } }") == .success(["values": ["a"]]))
        #expect(
            arguments("{ arguments { multipleRequired(b: 2, a: 1) } }") == .success(["a": 1, "b": 2]))
    }

    @Test func objectLiteralsGetTheirFieldDefaults() {
        #expect(
            arguments("{ arguments { filter(value: {text: \"x\", priorities: LOW}) } }")
                == .success(["value": ["text": "x", "priorities": [.enumValue("LOW")], "unreadOnly": false]]))
        #expect(
            arguments("{ arguments { nested(value: {page: {first: 1}, tags: [\"a\", \"b\"]}) } }")
                == .success(["value": ["page": ["first": 1], "tags": ["a", "b"]]]))
    }

    @Test func anArgumentLeftOutIsAbsentAndAnExplicitNullIsNull() {
        #expect(arguments("{ arguments { optionalPair(b: null) } }") == .success(["b": nil]))
        #expect(arguments("{ arguments { int } }") == .success([:]))
    }

    @Test func anArgumentLeftOutTakesItsDefault() {
        #expect(arguments("{ me { friends { id } } }", field: "friends") == .success(["first": 10]))
        #expect(arguments("{ arguments { requiredWithDefault } }") == .success(["a": 1]))
    }

    @Test func directiveArgumentsAreCoercedTheSameWay() {
        #expect(
            arguments("{ me @cached(ttl: 30) { id } }", field: "me", directive: true)
                == .success(["ttl": 30, "scope": "user"]))
    }

    // MARK: Variables

    @Test func aVariableGivesItsValueAsItIs() {
        #expect(arguments("query ($v: Int) { arguments { int(value: $v) } }", ["v": 7]) == .success(["value": 7]))
        #expect(
            arguments("query ($v: [Priority]) { arguments { filter(value: {priorities: $v}) } }", ["v": [.enumValue("LOW")]])
                == .success(["value": ["priorities": [.enumValue("LOW")], "unreadOnly": false]]))
    }

    @Test func aVariableWithNoValueFallsBackToTheArgumentDefault() {
        #expect(arguments("query ($n: Int) { me { friends(first: $n) { id } } }", field: "friends") == .success(["first": 10]))
        #expect(arguments("query ($n: Int) { arguments { int(value: $n) } }") == .success([:]))
    }

    @Test func aVariableThatIsNullGivesNullEvenOverADefault() {
        #expect(
            arguments("query ($n: Int) { me { friends(first: $n) { id } } }", ["n": nil], field: "friends") == .success(["first": nil]))
    }

    @Test func variablesInsideListsAndObjectsAreReplaced() {
        #expect(
            arguments("query ($s: String) { arguments { stringList(values: [\"a\", $s]) } }", ["s": "b"])
                == .success(["values": ["a", "b"]]))
        #expect(
            arguments(
                "query ($t: String, $u: Boolean) { arguments { filter(value: {text: $t, unreadOnly: $u}) } }",
                ["t": nil, "u": true])
                == .success(["value": ["text": nil, "unreadOnly": true]]))
    }

    @Test func aVariableWithNoValueInsideIsNullInAListAndLeftOutOfAnObject() {
        #expect(
            arguments("query ($s: String) { arguments { stringList(values: [\"a\", $s]) } }")
                == .success(["values": ["a", nil]]))
        #expect(
            arguments("query ($t: String, $u: Boolean) { arguments { filter(value: {text: $t, unreadOnly: $u}) } }")
                == .success(["value": ["unreadOnly": false]]))
    }

    @Test func aCustomScalarGetsItsValueWithVariablesReplaced() {
        #expect(
            arguments(
                "query ($x: String) { echo(value: {a: [$x, 1], b: $x}) }", ["x": "y"],
                schema: Self.jsonSchema)
                == .success(["value": ["a": ["y", 1], "b": "y"]]))
    }

    @Test func aOneOfObjectGetsExactlyItsOneField() {
        #expect(
            arguments("query ($id: ID) { arguments { target(value: {userId: $id}) } }", ["id": "u1"])
                == .success(["value": ["userId": "u1"]]))
    }

    // MARK: Errors

    @Test func aRequiredArgumentLeftOutIsReportedAtTheField() {
        #expect(
            arguments("{ arguments { nonNullInt } }")
                == .failure(error("Argument \"value\" of required type \"Int!\" was not provided.", at: (1, 15))))
        #expect(
            arguments("{ me @cached(scope: \"x\") { id } }", field: "me", directive: true)
                == .failure(error("Argument \"ttl\" of required type \"Int!\" was not provided.", at: (1, 6))))
    }

    @Test func nullForANonNullArgumentIsReportedAtTheValue() {
        #expect(
            arguments("{ arguments { nonNullInt(value: null) } }")
                == .failure(error("Argument \"value\" of non-null type \"Int!\" must not be null.", at: (1, 33))))
        #expect(
            arguments("query ($v: Int) { arguments { nonNullInt(value: $v) } }", ["v": nil])
                == .failure(error("Argument \"value\" of non-null type \"Int!\" must not be null.", at: (1, 49))))
    }

    @Test func aVariableWithNoValueForARequiredArgumentIsReported() {
        #expect(
            arguments("query ($v: Int) { arguments { nonNullInt(value: $v) } }")
                == .failure(
                    error(
                        "Argument \"value\" of required type \"Int!\" was provided the variable \"$v\" which was not provided a runtime value.",
                        at: (1, 49))))
    }

    @Test func aValueThatDoesNotCoerceIsReportedWhole() {
        #expect(
            arguments("{ arguments { int(value: \"x\") } }")
                == .failure(error("Argument \"value\" has invalid value \"x\".", at: (1, 26))))
        #expect(
            arguments("query ($s: String) { arguments { nonNullStringList(values: [\"a\", $s]) } }")
                == .failure(error("Argument \"values\" has invalid value [\"a\", $s].", at: (1, 60))))
        #expect(
            arguments("query ($n: Int) { arguments { nested(value: {page: {first: $n}}) } }")
                == .failure(error("Argument \"value\" has invalid value {page: {first: $n}}.", at: (1, 45))))
        #expect(
            arguments("query ($id: ID) { arguments { target(value: {userId: $id}) } }")
                == .failure(error("Argument \"value\" has invalid value {userId: $id}.", at: (1, 45))))
    }

    @Test func aValidatedDocumentCanBeUsedDirectly() throws {
        let source = Source("query ($n: Int = 5) { me { friends(first: $n, after: \"c\") { id } } }")
        let document = try Validator.validate(try Parser.parse(source), against: validationSchema)
        let field = try #require(Self.friendsField(in: document.value))
        let definition = try #require(validationSchema.type(named: "User")?.field(named: "friends"))
        let values = try coerceArgumentValues(
            definition.arguments, given: field.arguments, at: field.span, in: document, variables: ["n": 2])
        #expect(values == ["first": 2, "after": "c"])
    }

    // MARK: Helpers

    enum Outcome: Equatable {
        case success([String: InputValue])
        case failure(ExpectedError)
    }

    /// The arguments of the field named `field` in `text` (by default the last one, deepest
    /// first), or of its first directive, as defined on the type the field is selected on.
    func arguments(
        _ text: String, _ variables: [String: InputValue] = [:], field name: String? = nil, directive: Bool = false,
        schema: Schema = validationSchema
    ) -> Outcome {
        let source = Source(text)
        do {
            let document = try Parser.parse(source)
            guard let (field, parent) = Self.lastField(in: document, named: name, schema: schema),
                let definition = schema.field(named: document.text(field.name), on: parent)
            else {
                Issue.record("no field of the schema in \(text)")
                return .failure(ExpectedError(message: "", locations: []))
            }
            var (definitions, arguments, span) = (definition.arguments, field.arguments, field.span)
            if directive {
                guard let node = document[field.directives].first,
                    let directiveDefinition = schema.directive(named: document.text(node.name))
                else {
                    Issue.record("no directive of the schema in \(text)")
                    return .failure(ExpectedError(message: "", locations: []))
                }
                (definitions, arguments, span) = (directiveDefinition.arguments, node.arguments, node.span)
            }
            do {
                return .success(
                    try coerceArgumentValues(
                        definitions, given: arguments, at: span, in: document, schema: schema, variables: variables))
            } catch {
                return .failure(ExpectedError(message: error.message, locations: error.locations))
            }
        } catch {
            Issue.record("the test document does not parse: \(error)")
            return .failure(ExpectedError(message: "", locations: []))
        }
    }

    /// Along the last selections of the first operation, the field named `name` (else the
    /// deepest), with the type it is selected on.
    static func lastField(
        in document: GraphQLEngine.Document, named name: String? = nil, schema: Schema
    ) -> (GraphQLEngine.Field, NamedType)? {
        for definition in document[document.definitions] {
            guard case .operation(let operation) = definition, var parent = schema.rootType(for: operation.operation)
            else { continue }
            var selectionSet = operation.selectionSet
            while case .field(let field)? = document[selectionSet.selections].last {
                guard let nested = field.selectionSet, name.map({ !document.name(field.name, is: $0) }) ?? true,
                    let definition = schema.field(named: document.text(field.name), on: parent)
                else { return (field, parent) }
                parent = schema[definition.type.namedType]
                selectionSet = nested
            }
        }
        return nil
    }

    static func friendsField(in document: GraphQLEngine.Document) -> GraphQLEngine.Field? {
        lastField(in: document, named: "friends", schema: validationSchema)?.0
    }

    static let jsonSchema: Schema = {
        do {
            return try Schema(sdl: "scalar JSON type Query { echo(value: JSON): JSON }")
        } catch {
            fatalError("\(error)")
        }
    }()
}
