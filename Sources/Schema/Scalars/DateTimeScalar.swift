import Foundation
import GraphQLEngine

/// `DateTime`: a date-time as RFC 3339 writes it (section 5.6, `date-time`), such as
/// `2026-11-24T08:30:00Z` or `2026-11-24T09:30:00.250+01:00`. Input is checked here;
/// the value stays the client's text until a resolver reads it. A resolver may give a
/// `Date` (written in UTC) or RFC 3339 text (checked, and written as it is).
enum DateTimeScalar {
    static let coercion = ScalarCoercion(
        coerce: { value throws(ScalarCoercionError) in
            guard case .string(let text) = value else {
                throw ScalarCoercionError("DateTime cannot represent a non string value: \(value)")
            }
            guard isDateTime(Array(text.utf8)) else {
                throw ScalarCoercionError("DateTime cannot represent an invalid date-time string: \(value)")
            }
            return value
        },
        serialize: { value throws(ScalarCoercionError) in
            switch value {
            case .object(let date as Date, _):
                return .string(format(date))
            case .string(let text) where isDateTime(Array(text.utf8)):
                return .string(text)
            case .string(let text):
                throw ScalarCoercionError(
                    "DateTime cannot represent an invalid date-time string: \(InputValue.string(text))")
            default:
                throw ScalarCoercionError("DateTime cannot represent a value that is not a date: \(value)")
            }
        })

    /// `2026-11-24T08:30:00Z`, with milliseconds when the date has a fraction of a second.
    static func format(_ date: Date) -> String {
        let whole = date.timeIntervalSince1970.rounded(.down) == date.timeIntervalSince1970
        return date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: !whole))
    }

    /// full-date "T" full-time, with time-offset "Z" or ±hh:mm (RFC 3339 section 5.6);
    /// `t`/`z` and a space for `T` are accepted as the RFC's note allows.
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"),
            let day = reader.number(2), reader.skipAny(["T", "t", " "]),
            let hour = reader.number(2), reader.skip(":"), let minute = reader.number(2), reader.skip(":"),
            let second = reader.number(2)
        else { return false }
        if reader.skip(".") {
            guard reader.digits() > 0 else { return false }
        }
        if !reader.skipAny(["Z", "z"]) {
            guard reader.skipAny(["+", "-"]), let offsetHour = reader.number(2), reader.skip(":"),
                let offsetMinute = reader.number(2), offsetHour < 24, offsetMinute < 60
            else { return false }
        }
        guard reader.atEnd, (1...12).contains(month), hour < 24, minute < 60, second <= 60 else { return false }
        return (1...daysIn(month: month, year: year)).contains(day)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private struct DigitReader {
        let bytes: [UInt8]
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func number(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[index..<index + count] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        mutating func digits() -> Int {
            let start = index
            while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
            return index - start
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool { skipAny([character]) }

        mutating func skipAny(_ characters: [Unicode.Scalar]) -> Bool {
            guard index < bytes.count, characters.contains(where: { UInt8($0.value) == bytes[index] }) else {
                return false
            }
            index += 1
            return true
        }
    }
}
