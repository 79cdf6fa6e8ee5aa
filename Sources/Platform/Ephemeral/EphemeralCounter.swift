/// How a value reads as a counter, alike in both stores: decimal digits with an optional
/// leading `-`, within ±(2^53 − 1).
enum EphemeralCounter {
    static func value(of bytes: [UInt8]) -> Int64? {
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard !digits.isEmpty, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            return nil
        }
        var magnitude: Int64 = 0
        for digit in digits {
            magnitude = magnitude * 10 + Int64(digit - UInt8(ascii: "0"))
            if magnitude > EphemeralUpdate.counterLimit { return nil }
        }
        return digits.count == bytes.count ? magnitude : -magnitude
    }

    static func bytes(of value: Int64) -> [UInt8] {
        Array(String(value).utf8)
    }
}
