import Testing

@testable import GraphQLEngine

@Suite struct ValuesOfCorrectTypeRuleTests {
    // MARK: Built-in scalars

    @Test func everyBuiltInScalarAcceptsItsOwnLiterals() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
                int(value: 2) nonNullInt(value: -3) string(value: "s") nonNullString(value: \"""block\""")
                boolean(value: true) nonNullBoolean(value: false) float(value: 1.5e3) id(value: "u1")
            } }
            """)
    }

    @Test func floatAcceptsAnIntAndIDAcceptsAnInt() {
        expectValid(ValuesOfCorrectTypeRule.self, "{ arguments { float(value: 1) id(value: -42) } }")
    }

    @Test func intAcceptsTheEdgesOfThirtyTwoBits() {
        expectValid(
            ValuesOfCorrectTypeRule.self, "{ arguments { a: int(value: 2147483647) b: int(value: -2147483648) } }")
    }

    @Test func intRefusesStringsFloatsBooleansAndEnumValues() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: int(value: "3") b: int(value: 1.0) c: int(value: true) d: int(value: HIGH) } }
            """,
            [
                error("Int cannot represent non-integer value: \"3\"", at: (1, 29)),
                error("Int cannot represent non-integer value: 1.0", at: (1, 48)),
                error("Int cannot represent non-integer value: true", at: (1, 67)),
                error("Int cannot represent non-integer value: HIGH", at: (1, 87)),
            ])
    }

    @Test func intRefusesValuesBeyondThirtyTwoBits() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              a: int(value: 2147483648)
              b: int(value: -2147483649)
              c: int(value: 123456789012345678901234567890)
            } }
            """,
            [
                error("Int cannot represent non 32-bit signed integer value: 2147483648", at: (2, 17)),
                error("Int cannot represent non 32-bit signed integer value: -2147483649", at: (3, 17)),
                error(
                    "Int cannot represent non 32-bit signed integer value: 123456789012345678901234567890",
                    at: (4, 17)),
            ])
    }

    @Test func floatRefusesStringsBooleansAndEnumValues() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: float(value: "1.5") b: float(value: false) c: float(value: NaN) } }
            """,
            [
                error("Float cannot represent non numeric value: \"1.5\"", at: (1, 31)),
                error("Float cannot represent non numeric value: false", at: (1, 54)),
                error("Float cannot represent non numeric value: NaN", at: (1, 77)),
            ])
    }

    @Test func stringRefusesNumbersBooleansAndEnumValues() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: string(value: 1) b: string(value: 1.5) c: string(value: true) d: string(value: HIGH) } }
            """,
            [
                error("String cannot represent a non string value: 1", at: (1, 32)),
                error("String cannot represent a non string value: 1.5", at: (1, 52)),
                error("String cannot represent a non string value: true", at: (1, 74)),
                error("String cannot represent a non string value: HIGH", at: (1, 97)),
            ])
    }

    @Test func booleanRefusesEverythingButTrueAndFalse() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: boolean(value: "true") b: boolean(value: 1) c: boolean(value: TRUE) } }
            """,
            [
                error("Boolean cannot represent a non boolean value: \"true\"", at: (1, 33)),
                error("Boolean cannot represent a non boolean value: 1", at: (1, 59)),
                error("Boolean cannot represent a non boolean value: TRUE", at: (1, 80)),
            ])
    }

    @Test func idRefusesFloatsBooleansAndEnumValues() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: id(value: 1.0) b: id(value: true) c: id(value: u1) } }
            """,
            [
                error("ID cannot represent a non-string and non-integer value: 1.0", at: (1, 28)),
                error("ID cannot represent a non-string and non-integer value: true", at: (1, 46)),
                error("ID cannot represent a non-string and non-integer value: u1", at: (1, 65)),
            ])
    }

    // MARK: Null

    @Test func nullFitsEveryNullableType() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              int(value: null) priority(value: null) stringList(values: null) filter(value: null)
              nested(value: {page: {first: 1, after: null}, filter: null, tags: null})
            } }
            """)
    }

    @Test func nullDoesNotFitANonNullType() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              nonNullInt(value: null)
              nonNullStringList(values: null)
              b: nonNullStringList(values: ["a", null])
            } }
            """,
            [
                error("Expected value of type \"Int!\", found null.", at: (2, 21)),
                error("Expected value of type \"[String!]!\", found null.", at: (3, 29)),
                error("Expected value of type \"String!\", found null.", at: (4, 38)),
            ])
    }

    // MARK: Enums

    @Test func enumsAcceptTheirValues() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            "{ arguments { priority(value: URGENT) } notifications(filter: {priorities: [LOW, HIGH]}) { id } }")
    }

    @Test func aStringIsNotAnEnumValueEvenWhenSpelledLikeOne() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: priority(value: "HIGH") b: priority(value: 1) c: priority(value: true) } }
            """,
            [
                error("Enum \"Priority\" cannot represent non-enum value: \"HIGH\". Did you mean the enum value \"HIGH\"?", at: (1, 34)),
                error("Enum \"Priority\" cannot represent non-enum value: 1.", at: (1, 61)),
                error("Enum \"Priority\" cannot represent non-enum value: true.", at: (1, 83)),
            ])
    }

    @Test func anUnknownEnumValueSuggestsTheValuesSpelledLikeIt() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: priority(value: HIHG) b: priority(value: high) c: priority(value: MEDIUM) } }
            """,
            [
                error("Value \"HIHG\" does not exist in \"Priority\" enum. Did you mean the enum value \"HIGH\"?", at: (1, 34)),
                error("Value \"high\" does not exist in \"Priority\" enum. Did you mean the enum value \"HIGH\"?", at: (1, 59)),
                error("Value \"MEDIUM\" does not exist in \"Priority\" enum.", at: (1, 84)),
            ])
    }

    // MARK: Lists

    @Test func listsAcceptItemsOfTheirItemTypeAndASingleItem() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              a: stringList(values: ["a", "b", null]) b: stringList(values: "a") c: stringList(values: [])
              d: nonNullStringList(values: "a") e: nonNullStringList(values: ["a"])
            } }
            """)
    }

    @Test func eachWrongItemIsReportedAtTheItem() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { stringList(values: ["a", 1, true]) } }
            """,
            [
                error("String cannot represent a non string value: 1", at: (1, 40)),
                error("String cannot represent a non string value: true", at: (1, 43)),
            ])
    }

    @Test func aSingleValueForAListIsJudgedAsAnItem() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: stringList(values: 1) b: nonNullStringList(values: HIGH) } }
            """,
            [
                error("String cannot represent a non string value: 1", at: (1, 37)),
                error("String cannot represent a non string value: HIGH", at: (1, 69)),
            ])
    }

    @Test func aListWhereASingleValueIsExpectedIsReportedOnceAsAWhole() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              a: int(value: [1, 2])
              b: int(value: [["x"], $v])
              c: priority(value: [HIGH])
              d: filter(value: [{text: 1}])
              e: stringList(values: [["a"]])
            } }
            """,
            [
                error("Int cannot represent non-integer value: [1, 2]", at: (2, 17)),
                error("Int cannot represent non-integer value: [[\"x\"], $v]", at: (3, 17)),
                error("Enum \"Priority\" cannot represent non-enum value: [HIGH]. Did you mean the enum value \"HIGH\"?", at: (4, 22)),
                error("Expected value of type \"NotificationFilter\", found [{text: 1}].", at: (5, 20)),
                error("String cannot represent a non string value: [\"a\"]", at: (6, 26)),
            ])
    }

    @Test func listsNestInListsItemByItem() {
        let schema = Self.nestedListSchema
        expectValid(
            ValuesOfCorrectTypeRule.self,
            "{ a: matrix(value: [[1], [2, 3]]) b: matrix(value: [1, 2]) c: matrix(value: 1) d: matrix(value: [null]) }",
            schema: schema)
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            "{ a: matrix(value: [[1, \"x\"]]) b: matrix(value: [[null]]) }",
            [
                error("Int cannot represent non-integer value: \"x\"", at: (1, 25)),
                error("Expected value of type \"Int!\", found null.", at: (1, 51)),
            ],
            schema: schema)
    }

    // MARK: Input objects

    @Test func inputObjectsAcceptTheirFieldsAtAnyDepth() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              filter(value: {priorities: [HIGH], unreadOnly: true, since: "2024-05-01T12:00:00Z", text: "x"})
              nested(value: {page: {first: 10, after: "c"}, filter: {priorities: URGENT}, tags: "t"})
              b: filter(value: {})
            } }
            """)
    }

    @Test func anObjectWhereAScalarIsExpectedIsReportedOnceAsAWhole() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { a: int(value: {a: "x"}) b: stringList(values: {b: 1}) } }
            """,
            [
                error("Int cannot represent non-integer value: {a: \"x\"}", at: (1, 29)),
                error("String cannot represent a non string value: {b: 1}", at: (1, 61)),
            ])
    }

    @Test func aScalarWhereAnInputObjectIsExpectedIsWrong() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { filter(value: "x") nested(value: {page: 1, tags: ["a"]}) } }
            """,
            [
                error("Expected value of type \"NotificationFilter\", found \"x\".", at: (1, 29)),
                error("Expected value of type \"Page!\", found 1.", at: (1, 55)),
            ])
    }

    @Test func aMissingRequiredFieldIsReportedAtItsObject() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              a: nested(value: {})
              b: nested(value: {page: {after: "c"}})
              c: nested(value: {page: {first: null}})
            } }
            """,
            [
                error("Field \"Nested.page\" of required type \"Page!\" was not provided.", at: (2, 20)),
                error("Field \"Page.first\" of required type \"Int!\" was not provided.", at: (3, 27)),
                error("Expected value of type \"Int!\", found null.", at: (4, 35)),
            ])
    }

    @Test func aFieldWithADefaultIsNotRequired() {
        let schema = Self.defaultsSchema
        expectValid(ValuesOfCorrectTypeRule.self, "{ search(options: {}) }", schema: schema)
    }

    @Test func anUnknownFieldSuggestsTheFieldsSpelledLikeIt() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              filter(value: {txt: "a", unreadOnly: true})
              nested(value: {page: {first: 1, frist: 2}, shoeSize: 42})
            } }
            """,
            [
                error("Field \"txt\" is not defined by type \"NotificationFilter\". Did you mean \"text\"?", at: (2, 18)),
                error("Field \"frist\" is not defined by type \"Page\". Did you mean \"first\"?", at: (3, 35)),
                error("Field \"shoeSize\" is not defined by type \"Nested\".", at: (3, 46)),
            ])
    }

    @Test func whatIsInsideAnUnknownFieldIsNotJudged() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            "{ arguments { filter(value: {bogus: {first: null}, text: 1}) } }",
            [
                error("Field \"bogus\" is not defined by type \"NotificationFilter\".", at: (1, 30)),
                error("String cannot represent a non string value: 1", at: (1, 58)),
            ])
    }

    @Test func errorsComeInDocumentOrder() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments {
              a: filter(value: {priorities: ["LOW"], txt: 1})
              b: filter(value: {txt: 1, priorities: ["LOW"]})
            } }
            """,
            [
                error("Enum \"Priority\" cannot represent non-enum value: \"LOW\". Did you mean the enum value \"LOW\"?", at: (2, 34)),
                error("Field \"txt\" is not defined by type \"NotificationFilter\". Did you mean \"text\"?", at: (2, 42)),
                error("Field \"txt\" is not defined by type \"NotificationFilter\". Did you mean \"text\"?", at: (3, 21)),
                error("Enum \"Priority\" cannot represent non-enum value: \"LOW\". Did you mean the enum value \"LOW\"?", at: (3, 42)),
            ])
    }

    // MARK: OneOf input objects

    @Test func aOneOfObjectWithExactlyOneNonNullFieldIsValid() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            query ($id: ID!) { arguments {
              a: target(value: {userId: "u1"}) b: target(value: {userIds: [1, "2"]}) c: target(value: {tenantId: $id})
            } }
            mutation { send(target: {tenantId: 7}, title: "hi") }
            """)
    }

    @Test func aOneOfObjectNeedsExactlyOneField() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            query ($id: ID) { arguments {
              a: target(value: {})
              b: target(value: {userId: "u1", tenantId: "t1"})
              c: target(value: {userId: "u1", tenantId: null})
              d: target(value: {userId: $id, tenantId: "t1"})
            } }
            """,
            [
                error("OneOf Input Object \"Target\" must specify exactly one key.", at: (2, 20)),
                error("OneOf Input Object \"Target\" must specify exactly one key.", at: (3, 20)),
                error("OneOf Input Object \"Target\" must specify exactly one key.", at: (4, 20)),
                error("OneOf Input Object \"Target\" must specify exactly one key.", at: (5, 20)),
            ])
    }

    @Test func theOneFieldOfAOneOfObjectMustNotBeNull() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            mutation { send(target: {userId: null}, title: "hi") }
            mutation Twice { send(target: {userId: "a", userId: null}, title: "hi") }
            """,
            [
                error("Field \"Target.userId\" must be non-null.", at: (1, 25)),
                error("Field \"Target.userId\" must be non-null.", at: (2, 31)),
            ])
    }

    @Test func theFieldOfAOneOfObjectIsJudgedByItsType() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            "{ arguments { target(value: {userIds: [1.5]}) } }",
            [error("ID cannot represent a non-string and non-integer value: 1.5", at: (1, 40))])
    }

    // MARK: Custom scalars

    @Test func aCustomScalarJudgesItsOwnValues() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            "{ arguments { dateTime(value: \"2024-05-01T12:00:00Z\") } }")
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { dateTime(value: "yesterday") filter(value: {since: 5}) } }
            """,
            [
                error(
                    "Expected value of type \"DateTime\", found \"yesterday\"; DateTime cannot represent a non RFC 3339 value: \"yesterday\"",
                    at: (1, 31)),
                error(
                    "Expected value of type \"DateTime\", found 5; DateTime cannot represent a non RFC 3339 value: 5",
                    at: (1, 66)),
            ])
    }

    @Test func aCustomScalarIsGivenListsAndObjectsWhole() {
        let schema = Self.nestedListSchema
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            query ($v: Int) { a: echo(value: {a: [1, {b: null}]}) b: echo(value: [1, "x"]) c: echo(value: [$v]) }
            """,
            schema: schema)
    }

    // MARK: Where values are

    @Test func variablesAreNotJudgedHere() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            query ($s: String, $i: Int) { arguments {
              int(value: $s) nonNullInt(value: $i) stringList(values: [$i, "a"]) nested(value: {page: $s})
            } }
            """)
    }

    @Test func variableDefaultsAreJudgedByTheVariablesType() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            query ($ok: Int = 1, $i: Int = "1", $p: Priority = "HIGH", $f: NotificationFilter = {text: 1}, $n: Int! = null) {
              me { id }
            }
            """,
            [
                error("Int cannot represent non-integer value: \"1\"", at: (1, 32)),
                error("Enum \"Priority\" cannot represent non-enum value: \"HIGH\". Did you mean the enum value \"HIGH\"?", at: (1, 52)),
                error("String cannot represent a non string value: 1", at: (1, 92)),
                error("Expected value of type \"Int!\", found null.", at: (1, 107)),
            ])
    }

    @Test func directiveArgumentsAreJudgedToo() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            query @cached(ttl: "10") { me @cached(ttl: null, scope: 1) { id } }
            """,
            [
                error("Int cannot represent non-integer value: \"10\"", at: (1, 20)),
                error("Expected value of type \"Int!\", found null.", at: (1, 44)),
                error("String cannot represent a non string value: 1", at: (1, 57)),
            ])
    }

    @Test func valuesInFragmentsAreJudged() {
        expectErrors(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { ...F ... on Arguments { boolean(value: 0) } } }
            fragment F on Arguments { int(value: "x") }
            """,
            [
                error("Boolean cannot represent a non boolean value: 0", at: (1, 54)),
                error("Int cannot represent non-integer value: \"x\"", at: (2, 38)),
            ])
    }

    @Test func valuesWithNoKnownTypeAreLeftToOtherRules() {
        expectValid(
            ValuesOfCorrectTypeRule.self,
            """
            { arguments { int(other: "x") unknown(value: {a: 1}) } me @unknown(x: true) { id } }
            """)
    }

    // MARK: Schemas of the tests

    /// Lists of lists, and a scalar with no coercion of its own (accepts anything).
    static let nestedListSchema: Schema = {
        do {
            return try Schema(sdl: "scalar JSON type Query { matrix(value: [[Int!]]): Int echo(value: JSON): JSON }")
        } catch {
            fatalError("\(error)")
        }
    }()

    static let defaultsSchema: Schema = {
        do {
            return try Schema(
                sdl: "input Options { limit: Int! = 10 } type Query { search(options: Options!): Int }")
        } catch {
            fatalError("\(error)")
        }
    }()
}
