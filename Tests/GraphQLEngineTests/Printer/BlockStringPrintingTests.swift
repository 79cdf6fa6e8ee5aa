import GraphQLEngine
import PropertyBased
import Testing

private let tripleQuote = "\"\"\""

/// Reads `literal` back the three ways a block string occurs: as a lone value, as the
/// description of a top-level definition, and as the description of a field, where it
/// was printed with the field's two-space indentation.
private func expectReadsBack(
    _ value: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let literal = try #require(BlockString.print(value), "no block string for \(value.debugDescription)",
                               sourceLocation: sourceLocation)
    let parsed = try parseValueContent(literal)
    #expect(parsed == .string(StringValue(value, isBlock: true)), "value read from \(literal.debugDescription)",
            sourceLocation: sourceLocation)
    // String equality is canonical equivalence; the value must come back scalar for scalar.
    if case .string(let string) = parsed {
        #expect(Array(string.value.unicodeScalars) == Array(value.unicodeScalars), sourceLocation: sourceLocation)
    }

    let described = try parseContent(literal + "\nscalar S")
    guard case .type(.scalar(let scalar)) = described.definitions.first else {
        Issue.record("not a scalar: \(described)", sourceLocation: sourceLocation)
        return
    }
    #expect(scalar.description == StringValue(value, isBlock: true), sourceLocation: sourceLocation)

    let indented = try #require(BlockString.print(value, indentation: "  "), sourceLocation: sourceLocation)
    let object = try parseContent("type T {\n  " + indented + "\n  f: Int\n}")
    guard case .type(.object(let type)) = object.definitions.first, let field = type.fields.first else {
        Issue.record("not an object with a field: \(object)", sourceLocation: sourceLocation)
        return
    }
    #expect(field.description == StringValue(value, isBlock: true), "indented literal \(indented.debugDescription)",
            sourceLocation: sourceLocation)
}

@Suite("BlockString.print")
struct BlockStringPrintingTests {
    @Test func singleLineIsWrittenBetweenTheQuotes() throws {
        #expect(BlockString.print("Hello, world.") == tripleQuote + "Hello, world." + tripleQuote)
        try expectReadsBack("Hello, world.")
    }

    @Test func emptyValueIsAnEmptyBlockString() throws {
        #expect(BlockString.print("") == tripleQuote + tripleQuote)
        try expectReadsBack("")
    }

    @Test func multipleLinesGoBetweenLinesOfQuotes() throws {
        #expect(BlockString.print("first\nsecond") == tripleQuote + "\nfirst\nsecond\n" + tripleQuote)
        try expectReadsBack("first\nsecond")
    }

    @Test func indentationIsPutBeforeEveryLineAfterTheFirst() throws {
        #expect(BlockString.print("first\nsecond", indentation: "    ")
            == tripleQuote + "\n    first\n    second\n    " + tripleQuote)
        #expect(BlockString.print("one", indentation: "    ") == tripleQuote + "one" + tripleQuote)
    }

    @Test func leadingWhitespaceOnASingleLineIsKept() throws {
        let printed = try #require(BlockString.print("  indented"))
        #expect(printed == tripleQuote + "  indented" + tripleQuote)
        try expectReadsBack("  indented")
        try expectReadsBack("\tafter a tab")
    }

    @Test func leadingWhitespaceOnTheFirstOfSeveralLinesIsKept() throws {
        try expectReadsBack("  first\nsecond")
        try expectReadsBack("   deep\n shallow\nnone")
    }

    @Test func laterLinesThatAreAllIndentedKeepTheirIndentation() throws {
        let value = "first\n  second\n    third"
        let printed = try #require(BlockString.print(value))
        #expect(printed.hasPrefix(tripleQuote + "\n"), "the first line must not take part in the common indentation")
        try expectReadsBack(value)
        try expectReadsBack("head\n\ttabbed\n\n\ttabbed again")
    }

    @Test func emptyLinesInTheMiddleAreKept() throws {
        try expectReadsBack("a\n\nb")
        try expectReadsBack("a\n\n\n  b\n\nc")
        try expectReadsBack("a\n   \nb")
    }

    @Test func trailingQuoteIsKeptAwayFromTheClosingQuotes() throws {
        let printed = try #require(BlockString.print(#"ends with ""#))
        #expect(!printed.hasSuffix("\"\"\"\""), "a quote next to the closing quotes would close the string early")
        try expectReadsBack(#"ends with ""#)
        try expectReadsBack(#"two """#)
        try expectReadsBack(#"""#)
        try expectReadsBack("  \"quoted\"")
    }

    @Test func trailingBackslashIsKeptAwayFromTheClosingQuotes() throws {
        let printed = try #require(BlockString.print(#"C:\"#))
        #expect(!printed.hasSuffix(#"\"# + tripleQuote), "a backslash before the closing quotes would escape them")
        try expectReadsBack(#"C:\"#)
        try expectReadsBack(#"\\"#)
        try expectReadsBack("first\nC:\\")
    }

    @Test func embeddedTripleQuotesAreEscaped() throws {
        #expect(BlockString.print(#"a """ b"#) == tripleQuote + #"a \""" b"# + tripleQuote)
        try expectReadsBack(#"a """ b"#)
        try expectReadsBack(#"""""#)
        try expectReadsBack(#""""""#)
        try expectReadsBack(#""""a"#)
        try expectReadsBack(#"ends with """"#)
        try expectReadsBack("line\n\"\"\"\nline")
    }

    @Test func backslashesBeforeTripleQuotesAreKept() throws {
        try expectReadsBack(#"\""""#)
        try expectReadsBack(#"a \""" b"#)
        try expectReadsBack(#"\n is not an escape here, nor \u0041"#)
    }

    @Test func quotesAtTheStartAreNotMistakenForTheOpening() throws {
        try expectReadsBack(#""a"#)
        try expectReadsBack(#"""a"#)
        try expectReadsBack("\"\n\"")
    }

    @Test func unicodeAndControlCharactersAreWrittenRaw() throws {
        let value = "bell \u{07} tab\there é 😀 \u{85} \u{2028}"
        #expect(BlockString.print(value) == tripleQuote + value + tripleQuote)
        try expectReadsBack(value)
    }

    @Test func trailingSpacesOnAContentLineAreKept() throws {
        try expectReadsBack("text   ")
        try expectReadsBack("a  \nb\t")
    }

    // Swift compares and splits Strings by grapheme cluster: a combining mark after a quote,
    // or a prepended character (U+0600) before one, hides that quote from a Character-wise
    // search. The escaping and the checks for a trailing quote or backslash must still see it.

    @Test func tripleQuoteFollowedByACombiningMarkIsStillEscaped() throws {
        try expectReadsBack("a\"\"\"\u{301}b")
    }

    @Test func tripleQuoteAfterAPrependedCharacterIsStillEscaped() throws {
        try expectReadsBack("a\u{600}\"\"\"b")
    }

    @Test func trailingQuoteAfterAPrependedCharacterIsKeptAwayFromTheClosingQuotes() throws {
        try expectReadsBack("x\u{600}\"")
    }

    @Test func trailingBackslashAfterAPrependedCharacterIsKeptAwayFromTheClosingQuotes() throws {
        try expectReadsBack("x\u{600}\\")
    }

    @Test func valueStartingWithACombiningMarkGetsABlockString() throws {
        try expectReadsBack("\u{301}abc")
    }

    @Test func leadingSpaceWithACombiningMarkStillCountsAsLeadingWhitespace() throws {
        try expectReadsBack(" \u{301}x\"")
    }

    @Test(arguments: [
        "\nstarts with a blank line",
        "  \nstarts with a line of spaces",
        "ends with a newline\n",
        "ends with a line of spaces\n   ",
        "ends with a tab line\n\t",
        " ",
        "\n",
        "  every line\n  indented",
        "windows\r\nline ending",
        "lone\rcarriage return",
    ])
    func valuesNoBlockStringCanHoldGiveNil(value: String) {
        #expect(BlockString.print(value) == nil)
        #expect(BlockString.print(value, indentation: "  ") == nil)
    }

    /// Strings from an alphabet of the characters that make block strings tricky.
    @Test func everyPrintedBlockStringReadsBackToItsValue() async {
        let tricky = Gen<Unicode.Scalar?>.element(of: Array(" \t\n\"\\a\u{07}é\u{301}\u{600}".unicodeScalars))
            .map { $0! }
        let text = tricky.array(of: 0...12).map { scalars in
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }
        await propertyCheck(count: 1000, input: text) { value in
            if BlockString.print(value) != nil {
                try expectReadsBack(value)
            } else {
                // Without a block string the value must still print as a quoted string.
                let printed = Printer.print(Value.string(StringValue(value, isBlock: true)))
                let reparsed = try parseValueContent(printed)
                #expect(reparsed == .string(StringValue(value)))
            }
        }
    }

    /// Values that satisfy the conditions the spec puts on block strings always get one.
    @Test func valuesWithoutBlankEdgesOrIndentedFirstLinesGetABlockString() async {
        let line = Gen<Character?>.element(of: Array("ab\"\\ \t") as [Character]).map { $0! }.string(of: 1...6)
        await propertyCheck(count: 300, input: line.array(of: 1...4)) { lines in
            let value = lines.joined(separator: "\n")
            let isBlank: (String) -> Bool = { $0.allSatisfy { $0 == " " || $0 == "\t" } }
            guard let first = lines.first, let last = lines.last, !isBlank(first), !isBlank(last) else { return }
            // With an unindented first line there is always a line of zero indentation.
            guard first.first != " ", first.first != "\t" else { return }
            #expect(BlockString.print(value) != nil, "\(value.debugDescription)")
        }
    }
}
