import Testing

@testable import GraphQLEngine

/// The input coercion rules themselves (spec 3.5 to 3.12), on the validation test schema.
@Suite struct InputCoercionTests {
    // MARK: Lists

    @Test func aListCoercesItemByItem() {
        #expect(coerced([1, 2, 3], to: "[Int]") == .success([1, 2, 3]))
        #expect(coerced([[1], [2, 3]], to: "[[Int]]") == .success([[1], [2, 3]]))
    }

    @Test func aSingleValueForAListIsAListOfOne() {
        #expect(coerced(1, to: "[Int]") == .success([1]))
        #expect(coerced(1, to: "[[Int]]") == .success([[1]]))
        #expect(coerced([1, nil, 3], to: "[[Int]]") == .success([[1], nil, [3]]))
        #expect(coerced("a", to: "[String!]!") == .success(["a"]))
    }

    @Test func nullForAListIsNullNotAListOfNull() {
        #expect(coerced(nil, to: "[Int]") == .success(nil))
        #expect(coerced(nil, to: "[[Int]]") == .success(nil))
    }

    @Test func aWrongItemFailsAtItsIndex() {
        #expect(
            coerced([1, "b", true], to: "[Int]")
                == .failure([
                    failure("Int cannot represent non-integer value: \"b\"", "b", at: "[1]"),
                    failure("Int cannot represent non-integer value: true", true, at: "[2]"),
                ]))
        #expect(
            coerced([[1], [nil]], to: "[[Int!]]")
                == .failure([failure("Expected non-nullable type \"Int!\" not to be null.", nil, at: "[1][0]")]))
    }

    // MARK: Non-null

    @Test func nullForANonNullTypeFails() {
        #expect(
            coerced(nil, to: "Int!")
                == .failure([failure("Expected non-nullable type \"Int!\" not to be null.", nil, at: "")]))
        #expect(
            coerced(nil, to: "[String]!")
                == .failure([failure("Expected non-nullable type \"[String]!\" not to be null.", nil, at: "")]))
    }

    // MARK: Scalars from variables

    @Test func intFromJSONAcceptsAnIntegralNumberWrittenAsAFloat() {
        #expect(coerced(1.0, to: "Int") == .success(1))
        #expect(coerced(-2147483648.0, to: "Int") == .success(-2147483648))
    }

    @Test func intFromJSONRefusesFractionsAndValuesBeyondThirtyTwoBits() {
        #expect(
            coerced(1.5, to: "Int") == .failure([failure("Int cannot represent non-integer value: 1.5", 1.5, at: "")]))
        #expect(
            coerced(3_000_000_000, to: "Int")
                == .failure([
                    failure("Int cannot represent non 32-bit signed integer value: 3000000000", 3_000_000_000, at: "")
                ]))
        #expect(
            coerced(3_000_000_000.0, to: "Int")
                == .failure([
                    failure("Int cannot represent non 32-bit signed integer value: 3000000000", 3_000_000_000.0, at: "")
                ]))
        #expect(
            coerced("3", to: "Int") == .failure([failure("Int cannot represent non-integer value: \"3\"", "3", at: "")]))
    }

    @Test func intFromALiteralRefusesAFloatEvenIfIntegral() {
        #expect(
            coerced(1.0, to: "Int", origin: .literal)
                == .failure([failure("Int cannot represent non-integer value: 1", 1.0, at: "")]))
    }

    @Test func floatAcceptsAnInt() {
        #expect(coerced(2, to: "Float") == .success(.float(2)))
        #expect(coerced(2.5, to: "Float") == .success(2.5))
        #expect(
            coerced("2.5", to: "Float")
                == .failure([failure("Float cannot represent non numeric value: \"2.5\"", "2.5", at: "")]))
    }

    @Test func idAcceptsAStringOrAnInteger() {
        #expect(coerced("u1", to: "ID") == .success("u1"))
        #expect(coerced(4, to: "ID") == .success("4"))
        #expect(coerced(4.0, to: "ID") == .success("4"))
        #expect(coerced(true, to: "ID") == .failure([failure("ID cannot represent value: true", true, at: "")]))
        #expect(
            coerced(4.5, to: "ID", origin: .literal)
                == .failure([failure("ID cannot represent a non-string and non-integer value: 4.5", 4.5, at: "")]))
    }

    @Test func stringAndBooleanAcceptOnlyTheirOwn() {
        #expect(coerced("x", to: "String") == .success("x"))
        #expect(coerced(false, to: "Boolean") == .success(false))
        #expect(
            coerced(1, to: "String") == .failure([failure("String cannot represent a non string value: 1", 1, at: "")]))
        #expect(
            coerced("true", to: "Boolean")
                == .failure([failure("Boolean cannot represent a non boolean value: \"true\"", "true", at: "")]))
    }

    @Test func aCustomScalarSaysWhichTypeRefusedTheValue() {
        #expect(coerced("2024-05-01T12:00:00Z", to: "DateTime") == .success("2024-05-01T12:00:00Z"))
        #expect(
            coerced("noon", to: "DateTime")
                == .failure([
                    failure(
                        "Expected type \"DateTime\". DateTime cannot represent a non RFC 3339 value: \"noon\"", "noon",
                        at: "")
                ]))
        #expect(coerced(["any": [1, "thing"]], to: "JSON") == .success(["any": [1, "thing"]]))
    }

    // MARK: Enums

    @Test func anEnumFromAVariableIsAString() {
        #expect(coerced("HIGH", to: "Priority") == .success(.enumValue("HIGH")))
        #expect(coerced(["LOW", "URGENT"], to: "[Priority!]") == .success([.enumValue("LOW"), .enumValue("URGENT")]))
        #expect(
            coerced(.enumValue("HIGH"), to: "Priority")
                == .failure([failure("Enum \"Priority\" cannot represent non-string value: HIGH. Did you mean the enum value \"HIGH\"?", .enumValue("HIGH"), at: "")]))
        #expect(
            coerced("high", to: "Priority")
                == .failure([failure("Value \"high\" does not exist in \"Priority\" enum. Did you mean the enum value \"HIGH\"?", "high", at: "")]))
    }

    @Test func anEnumFromALiteralIsAnEnumValueNeverAString() {
        #expect(coerced(.enumValue("LOW"), to: "Priority", origin: .literal) == .success(.enumValue("LOW")))
        #expect(
            coerced("LOW", to: "Priority", origin: .literal)
                == .failure([failure("Enum \"Priority\" cannot represent non-enum value: \"LOW\". Did you mean the enum value \"LOW\"?", "LOW", at: "")]))
    }

    // MARK: Input objects

    @Test func anInputObjectGetsItsDefaultsAndKeepsExplicitNulls() {
        #expect(coerced(["text": "x"], to: "NotificationFilter") == .success(["text": "x", "unreadOnly": false]))
        #expect(
            coerced(["text": nil, "unreadOnly": true], to: "NotificationFilter")
                == .success(["text": nil, "unreadOnly": true]))
        #expect(coerced(["page": ["first": 1.0]], to: "Nested") == .success(["page": ["first": 1]]))
    }

    @Test func anInputObjectReportsEveryProblemWithItsPath() {
        #expect(
            coerced(["page": ["after": 1], "tags": ["a", nil], "tag": "x"], to: "Nested")
                == .failure([
                    failure("Field \"first\" of required type \"Int!\" was not provided.", ["after": 1], at: ".page"),
                    failure("String cannot represent a non string value: 1", 1, at: ".page.after"),
                    failure("Expected non-nullable type \"String!\" not to be null.", nil, at: ".tags[1]"),
                    failure(
                        "Field \"tag\" is not defined by type \"Nested\". Did you mean \"tags\" or \"page\"?",
                        ["page": ["after": 1], "tags": ["a", nil], "tag": "x"], at: ""),
                ]))
    }

    @Test func anInputObjectMustBeAnObject() {
        #expect(
            coerced("page", to: "Page")
                == .failure([failure("Expected type \"Page\" to be an object.", "page", at: "")]))
    }

    // MARK: OneOf input objects

    @Test func aOneOfObjectTakesExactlyOneNonNullField() {
        #expect(coerced(["userId": 7], to: "Target") == .success(["userId": "7"]))
        #expect(coerced(["userIds": "u1"], to: "Target") == .success(["userIds": ["u1"]]))
        #expect(
            coerced([:], to: "Target")
                == .failure([failure("Exactly one key must be specified for OneOf type \"Target\".", [:], at: "")]))
        #expect(
            coerced(["userId": "a", "tenantId": "b"], to: "Target")
                == .failure([
                    failure(
                        "Exactly one key must be specified for OneOf type \"Target\".", ["userId": "a", "tenantId": "b"],
                        at: "")
                ]))
        #expect(
            coerced(["userId": nil], to: "Target")
                == .failure([failure("Field \"userId\" must be non-null.", ["userId": nil], at: "")]))
    }

    // MARK: Helpers

    struct Failure: Hashable, CustomStringConvertible {
        let message: String
        let value: InputValue
        let path: String

        var description: String { "\(message) (\(value) at \"\(path)\")" }
    }

    enum Outcome: Hashable {
        case success(InputValue)
        case failure([Failure])
    }

    func failure(_ message: String, _ value: InputValue, at path: String) -> Failure {
        Failure(message: message, value: value, path: path)
    }

    /// `value` coerced to the type written as `type` in the validation schema.
    func coerced(_ value: InputValue, to type: String, origin: InputCoercion.Origin = .variable) -> Outcome {
        guard let reference = Self.resolve(type) else {
            Issue.record("unknown type \(type)")
            return .failure([])
        }
        var coercion = InputCoercion(schema: validationSchema, origin: origin)
        let result = coercion.coerce(value, to: reference)
        let failures = coercion.failures.map { Failure(message: $0.message, value: $0.value, path: $0.printedPath) }
        if let result, failures.isEmpty { return .success(result) }
        return .failure(failures)
    }

    /// A type as written (`[Int!]!`), resolved in the validation schema.
    static func resolve(_ text: String) -> TypeRef? {
        if text.hasSuffix("!") { return resolve(String(text.dropLast())).map { .nonNull($0) } }
        if text.hasPrefix("["), text.hasSuffix("]") {
            return resolve(String(text.dropFirst().dropLast())).map { .list($0) }
        }
        return validationSchema.type(named: text).map { .named($0.id) }
    }
}
