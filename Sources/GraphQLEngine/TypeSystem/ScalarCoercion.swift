/// The coercion of a custom scalar (spec 3.5, "Input Coercion" and "Result Coercion"):
/// SDL declares the scalar, Swift gives it behaviour.
///
/// `coerce` receives the value as the client wrote it, from a literal or a variable, and
/// returns the coerced value or throws a message saying why it cannot. `serialize`
/// receives what a resolver gave for a field of the scalar and returns the JSON to write,
/// or throws; without it, the value is written as the JSON it is. A custom scalar with no
/// coercion given accepts any value unchanged, both ways.
public struct ScalarCoercion: Sendable {
    public var coerce: @Sendable (InputValue) throws(ScalarCoercionError) -> InputValue
    public var serialize: (@Sendable (FieldValue) throws(ScalarCoercionError) -> InputValue)?

    public init(
        coerce: @escaping @Sendable (InputValue) throws(ScalarCoercionError) -> InputValue,
        serialize: (@Sendable (FieldValue) throws(ScalarCoercionError) -> InputValue)? = nil
    ) {
        self.coerce = coerce
        self.serialize = serialize
    }

    /// Accepts every value as it is, like the `JSON` scalar.
    public static let any = ScalarCoercion { value in value }
}

/// Why a value cannot be coerced to a scalar, as it will read in an error message
/// (`Int cannot represent non-integer value: "x"`).
public struct ScalarCoercionError: Error, Hashable, Sendable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
