import Testing

@testable import GraphQLEngine

/// Spec 6.1.2 "Coercing Variable Values", on the validation test schema.
@Suite struct VariableValuesTests {
    @Test func givenValuesAreCoercedToTheirTypes() {
        #expect(
            variables(
                "query ($first: Int, $text: String, $p: Priority, $ids: [ID!], $at: Float)",
                ["first": 1.0, "text": "x", "p": "HIGH", "ids": 5, "at": 2])
                == .success(["first": 1, "text": "x", "p": .enumValue("HIGH"), "ids": ["5"], "at": .float(2)]))
    }

    @Test func inputObjectsGetTheirFieldDefaults() {
        #expect(
            variables("query ($f: NotificationFilter!)", ["f": ["priorities": "LOW"]])
                == .success(["f": ["priorities": [.enumValue("LOW")], "unreadOnly": false]]))
    }

    @Test func aVariableNotGivenTakesItsDefaultCoercedAsALiteral() {
        #expect(
            variables(
                """
                query ($n: Int = 3, $p: Priority = HIGH, $f: Float = 1, $ids: [ID] = 7, $page: Page = {first: 2}, $none: String = null)
                """,
                [:])
                == .success([
                    "n": 3, "p": .enumValue("HIGH"), "f": .float(1), "ids": ["7"], "page": ["first": 2], "none": nil,
                ]))
    }

    @Test func aGivenValueWinsOverTheDefaultEvenNull() {
        #expect(variables("query ($n: Int = 3, $m: Int = 4)", ["n": nil, "m": 5]) == .success(["n": nil, "m": 5]))
    }

    @Test func aNonNullVariableWithADefaultNeedNotBeGiven() {
        #expect(variables("query ($n: Int! = 3)", [:]) == .success(["n": 3]))
    }

    @Test func aNullableVariableNotGivenIsLeftOutNotNull() {
        #expect(variables("query ($n: Int, $s: String)", ["s": nil]) == .success(["s": nil]))
    }

    @Test func inputsTheOperationDoesNotDefineAreIgnored() {
        #expect(variables("query ($n: Int)", ["n": 1, "other": "x"]) == .success(["n": 1]))
    }

    @Test func aRequiredVariableMustBeGiven() {
        #expect(
            variables("query ($id: ID!, $n: Int)", [:])
                == .failure([error("Variable \"$id\" of required type \"ID!\" was not provided.", at: (1, 8))]))
    }

    @Test func aNonNullVariableMustNotBeNull() {
        #expect(
            variables("query ($ids: [ID!]!)", ["ids": nil])
                == .failure([error("Variable \"$ids\" of non-null type \"[ID!]!\" must not be null.", at: (1, 8))]))
    }

    @Test func anInvalidValueSaysWhyInTheScalarsWords() {
        #expect(
            variables("query ($first: Int)", ["first": "x"])
                == .failure([
                    error("Variable \"$first\" got invalid value \"x\"; Int cannot represent non-integer value: \"x\"", at: (1, 8))
                ]))
        #expect(
            variables("query ($first: Int)", ["first": 1.5])
                == .failure([
                    error("Variable \"$first\" got invalid value 1.5; Int cannot represent non-integer value: 1.5", at: (1, 8))
                ]))
        #expect(
            variables("query ($first: Int)", ["first": 3_000_000_000])
                == .failure([
                    error(
                        "Variable \"$first\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000",
                        at: (1, 8))
                ]))
    }

    @Test func aProblemInsideAValueSaysWhere() {
        #expect(
            variables("query ($input: Nested)", ["input": ["page": ["first": "x"], "tags": ["a", nil]]])
                == .failure([
                    error(
                        "Variable \"$input\" got invalid value \"x\" at \"input.page.first\"; Int cannot represent non-integer value: \"x\"",
                        at: (1, 8)),
                    error(
                        "Variable \"$input\" got invalid value null at \"input.tags[1]\"; Expected non-nullable type \"String!\" not to be null.",
                        at: (1, 8)),
                ]))
    }

    @Test func inputObjectFieldsMustBeDefinedAndRequiredOnesGiven() {
        #expect(
            variables("query ($page: Page)", ["page": ["frist": 1]])
                == .failure([
                    error(
                        "Variable \"$page\" got invalid value {frist: 1}; Field \"first\" of required type \"Int!\" was not provided.",
                        at: (1, 8)),
                    error(
                        "Variable \"$page\" got invalid value {frist: 1}; Field \"frist\" is not defined by type \"Page\". Did you mean \"first\"?",
                        at: (1, 8)),
                ]))
    }

    @Test func anEnumIsGivenByName() {
        #expect(
            variables("query ($p: Priority)", ["p": "high"])
                == .failure([
                    error(
                        "Variable \"$p\" got invalid value \"high\"; Value \"high\" does not exist in \"Priority\" enum. Did you mean the enum value \"HIGH\"?",
                        at: (1, 8))
                ]))
    }

    @Test func aOneOfValueNeedsExactlyOneField() {
        #expect(variables("query ($t: Target!)", ["t": ["tenantId": 9]]) == .success(["t": ["tenantId": "9"]]))
        #expect(
            variables("query ($t: Target!)", ["t": ["userId": "a", "tenantId": "b"]])
                == .failure([
                    error(
                        "Variable \"$t\" got invalid value {tenantId: \"b\", userId: \"a\"}; Exactly one key must be specified for OneOf type \"Target\".",
                        at: (1, 8))
                ]))
    }

    @Test func aCustomScalarSaysWhichTypeRefusedTheValue() {
        #expect(
            variables("query ($at: DateTime)", ["at": "noon"])
                == .failure([
                    error(
                        "Variable \"$at\" got invalid value \"noon\"; Expected type \"DateTime\". DateTime cannot represent a non RFC 3339 value: \"noon\"",
                        at: (1, 8))
                ]))
    }

    @Test func everyProblemIsReportedAtItsVariable() {
        #expect(
            variables(
                """
                query (
                  $a: Int!
                  $b: String
                  $c: Boolean!
                )
                """,
                ["b": 1, "c": nil])
                == .failure([
                    error("Variable \"$a\" of required type \"Int!\" was not provided.", at: (2, 3)),
                    error(
                        "Variable \"$b\" got invalid value 1; String cannot represent a non string value: 1", at: (3, 3)),
                    error("Variable \"$c\" of non-null type \"Boolean!\" must not be null.", at: (4, 3)),
                ]))
    }

    @Test func afterTooManyProblemsTheRestAreNotLookedFor() {
        #expect(
            variables("query ($a: Int!, $b: Int!, $c: Int!, $d: Int!)", [:], maxErrors: 2)
                == .failure([
                    error("Variable \"$a\" of required type \"Int!\" was not provided.", at: (1, 8)),
                    error("Variable \"$b\" of required type \"Int!\" was not provided.", at: (1, 18)),
                    error("Too many errors processing variables, error limit reached. Execution aborted."),
                ]))
    }

    @Test func aVariableOfATypeThatIsNotAnInputTypeIsAnError() {
        #expect(
            variables("query ($u: User, $x: [Unknown!])", ["u": [:]])
                == .failure([
                    error("Variable \"$u\" expected value of type \"User\" which cannot be used as an input type.", at: (1, 12)),
                    error(
                        "Variable \"$x\" expected value of type \"[Unknown!]\" which cannot be used as an input type.",
                        at: (1, 22)),
                ]))
    }

    @Test func aValidatedDocumentChoosesItsOperation() throws {
        let source = Source(
            """
            query A($n: Int) { arguments { int(value: $n) } }
            query B($p: Priority = LOW) { arguments { priority(value: $p) } }
            """)
        let document = try Validator.validate(try Parser.parse(source), against: validationSchema)
        let operations = document.value[document.value.definitions].compactMap { definition -> GraphQLEngine.OperationDefinition? in
            if case .operation(let operation) = definition { operation } else { nil }
        }
        try #require(operations.count == 2)
        #expect(try coerceVariableValues(of: operations[0], in: document, inputs: ["n": 4]) == ["n": 4])
        #expect(try coerceVariableValues(of: operations[1], in: document, inputs: [:]) == ["p": .enumValue("LOW")])
        #expect(throws: VariableValuesError.self) {
            try coerceVariableValues(of: operations[1], in: document, inputs: ["p": "NONE"])
        }
    }

    // MARK: Helpers

    enum Outcome: Equatable {
        case success([String: InputValue])
        case failure([ExpectedError])
    }

    /// The variables of the first operation of `header { me { id } }`, given `inputs`.
    func variables(_ header: String, _ inputs: [String: InputValue], maxErrors: Int = 50) -> Outcome {
        let source = Source(header + " { me { id } }")
        do {
            let document = try Parser.parse(source)
            guard case .operation(let operation)? = document[document.definitions].first else {
                Issue.record("no operation in \(header)")
                return .failure([])
            }
            do {
                return .success(
                    try coerceVariableValues(
                        of: operation, in: document, schema: validationSchema, inputs: inputs, maxErrors: maxErrors))
            } catch {
                return .failure(error.errors.map { ExpectedError(message: $0.message, locations: $0.locations) })
            }
        } catch {
            Issue.record("the test document does not parse: \(error)")
            return .failure([])
        }
    }
}
