import Testing

@testable import GraphQLEngine

/// One field per kind of leaf, each answering whatever value the test gives it.
private let leafSchema = SpecExecution.schema(
    """
    scalar JSON
    enum Mood { HAPPY SAD }
    type Query {
      int: Int float: Float string: String boolean: Boolean id: ID mood: Mood json: JSON
      ints: [Int] floats: [Float] moods: [Mood] strictInt: Int!
    }
    """, scalars: ["JSON": .any])

/// An object that is not JSON, as a resolver might hand out.
private struct Opaque: Sendable {}

/// The response to `{ <field> }` where the field's resolver gives `value`.
private func serialized(_ field: String, _ value: FieldValue) async throws -> String {
    var resolvers = Resolvers()
    resolvers["Query", field] = .sync { _ in value }
    return try await SpecExecution.run("{ \(field) }", on: leafSchema, resolvers: resolvers)
}

/// `{"data":{"<field>":<json>}}`.
private func data(_ field: String, _ json: String) -> String {
    #"{"data":{""# + field + #"":"# + json + "}}"
}

/// The response of `{ <field> }` when serializing failed with `message`: a field error
/// at column 3, and null.
private func failure(_ field: String, _ message: String) -> String {
    #"{"errors":[{"message":""# + message.replacing("\"", with: "\\\"")
        + #"","locations":[{"line":1,"column":3}],"path":[""# + field
        + #""],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{""# + field + #"":null}}"#
}

/// Spec 3.5 "Scalars", result coercion of each built-in scalar (3.5.1 to 3.5.5), 3.9 for
/// enums, and custom scalars; a value that cannot be coerced is a field error (6.4.3
/// CompleteValue). Spec 7.2.1 "JSON Serialization" for how the response's JSON writes strings.
@Suite struct LeafSerializationTests {
    // MARK: Int

    /// 32-bit integers as they are; an integral float and a boolean as integers.
    @Test func intSerializesIntegersIntegralFloatsAndBooleans() async throws {
        #expect(try await serialized("int", .int(Int(Int32.max))) == data("int", "2147483647"))
        #expect(try await serialized("int", .int(Int(Int32.min))) == data("int", "-2147483648"))
        #expect(try await serialized("int", .float(-7.0)) == data("int", "-7"))
        #expect(try await serialized("int", .boolean(true)) == data("int", "1"))
    }

    /// Spec 3.5.1: a value outside 32 bits must raise an execution error, not wrap.
    @Test func intOutside32BitsIsAFieldError() async throws {
        #expect(
            try await serialized("int", .int(Int(Int32.max) + 1))
                == failure("int", "Int cannot represent non 32-bit signed integer value: 2147483648"))
        #expect(
            try await serialized("int", .int(Int(Int32.min) - 1))
                == failure("int", "Int cannot represent non 32-bit signed integer value: -2147483649"))
        #expect(
            try await serialized("int", .float(1e10))
                == failure("int", "Int cannot represent non 32-bit signed integer value: 10000000000"))
    }

    /// A fraction, a string, a list or an object is not an Int.
    @Test func nonIntegersAreNotInts() async throws {
        #expect(
            try await serialized("int", .float(2.5)) == failure("int", "Int cannot represent non-integer value: 2.5"))
        #expect(
            try await serialized("int", .string("5")) == failure("int", #"Int cannot represent non-integer value: "5""#)
        )
        #expect(
            try await serialized("int", .list([.int(1)]))
                == failure("int", "Int cannot represent non-integer value: [1]"))
        #expect(
            try await serialized("int", .object(Opaque()))
                == failure("int", "Int cannot represent non-integer value: { ... }"))
    }

    /// A serialization failure on a non-null field propagates like a null.
    @Test func aSerializationFailureOnANonNullFieldPropagates() async throws {
        #expect(
            try await serialized("strictInt", .int(1 << 40))
                == #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 1099511627776","locations":[{"line":1,"column":3}],"path":["strictInt"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":null}"#
        )
    }

    /// In a list, each item is coerced on its own: the bad one is null, with its index.
    @Test func aBadItemInAnIntListIsNullAtItsIndex() async throws {
        #expect(
            try await serialized("ints", .list([.int(1), .int(1 << 33), .float(3)]))
                == #"{"errors":[{"message":"Int cannot represent non 32-bit signed integer value: 8589934592","locations":[{"line":1,"column":3}],"path":["ints",1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"ints":[1,null,3]}}"#
        )
    }

    // MARK: Float

    /// Floats in the shortest form that reads back the same; integers as floats.
    @Test func floatSerializesFiniteNumbers() async throws {
        #expect(try await serialized("float", .float(0.1)) == data("float", "0.1"))
        #expect(try await serialized("float", .float(-2.5e-8)) == data("float", "-2.5e-08"))
        #expect(try await serialized("float", .float(1e300)) == data("float", "1e+300"))
        #expect(try await serialized("float", .int(3)) == data("float", "3.0"))
        #expect(try await serialized("float", .boolean(false)) == data("float", "0.0"))
    }

    /// JSON has no NaN or infinity: spec 3.5.2 makes them an execution error.
    @Test func nonFiniteFloatsAreFieldErrors() async throws {
        #expect(
            try await serialized("float", .float(.nan))
                == failure("float", "Float cannot represent non numeric value: nan"))
        #expect(
            try await serialized("float", .float(.infinity))
                == failure("float", "Float cannot represent non numeric value: inf"))
        #expect(
            try await serialized("floats", .list([.float(1.5), .float(-.infinity)]))
                == #"{"errors":[{"message":"Float cannot represent non numeric value: -inf","locations":[{"line":1,"column":3}],"path":["floats",1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"floats":[1.5,null]}}"#
        )
    }

    /// A string is not a Float.
    @Test func aStringIsNotAFloat() async throws {
        #expect(
            try await serialized("float", .string("1.5"))
                == failure("float", #"Float cannot represent non numeric value: "1.5""#))
    }

    // MARK: String, ID, Boolean

    /// Spec 3.5.3: other leaves become their text.
    @Test func stringSerializesOtherLeavesAsText() async throws {
        #expect(try await serialized("string", .int(42)) == data("string", #""42""#))
        #expect(try await serialized("string", .float(2.0)) == data("string", #""2""#))
        #expect(try await serialized("string", .float(0.25)) == data("string", #""0.25""#))
        #expect(try await serialized("string", .boolean(true)) == data("string", #""true""#))
        #expect(try await serialized("string", .enumValue("SAD")) == data("string", #""SAD""#))
    }

    /// A list or an object is not a String.
    @Test func compositeValuesAreNotStrings() async throws {
        #expect(
            try await serialized("string", .scalar(["a": 1]))
                == failure("string", "String cannot represent value: {a: 1}"))
        #expect(
            try await serialized("string", .list([.string("a")]))
                == failure("string", #"String cannot represent value: ["a"]"#))
    }

    /// Spec 3.5.5: an ID is written as a string, from a string or an integer.
    @Test func idSerializesStringsAndIntegersAsStrings() async throws {
        #expect(try await serialized("id", .string("u:1")) == data("id", #""u:1""#))
        #expect(try await serialized("id", .int(1 << 40)) == data("id", #""1099511627776""#))
        #expect(try await serialized("id", .float(1.5)) == failure("id", "ID cannot represent value: 1.5"))
        #expect(try await serialized("id", .boolean(true)) == failure("id", "ID cannot represent value: true"))
    }

    /// Spec 3.5.4: booleans, and integers as non-zero; nothing else.
    @Test func booleanSerializesBooleansAndIntegers() async throws {
        #expect(try await serialized("boolean", .boolean(false)) == data("boolean", "false"))
        #expect(try await serialized("boolean", .int(0)) == data("boolean", "false"))
        #expect(try await serialized("boolean", .int(-3)) == data("boolean", "true"))
        #expect(
            try await serialized("boolean", .string("true"))
                == failure("boolean", #"Boolean cannot represent a non boolean value: "true""#))
    }

    // MARK: Enums

    /// Spec 3.9: an enum value by name, from an enum value or a string.
    @Test func enumsSerializeTheirValuesByName() async throws {
        #expect(try await serialized("mood", .enumValue("HAPPY")) == data("mood", #""HAPPY""#))
        #expect(try await serialized("mood", .string("SAD")) == data("mood", #""SAD""#))
    }

    /// A name the enum does not have, or a value that is not a name, is a field error.
    @Test func valuesNotInTheEnumAreFieldErrors() async throws {
        #expect(
            try await serialized("mood", .enumValue("ANGRY"))
                == failure("mood", #"Enum "Mood" cannot represent value: "ANGRY""#))
        #expect(
            try await serialized("mood", .string("happy"))
                == failure("mood", #"Enum "Mood" cannot represent value: "happy""#))
        #expect(try await serialized("mood", .int(1)) == failure("mood", #"Enum "Mood" cannot represent value: 1"#))
        #expect(
            try await serialized("moods", .list([.enumValue("SAD"), .boolean(true)]))
                == #"{"errors":[{"message":"Enum \"Mood\" cannot represent value: true","locations":[{"line":1,"column":3}],"path":["moods",1],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"moods":["SAD",null]}}"#
        )
    }

    // MARK: Custom scalars

    /// A JSON scalar writes every kind of JSON value, objects with sorted keys.
    @Test(arguments: [
        (FieldValue.null, "null"),
        (.int(-12), "-12"),
        (.int(1 << 40), "1099511627776"),
        (.float(0.5), "0.5"),
        (.string("text"), #""text""#),
        (.boolean(true), "true"),
        (.enumValue("SAD"), #""SAD""#),
        (.list([.int(1), .string("a"), .null, .list([])]), #"[1,"a",null,[]]"#),
        (
            .scalar(["b": [1, 2.5], "a": ["nested": nil, "flag": false], "": "empty key"]),
            #"{"":"empty key","a":{"flag":false,"nested":null},"b":[1,2.5]}"#
        ),
        (.scalar([]), "[]"),
        (.scalar([:]), "{}"),
        (.object(InputValue.object(["z": 1, "y": ["x"]])), #"{"y":["x"],"z":1}"#),
    ])
    func jsonScalarsWriteEveryKindOfJSONValue(value: FieldValue, json: String) async throws {
        #expect(try await serialized("json", value) == data("json", json))
    }

    /// Only JSON can be a JSON scalar's value: an object that is not JSON is an error.
    @Test func aNonJSONObjectIsNotAJSONScalar() async throws {
        #expect(
            try await serialized("json", .object(Opaque())) == failure("json", "JSON cannot represent value: { ... }"))
        #expect(
            try await serialized("json", .list([.int(1), .object(Opaque())]))
                == failure("json", "JSON cannot represent value: { ... }"))
    }

    // MARK: Strings in the response

    /// Spec 7.2.1 (JSON, RFC 8259): quotes and backslashes are escaped, and so is every
    /// control character: the short forms where JSON has them, `\u00XX` for the rest.
    @Test func quotesBackslashesAndControlCharactersAreEscaped() async throws {
        #expect(
            try await serialized("string", .string("say \"hi\" \\ o/\n\tend\r\u{8}\u{C}"))
                == data("string", #""say \"hi\" \\ o/\n\tend\r\b\f""#))
        let controls = String(decoding: (0..<0x20).map { UInt8($0) }, as: UTF8.self)
        #expect(
            try await serialized("string", .string(controls))
                == data(
                    "string",
                    #""\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000B\f\r\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F""#
                ))
    }

    /// Other characters are written as UTF-8 as they are: DEL, the line and paragraph
    /// separators (valid in JSON strings), characters outside the BMP (which UTF-16
    /// would write as surrogate pairs) and combining sequences.
    @Test func otherCharactersAreWrittenAsUTF8() async throws {
        let text = "\u{7F} \u{2028}\u{2029} é 😀 👩🏽‍💻 \u{FEFF}"
        #expect(try await serialized("string", .string(text)) == data("string", "\"" + text + "\""))
    }

    /// Every string, however escaped, reads back as itself.
    @Test func escapedStringsReadBackUnchanged() async throws {
        let text = "a\u{0}b\"c\\d\u{1F}e\u{2028}f😀g/h"
        let response = try JSONReader.read(try await serialized("string", .string(text)))
        #expect(response == ["data": ["string": .string(text)]])
    }

    /// Error messages are escaped the same way, as are enum names and JSON object keys.
    @Test func errorMessagesAndJSONKeysAreEscapedToo() async throws {
        var resolvers = Resolvers()
        resolvers["Query", "string"] = .sync { _ in throw GraphQLError(message: "bad \"input\"\n\\ \u{1}") }
        resolvers["Query", "json"] = .sync { _ in .scalar(["k\"ey\n": "v\\"]) }
        let text = try await SpecExecution.run("{ string json }", on: leafSchema, resolvers: resolvers)
        #expect(
            text
                == #"{"errors":[{"message":"bad \"input\"\n\\ \u0001","locations":[{"line":1,"column":3}],"path":["string"],"extensions":{"code":"INTERNAL_SERVER_ERROR"}}],"data":{"string":null,"json":{"k\"ey\n":"v\\"}}}"#
        )
    }
}
