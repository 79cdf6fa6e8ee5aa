/// Input coercion of the built-in scalars (spec 3.5.1 to 3.5.5), with the reference
/// implementation's messages.
///
/// A literal is held to the syntax it was written in (`1.0` is not an Int, an enum value
/// is not a String); a variable's JSON value is held to what JSON can say (`1.0` is the
/// Int 1). `printed` is how the message quotes the value, as the literal's source text
/// for a number; it is only worked out when needed, as most values coerce.
enum BuiltInScalars {
    static func coerce(
        _ name: String, _ value: InputValue, fromLiteral: Bool, printed: @autoclosure () -> String
    ) throws(ScalarCoercionError) -> InputValue {
        switch name {
        case "Int": return try int(value, fromLiteral: fromLiteral, printed: printed)
        case "Float":
            switch value {
            case .int(let integer): return .float(Double(integer))
            case .float(let double) where double.isFinite: return value
            default: throw ScalarCoercionError("Float cannot represent non numeric value: \(printed())")
            }
        case "String":
            guard case .string = value else { throw ScalarCoercionError("String cannot represent a non string value: \(printed())") }
            return value
        case "Boolean":
            guard case .boolean = value else {
                throw ScalarCoercionError("Boolean cannot represent a non boolean value: \(printed())")
            }
            return value
        case "ID":
            switch value {
            case .string: return value
            case .int(let integer): return .string(String(integer))
            case .float(let double) where !fromLiteral && double == double.rounded() && abs(double) < 1e15:
                return .string(String(Int64(double)))
            default:
                throw ScalarCoercionError(
                    fromLiteral
                        ? "ID cannot represent a non-string and non-integer value: \(printed())"
                        : "ID cannot represent value: \(printed())")
            }
        default:
            return value
        }
    }

    private static func int(
        _ value: InputValue, fromLiteral: Bool, printed: () -> String
    ) throws(ScalarCoercionError) -> InputValue {
        func outOfRange() -> ScalarCoercionError {
            ScalarCoercionError("Int cannot represent non 32-bit signed integer value: \(printed())")
        }
        switch value {
        case .int(let integer):
            guard Int(Int32.min)...Int(Int32.max) ~= integer else { throw outOfRange() }
            return value
        case .float(let double) where fromLiteral:
            // An integer literal too long for 64 bits arrives as a Float; it is still an
            // integer, just not a 32-bit one. A Float literal (`1.0`) never is.
            if abs(double) >= 0x1p63,
                printed().utf8.allSatisfy({ $0 == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")) ~= $0 })
            {
                throw outOfRange()
            }
        case .float(let double) where double.isFinite && double == double.rounded():
            guard Double(Int32.min)...Double(Int32.max) ~= double else { throw outOfRange() }
            return .int(Int(double))
        default:
            break
        }
        throw ScalarCoercionError("Int cannot represent non-integer value: \(printed())")
    }
}
