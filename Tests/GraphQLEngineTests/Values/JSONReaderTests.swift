import Testing

@testable import GraphQLEngine

@Suite struct JSONReaderTests {
    @Test func readsEveryKindOfValue() throws {
        let value = try JSONReader.read(
            #" { "a": [1, -2.5, 3e2, true, false, null], "b": {"c": "d"}, "e": "" } "#)
        #expect(value == ["a": [1, -2.5, 300.0, true, false, nil], "b": ["c": "d"], "e": ""])
    }

    @Test func integersStayIntegersAndTheRestAreFloats() throws {
        #expect(try JSONReader.read("0") == .int(0))
        #expect(try JSONReader.read("-17") == .int(-17))
        #expect(try JSONReader.read("9223372036854775807") == .int(Int.max))
        #expect(try JSONReader.read("9223372036854775808") == .float(9_223_372_036_854_775_808))
        #expect(try JSONReader.read("1.0") == .float(1))
        #expect(try JSONReader.read("1E-2") == .float(0.01))
    }

    @Test func decodesEveryEscapeAndSurrogatePairs() throws {
        let value = try JSONReader.read(#""\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00 ok""#)
        #expect(value == .string("\"\\/\u{08}\u{0C}\n\r\té😀 ok"))
        #expect(try JSONReader.read("\"héllo wörld\"") == .string("héllo wörld"))
    }

    @Test(arguments: [
        ("", "Unexpected end of JSON at byte 0"),
        ("{\"a\" 1}", "Expected ':' after an object key at byte 5"),
        ("[1, 2,]", "Unexpected character ']' at byte 6"),
        ("{'a': 1}", "Expected a string key at byte 1"),
        ("01", "Leading zeros are not allowed in JSON numbers at byte 1"),
        ("1.", "Expected a digit after '.' at byte 2"),
        ("1e400", "Number out of range: 1e400 at byte 0"),
        ("tru", "Invalid literal, expected true at byte 0"),
        ("\"abc", "Unterminated string at byte 4"),
        ("\"a\u{01}b\"", "Unescaped control character in a string at byte 2"),
        ("\"\\x\"", "Invalid escape \\'x' at byte 2"),
        ("\"\\uD83D\"", "Unpaired surrogate in a string at byte 7"),
        ("\"\\uDE00\"", "Unpaired surrogate in a string at byte 7"),
        ("{} {}", "Unexpected text after the JSON value at byte 3"),
        ("[1 2]", "Expected ',' or ']' in an array at byte 3"),
    ])
    func malformedJSONIsRefusedWithWhereItStopped(_ text: String, _ message: String) {
        #expect(throws: (any Error).self) { try JSONReader.read(text) }
        do {
            _ = try JSONReader.read(text)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidUTF8IsRefused() {
        #expect(throws: JSONReader.Error(message: "Invalid UTF-8 in a string", offset: 1)) {
            try JSONReader.read(bytes: [0x22, 0xC3, 0x28, 0x22])
        }
    }

    @Test func deepNestingStopsAtTheLimitInsteadOfTheStack() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONReader.Error(message: "JSON nested deeper than 128 levels", offset: 128)) {
            try JSONReader.read(deep)
        }
        let fine = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(throws: Never.self) { try JSONReader.read(fine) }
    }
}
