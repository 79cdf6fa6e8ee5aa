/// Decoding of base64url without padding (RFC 7515 §2), as the three parts of a compact JWS use it.
///
/// Strict on purpose: padding, the `+` and `/` of plain base64, whitespace and non-zero
/// trailing bits are refused, so that one token has exactly one spelling.
enum Base64URL {
    static func decode(_ text: some Collection<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 3 / 4)
        var buffer: UInt32 = 0
        var bufferedBits = 0
        for character in text {
            guard let sextet = sextet(for: character) else { return nil }
            buffer = (buffer << 6) | UInt32(sextet)
            bufferedBits += 6
            if bufferedBits >= 8 {
                bufferedBits -= 8
                output.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bufferedBits)))
            }
        }
        // What is left over is padding of the last byte: fewer than six bits, all zero.
        guard bufferedBits < 6, buffer & ((1 << UInt32(bufferedBits)) - 1) == 0 else { return nil }
        return output
    }

    private static func sextet(for character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
