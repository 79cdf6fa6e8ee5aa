@testable import GraphQLEngine
import Testing

/// The lexer reads names eight bytes at a time; this checks that word-wise test against
/// the byte-wise definition of NameContinue for every byte value in every position.
@Suite("Lexer: names eight bytes at a time")
struct LexerNameScanTests {
    @Test(arguments: 0..<8)
    func everyByteValueIsClassifiedAsTheGrammarSays(position: Int) {
        for value in 0...255 {
            let byte = UInt8(value)
            // Surround the byte with name characters, so only it can be flagged.
            var word = UInt64(0x61 as UInt8) &* 0x0101_0101_0101_0101
            word &= ~(UInt64(0xFF) << (8 * position))
            word |= UInt64(byte) << (8 * position)
            let flagged = Lexer.nonNameBytes(word)
            let expected: UInt64 = byte.isNameContinue ? 0 : UInt64(0x80) << (8 * position)
            #expect(flagged == expected, "byte 0x\(String(value, radix: 16)) at \(position)")
        }
    }

    @Test func nameLongerThanAWordEndsAtTheFirstOtherByte() throws {
        let tokens = try Source("abcdefghijklmnopqrstu_0123456789(x)").tokens()
        #expect(tokens.map(\.kind) == [.name, .parenLeft, .name, .parenRight, .endOfFile])
        #expect(tokens.first?.value == "abcdefghijklmnopqrstu_0123456789")
    }

    @Test func nameFollowedByNonASCIIStopsBeforeIt() {
        expectLexError("abcdefgh\u{E9}", "Unexpected character: U+00E9.", line: 1, column: 9)
    }
}
