import Foundation
import Testing

@testable import GraphQLEngine

@Suite struct JSONWriterTests {
    func written(_ write: (inout JSONWriter) -> Void) -> String {
        var writer = JSONWriter()
        write(&writer)
        return writer.text
    }

    @Test func everyControlCharacterIsEscaped() throws {
        let all = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        let text = written { $0.string(all + "\"\\/é😀\u{7F}") }
        #expect(text.unicodeScalars.allSatisfy { $0.value >= 0x20 })
        #expect(text.hasPrefix(#""\u0000\u0001"#))
        #expect(text.contains(#"\b\t\n\u000B\f\r"#))
        // Foundation's reader gives back exactly the string written.
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        #expect(decoded as? String == all + "\"\\/é😀\u{7F}")
    }

    @Test func floatsAreWrittenInTheShortestFormThatReadsBack() throws {
        for value in [0.0, -0.0, 1.0, 0.1, 1.5e-7, 123_456_789.125, 1e21, -2.5e300, Double.leastNonzeroMagnitude] {
            let text = written { $0.double(value) }
            let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
            #expect((decoded as? NSNumber)?.doubleValue == value, "\(text)")
        }
        #expect(written { $0.double(.infinity) } == "null")
        #expect(written { $0.double(.nan) } == "null")
    }

    @Test func integersAndBooleans() {
        #expect(written { $0.integer(Int.min) } == "-9223372036854775808")
        #expect(written { $0.boolean(true); $0.raw(UInt8(ascii: ",")); $0.boolean(false) } == "true,false")
    }

    @Test func truncatingDropsWhatWasWrittenAfterAMark() {
        let text = written { writer in
            writer.raw("{\"a\":")
            let mark = writer.count
            writer.raw("{\"b\":[1,2")
            writer.truncate(to: mark)
            writer.raw("null}")
        }
        #expect(text == #"{"a":null}"#)
    }
}
