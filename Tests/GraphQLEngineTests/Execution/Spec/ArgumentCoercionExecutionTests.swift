import Testing

@testable import GraphQLEngine

/// Fields whose resolvers echo their coerced arguments: every built-in scalar, an enum,
/// lists (nested too), input objects with defaults at several levels, a custom scalar,
/// and non-null arguments with and without defaults.
private let argumentSchema = SpecExecution.schema(
    """
    scalar JSON
    enum Color { RED GREEN BLUE }
    input Point { x: Int! y: Int = 0 label: String = "origin" }
    input Inner { depth: Int = 3 flag: Boolean }
    input Shape { name: String! points: [Point!] = [{x: 1}] color: Color = RED tags: [String] inner: Inner = {} }
    type Query {
      echo(int: Int, float: Float, string: String, boolean: Boolean, id: ID, color: Color,
           ints: [Int], matrix: [[Int]], shape: Shape, json: JSON): String
      defaults(int: Int = 7, color: Color = GREEN, list: [Int] = 1, shape: Shape = {name: "d"}, none: String = null): String
      required(int: Int!, list: [Int!]! = [0]): String
      requiredWithDefault(int: Int! = 5): String
      strict(int: Int!): String!
      other: String
    }
    """, scalars: ["JSON": .any])

private let echoing: Resolvers = {
    var resolvers = Resolvers()
    for field in ["echo", "defaults", "required", "requiredWithDefault", "strict"] {
        resolvers["Query", field] = SpecExecution.echo
    }
    resolvers["Query", "other"] = .sync { _ in .string("fine") }
    return resolvers
}()

private func run(_ document: String, variables: [String: InputValue] = [:]) async throws -> String {
    try await SpecExecution.run(document, on: argumentSchema, variables: variables, resolvers: echoing)
}

/// `{"data":{"<field>":"<rendered arguments>"}}`, the response of one echoing field.
private func echoed(_ field: String, _ rendered: String) -> String {
    #"{"data":{""# + field + #"":""# + rendered.replacing("\"", with: "\\\"") + #""}}"#
}

/// Spec 6.4.1 "Coercing Field Arguments" (CoerceArgumentValues) and 6.1.2 "Coercing
/// Variable Values" (CoerceVariableValues), seen from resolvers, with the errors each
/// reports: variables before execution (a request error, no `data`), arguments during it
/// (a field error on the field, `BAD_USER_INPUT`).
@Suite struct ArgumentCoercionExecutionTests {
    // MARK: Defaults, null and absence

    /// Arguments not given take their defaults, coerced: a single default for a list
    /// becomes a list, and input object defaults fill in their own fields' defaults,
    /// nested (`points` → `[{x: 1, y: 0, label: "origin"}]`, `inner` → `{depth: 3}`).
    @Test func absentArgumentsTakeTheirDefaultsCoercedAllTheWayDown() async throws {
        #expect(
            try await run("{ defaults }")
                == echoed(
                    "defaults",
                    #"{color: GREEN, int: 7, list: [1], none: null, shape: {color: RED, inner: {depth: 3}, name: "d", points: [{label: "origin", x: 1, y: 0}]}}"#
                ))
    }

    /// An argument without a default that is not given is absent, not null.
    @Test func absentArgumentsWithoutDefaultsAreLeftOut() async throws {
        #expect(try await run("{ echo }") == echoed("echo", "{}"))
        #expect(try await run("{ echo(int: 1) }") == echoed("echo", "{int: 1}"))
    }

    /// An explicit null is a value: it replaces the default.
    @Test func anExplicitNullReplacesTheDefault() async throws {
        #expect(
            try await run("{ defaults(int: null, color: null, list: null, shape: null) }")
                == echoed("defaults", "{color: null, int: null, list: null, none: null, shape: null}"))
    }

    /// A variable with no value and no default leaves the argument to its own default;
    /// a variable given null passes null; a value passes the value.
    @Test func aVariableWithoutAValueFallsBackToTheArgumentDefault() async throws {
        let document = "query ($i: Int) { defaults(int: $i, shape: null) }"
        #expect(
            try await run(document) == echoed("defaults", "{color: GREEN, int: 7, list: [1], none: null, shape: null}"))
        #expect(
            try await run(document, variables: ["i": nil])
                == echoed("defaults", "{color: GREEN, int: null, list: [1], none: null, shape: null}"))
        #expect(
            try await run(document, variables: ["i": 3])
                == echoed("defaults", "{color: GREEN, int: 3, list: [1], none: null, shape: null}"))
    }

    /// A variable's own default wins over the argument's; null given wins over both.
    @Test func aVariableDefaultWinsOverTheArgumentDefault() async throws {
        let document = "query ($i: Int = 4) { echo(int: $i) a: requiredWithDefault(int: 9) b: requiredWithDefault }"
        #expect(
            try await run(document)
                == #"{"data":{"echo":"{int: 4}","a":"{int: 9}","b":"{int: 5}"}}"#)
        #expect(
            try await run(document, variables: ["i": nil])
                == #"{"data":{"echo":"{int: null}","a":"{int: 9}","b":"{int: 5}"}}"#)
    }

    /// A variable with no value, given to a nullable argument with no default, leaves it
    /// absent: the resolver cannot tell it from an argument not written at all.
    @Test func aVariableWithoutAValueLeavesAnArgumentWithoutDefaultAbsent() async throws {
        #expect(
            try await run("query ($c: Color, $s: String) { echo(color: $c, string: $s) }", variables: ["s": nil])
                == echoed("echo", "{string: null}"))
    }

    // MARK: Lists

    /// Spec 3.11: a single value where a list is expected is a list of one; null stays
    /// null; items may be null in a list of nullables.
    @Test func listArgumentsCoerceSingleValuesAndKeepNulls() async throws {
        #expect(
            try await run("{ a: echo(ints: 5) b: echo(ints: [1, null, 3]) c: echo(ints: null) d: echo(ints: []) }")
                == #"{"data":{"a":"{ints: [5]}","b":"{ints: [1, null, 3]}","c":"{ints: null}","d":"{ints: []}"}}"#)
    }

    /// The table of spec 3.11 for `[[Int]]`: each item of a flat list becomes a list of
    /// one, a null item stays null, a single value is wrapped twice.
    @Test func nestedListArgumentsFollowTheSpecTable() async throws {
        #expect(
            try await run(
                "{ a: echo(matrix: [[1], [2, 3]]) b: echo(matrix: [1, 2, 3]) c: echo(matrix: [1, null, 3]) d: echo(matrix: 1) e: echo(matrix: null) }"
            )
                == #"{"data":{"a":"{matrix: [[1], [2, 3]]}","b":"{matrix: [[1], [2], [3]]}","c":"{matrix: [[1], null, [3]]}","d":"{matrix: [[1]]}","e":"{matrix: null}"}}"#
        )
    }

    /// Variables are coerced by the same rules: a single JSON value for `[Int]`, items
    /// of a list variable given inside a list literal.
    @Test func listVariablesAreCoercedLikeLiterals() async throws {
        let document =
            "query ($one: [Int], $m: [[Int]], $x: Int) { a: echo(ints: $one) b: echo(matrix: $m) c: echo(ints: [$x, 2]) }"
        #expect(
            try await run(document, variables: ["one": 5, "m": [1, nil], "x": 1])
                == #"{"data":{"a":"{ints: [5]}","b":"{matrix: [[1], null]}","c":"{ints: [1, 2]}"}}"#)
    }

    /// In a list literal, a variable with no value is a null item: there is no default
    /// to fall back to, and an item cannot be left out. With a default, the default.
    @Test func aVariableWithoutAValueInAListLiteralIsANullItem() async throws {
        #expect(
            try await run("query ($x: Int, $y: Int = 6) { echo(ints: [$x, 2, $y]) }")
                == echoed("echo", "{ints: [null, 2, 6]}"))
    }

    // MARK: Input objects and enums

    /// A literal input object gets the defaults of the fields it leaves out, at every
    /// level, and keeps an explicit null.
    @Test func inputObjectLiteralsGetNestedDefaults() async throws {
        #expect(
            try await run(
                #"{ echo(shape: {name: "s", points: [{x: 2, label: null}, {x: 3, y: 4}], inner: {flag: true}, tags: "t"}) }"#
            )
                == echoed(
                    "echo",
                    #"{shape: {color: RED, inner: {depth: 3, flag: true}, name: "s", points: [{label: null, x: 2, y: 0}, {label: "origin", x: 3, y: 4}], tags: ["t"]}}"#
                ))
    }

    /// A JSON object given as a variable is coerced the same way: enums from strings,
    /// defaults filled, a single point wrapped into a list.
    @Test func inputObjectVariablesGetNestedDefaultsAndEnums() async throws {
        #expect(
            try await run(
                "query ($s: Shape) { echo(shape: $s) }",
                variables: ["s": ["name": "v", "color": "BLUE", "points": ["x": 1, "y": 1], "inner": nil]])
                == echoed(
                    "echo", #"{shape: {color: BLUE, inner: null, name: "v", points: [{label: "origin", x: 1, y: 1}]}}"#)
        )
    }

    /// Variables inside an input object literal are replaced by their values; one with
    /// no value leaves the field to its default.
    @Test func variablesInsideInputObjectLiteralsUseFieldDefaultsWhenAbsent() async throws {
        let document = "query ($c: Color, $d: Int) { echo(shape: {name: \"n\", color: $c, inner: {depth: $d}}) }"
        #expect(
            try await run(document, variables: ["c": "GREEN"])
                == echoed(
                    "echo",
                    #"{shape: {color: GREEN, inner: {depth: 3}, name: "n", points: [{label: "origin", x: 1, y: 0}]}}"#))
        #expect(
            try await run(document, variables: ["d": nil])
                == echoed(
                    "echo",
                    #"{shape: {color: RED, inner: {depth: null}, name: "n", points: [{label: "origin", x: 1, y: 0}]}}"#)
        )
    }

    /// Enum values are names in a document and strings in JSON variables; both reach the
    /// resolver as enum values.
    @Test func enumsComeFromLiteralNamesAndVariableStrings() async throws {
        #expect(
            try await run("query ($c: Color) { a: echo(color: BLUE) b: echo(color: $c) }", variables: ["c": "RED"])
                == #"{"data":{"a":"{color: BLUE}","b":"{color: RED}"}}"#)
    }

    // MARK: Scalars

    /// ID accepts an integer and makes it a string; from JSON, an integral float too.
    @Test func idArgumentsTurnIntegersIntoStrings() async throws {
        #expect(
            try await run(
                "query ($a: ID, $b: ID, $c: ID) { x: echo(id: 5) y: echo(id: \"abc\") a: echo(id: $a) b: echo(id: $b) c: echo(id: $c) }",
                variables: ["a": 12, "b": 7.0, "c": "z"])
                == #"{"data":{"x":"{id: \"5\"}","y":"{id: \"abc\"}","a":"{id: \"12\"}","b":"{id: \"7\"}","c":"{id: \"z\"}"}}"#
        )
    }

    /// Float accepts integers, which become floats; Int accepts an integral JSON float.
    @Test func floatsAcceptIntegersAndIntsAcceptIntegralJSONFloats() async throws {
        #expect(
            try await run(
                "query ($f: Float, $i: Int) { a: echo(float: 3) b: echo(float: $f) c: echo(int: $i) d: echo(float: -0.5) }",
                variables: ["f": 4, "i": 2.0])
                == #"{"data":{"a":"{float: 3.0}","b":"{float: 4.0}","c":"{int: 2}","d":"{float: -0.5}"}}"#)
    }

    /// The bounds of a 32-bit Int are accepted from variables.
    @Test func intVariablesAtThe32BitBoundsAreAccepted() async throws {
        #expect(
            try await run(
                "query ($lo: Int, $hi: Int) { a: echo(int: $lo) b: echo(int: $hi) }",
                variables: ["lo": .int(Int(Int32.min)), "hi": .int(Int(Int32.max))])
                == #"{"data":{"a":"{int: -2147483648}","b":"{int: 2147483647}"}}"#)
    }

    /// A custom scalar without coercion of its own takes any value, literal or variable.
    @Test func aCustomScalarArgumentTakesAnyValue() async throws {
        #expect(
            try await run(
                #"query ($j: JSON) { a: echo(json: {k: [1, "x", null, true, SOME], n: {m: 1.5}}) b: echo(json: $j) }"#,
                variables: ["j": ["z": [1, 2], "a": nil]])
                == #"{"data":{"a":"{json: {k: [1, \"x\", null, true, SOME], n: {m: 1.5}}}","b":"{json: {a: null, z: [1, 2]}}"}}"#
        )
    }

    // MARK: Invalid variables: request errors

    /// A value that is not an Int is refused before execution: errors, and no `data`.
    @Test func anIntVariableOutOf32BitRangeIsARequestError() async throws {
        #expect(
            try await run("query ($i: Int) { echo(int: $i) }", variables: ["i": 3_000_000_000])
                == #"{"errors":[{"message":"Variable \"$i\" got invalid value 3000000000; Int cannot represent non 32-bit signed integer value: 3000000000","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
        #expect(
            try await run("query ($i: Int) { echo(int: $i) }", variables: ["i": 1.5])
                == #"{"errors":[{"message":"Variable \"$i\" got invalid value 1.5; Int cannot represent non-integer value: 1.5","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    /// A required variable not given, and a non-null one given null.
    @Test func requiredVariablesMustBeGivenAndNotNull() async throws {
        let document = "query ($a: Int!, $b: [Int!]!) { required(int: $a, list: $b) }"
        #expect(
            try await run(document, variables: ["b": nil])
                == #"{"errors":[{"message":"Variable \"$a\" of required type \"Int!\" was not provided.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$b\" of non-null type \"[Int!]!\" must not be null.","locations":[{"line":1,"column":18}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    /// Errors deep in a variable's value name the path to the bad part; every one is
    /// reported, in order.
    @Test func invalidPartsOfAnInputObjectVariableAreEachReportedWithTheirPath() async throws {
        let text = try await run(
            "query ($s: Shape) { echo(shape: $s) }",
            variables: ["s": ["points": [["x": 1], ["x": "two", "z": 1]], "color": "PURPLE"]])
        #expect(
            text
                == #"{"errors":[{"message":"Variable \"$s\" got invalid value {color: \"PURPLE\", points: [{x: 1}, {x: \"two\", z: 1}]}; Field \"name\" of required type \"String!\" was not provided.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$s\" got invalid value \"two\" at \"s.points[1].x\"; Int cannot represent non-integer value: \"two\"","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$s\" got invalid value {x: \"two\", z: 1} at \"s.points[1]\"; Field \"z\" is not defined by type \"Point\". Did you mean \"x\" or \"y\"?","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$s\" got invalid value \"PURPLE\" at \"s.color\"; Value \"PURPLE\" does not exist in \"Color\" enum.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    /// An enum from JSON must be a string naming a value; a list item names its index.
    @Test func enumAndListItemVariablesReportWhatIsWrong() async throws {
        let text = try await run(
            "query ($c: Color, $l: [Int]) {\n  a: echo(color: $c)\n  b: echo(ints: $l)\n}",
            variables: ["c": 1, "l": [1, "2", true]])
        #expect(
            text
                == #"{"errors":[{"message":"Variable \"$c\" got invalid value 1; Enum \"Color\" cannot represent non-string value: 1.","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$l\" got invalid value \"2\" at \"l[1]\"; Int cannot represent non-integer value: \"2\"","locations":[{"line":1,"column":19}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$l\" got invalid value true at \"l[2]\"; Int cannot represent non-integer value: true","locations":[{"line":1,"column":19}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    /// Strings are not coerced into other scalars from JSON, nor numbers into strings.
    @Test func scalarVariablesOfTheWrongJSONKindAreRefused() async throws {
        let text = try await run(
            "query ($s: String, $b: Boolean, $f: Float, $id: ID) { echo(string: $s, boolean: $b, float: $f, id: $id) }",
            variables: ["s": 3, "b": "true", "f": "1.5", "id": 1.5])
        #expect(
            text
                == #"{"errors":[{"message":"Variable \"$s\" got invalid value 3; String cannot represent a non string value: 3","locations":[{"line":1,"column":8}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$b\" got invalid value \"true\"; Boolean cannot represent a non boolean value: \"true\"","locations":[{"line":1,"column":20}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$f\" got invalid value \"1.5\"; Float cannot represent non numeric value: \"1.5\"","locations":[{"line":1,"column":33}],"extensions":{"code":"BAD_USER_INPUT"}},{"message":"Variable \"$id\" got invalid value 1.5; ID cannot represent value: 1.5","locations":[{"line":1,"column":44}],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }

    // MARK: Arguments failing at run time: field errors

    /// A null variable for a non-null argument passes validation when the variable has a
    /// default, so execution must catch it: a field error at the value, with the field's
    /// path and `BAD_USER_INPUT`; the resolver is not called and the siblings run.
    @Test func aNullVariableForANonNullArgumentIsAFieldError() async throws {
        let text = try await run(
            "query ($i: Int = 1) {\n  other\n  required(int: $i)\n  after: other\n}", variables: ["i": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"int\" of non-null type \"Int!\" must not be null.","locations":[{"line":3,"column":17}]"#
                + #","path":["required"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"other":"fine","required":null,"after":"fine"}}"#
        )
    }

    /// A nullable variable given to a non-null argument with a default: absent, the
    /// default; null, a field error.
    @Test func aNullableVariableForANonNullArgumentWithADefault() async throws {
        let document = "query ($i: Int) { requiredWithDefault(int: $i) }"
        #expect(try await run(document) == echoed("requiredWithDefault", "{int: 5}"))
        #expect(
            try await run(document, variables: ["i": nil])
                == #"{"errors":[{"message":"Argument \"int\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":44}],"path":["requiredWithDefault"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"requiredWithDefault":null}}"#
        )
    }

    /// A null variable inside a list literal of non-null items makes the whole argument
    /// invalid, quoted as written.
    @Test func aNullVariableAsANonNullListItemIsAnInvalidArgument() async throws {
        let text = try await run("query ($x: Int = 1) { required(int: 1, list: [0, $x]) }", variables: ["x": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"list\" has invalid value [0, $x].","locations":[{"line":1,"column":46}],"path":["required"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"required":null}}"#
        )
    }

    /// The same in a required input object field.
    @Test func aNullVariableForARequiredInputFieldIsAnInvalidArgument() async throws {
        let text = try await run("query ($n: String = \"n\") { echo(shape: {name: $n}) }", variables: ["n": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"shape\" has invalid value {name: $n}.","locations":[{"line":1,"column":40}],"path":["echo"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"echo":null}}"#
        )
    }

    /// An argument error on a non-null field is a null there, which propagates: here to
    /// `data` itself.
    @Test func anArgumentErrorOnANonNullFieldPropagates() async throws {
        let text = try await run("query ($i: Int = 1) { other strict(int: $i) }", variables: ["i": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"int\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":41}],"path":["strict"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":null}"#
        )
    }

    /// Each aliased use of a field coerces its own arguments: one failing leaves the
    /// others alone.
    @Test func eachAliasCoercesItsOwnArguments() async throws {
        let text = try await run(
            "query ($i: Int = 1) { a: required(int: 2) b: required(int: $i) c: required(int: 3, list: 4) }",
            variables: ["i": nil])
        #expect(
            text
                == #"{"errors":[{"message":"Argument \"int\" of non-null type \"Int!\" must not be null.","locations":[{"line":1,"column":60}],"path":["b"],"extensions":{"code":"BAD_USER_INPUT"}}],"data":{"a":"{int: 2, list: [0]}","b":null,"c":"{int: 3, list: [4]}"}}"#
        )
    }
}
