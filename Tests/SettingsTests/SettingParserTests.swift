import Foundation
import Settings
import Testing

/// Each kind of value: what it takes, what it says when it does not, and how it writes
/// a value back.
@Suite struct SettingParserTests {
    func message<Value>(_ parser: SettingParser<Value>, _ text: String) -> String? {
        do {
            _ = try parser.parse(text, from: "--x")
            return nil
        } catch {
            return error.description
        }
    }

    @Test func aWholeNumberMustBeInItsRange() throws {
        #expect(try SettingParser.int(1...100).parse(" 42 ", from: "--x") == 42)
        #expect(message(.int(1...100), "0") == #"--x: expected a whole number from 1 to 100, got "0""#)
        #expect(message(.int(1...100), "4.5") != nil)
    }

    @Test func aChoiceIgnoresLetterCaseAndListsItsCases() throws {
        enum Mode: String, Sendable, CaseIterable { case open, closed, ajar }
        #expect(try SettingParser.oneOf(Mode.allCases).parse("CLOSED", from: "--x") == .closed)
        #expect(message(.oneOf(Mode.allCases), "shut") == #"--x: expected open, closed or ajar, got "shut""#)
        #expect(SettingParser.oneOf(Mode.allCases).text(for: .ajar) == "ajar")
    }

    @Test func booleansTakeTheWordsShellsAndYAMLUse() throws {
        for text in ["true", "YES", "on", "1"] { #expect(try SettingParser.bool.parse(text, from: "--x")) }
        for text in ["false", "No", "off", "0"] { #expect(try !SettingParser.bool.parse(text, from: "--x")) }
        #expect(message(.bool, "maybe") == #"--x: expected true or false, got "maybe""#)
    }

    @Test func aURLNeedsOneOfItsSchemesAndAHost() throws {
        let parser = SettingParser.url(schemes: ["http", "https"])
        #expect(try parser.parse("https://hooks.example/x", from: "--x") == URL(string: "https://hooks.example/x"))
        #expect(
            message(parser, "ftp://hooks.example") == #"--x: expected an http or https URL, got "ftp://hooks.example""#)
        #expect(message(parser, "http:///path") != nil)
    }

    @Test func aListIsCommaSeparated() throws {
        #expect(try SettingParser.list.parse("a.graphql, b.graphql", from: "--x") == ["a.graphql", "b.graphql"])
        #expect(SettingParser.list.text(for: ["a", "b"]) == "a,b")
    }

    @Test func zeroMeansNoneAndNoneIsWrittenAsZero() throws {
        let parser = SettingParser.duration.zeroMeansNone
        #expect(try parser.parse("0s", from: "--x") == nil)
        #expect(try parser.parse("1m", from: "--x") == .seconds(60))
        #expect(parser.text(for: nil) == "0")
    }

    @Test func aFurtherCheckSaysWhatIsLeft() throws {
        let parser = SettingParser.duration.where("a duration above 0") { $0 > .zero }
        #expect(try parser.parse("1s", from: "--x") == .seconds(1))
        #expect(message(parser, "0s") == #"--x: expected a duration above 0, got "0s""#)
        #expect(message(parser, "soon") == #"--x: expected a duration above 0, got "soon""#)
    }

    @Test func anUnsetOptionalHasNoText() {
        #expect(SettingParser.text.optional.text(for: nil) == nil)
        #expect(SettingParser.text.optional.text(for: "x") == "x")
    }
}
