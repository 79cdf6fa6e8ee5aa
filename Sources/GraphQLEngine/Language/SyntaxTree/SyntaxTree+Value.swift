/// Value[Const] : [~Const] Variable | IntValue | FloatValue | StringValue | BooleanValue
///   | NullValue | EnumValue | ListValue[?Const] | ObjectValue[?Const]
///
/// Numbers keep their source text: what they mean depends on the input type they are
/// coerced to (spec 3.5.1), which the parser does not know.

extension SyntaxTree {
    public indirect enum Value: Hashable, Sendable {
        case variable(Variable)
        case int(String, span: SourceSpan)
        case float(String, span: SourceSpan)
        case string(StringValue)
        case boolean(Bool, span: SourceSpan)
        case null(span: SourceSpan)
        case enumValue(String, span: SourceSpan)
        case list([Value], span: SourceSpan)
        case object([ObjectField], span: SourceSpan)

        public var span: SourceSpan {
            switch self {
            case .variable(let variable): variable.span
            case .string(let string): string.span
            case .int(_, let span), .float(_, let span), .boolean(_, let span), .null(let span),
                .enumValue(_, let span), .list(_, let span), .object(_, let span):
                span
            }
        }
    }

    /// StringValue, either quoted or a block string. Descriptions are StringValues too.
    public struct StringValue: Hashable, Sendable {
        public var value: String
        /// Written as `"""..."""` in the source; the printer keeps that form where it can.
        public var isBlock: Bool
        public var span: SourceSpan

        public init(_ value: String, isBlock: Bool = false, span: SourceSpan = .none) {
            self.value = value
            self.isBlock = isBlock
            self.span = span
        }
    }

    /// ObjectField[Const] : Name : Value[?Const]
    public struct ObjectField: Hashable, Sendable {
        public var name: Name
        public var value: Value
        public var span: SourceSpan

        public init(name: Name, value: Value, span: SourceSpan = .none) {
            self.name = name
            self.value = value
            self.span = span
        }
    }
}
