extension Parser {
    /// Value[Const] :
    ///   - [~Const] Variable
    ///   - IntValue | FloatValue | StringValue | BooleanValue | NullValue | EnumValue
    ///   - ListValue[?Const] | ObjectValue[?Const]
    mutating func parseValue(const: Bool) throws(SyntaxError) -> Value {
        let current = token
        switch current.kind {
        case .bracketLeft:
            return try parseList(const: const)
        case .braceLeft:
            return try parseObject(const: const)
        case .int:
            try advance()
            return .int(span(of: current))
        case .float:
            try advance()
            return .float(span(of: current))
        case .string, .blockString:
            return .string(try parseStringLiteral())
        case .name:
            try advance()
            // BooleanValue : one of `true` `false` — NullValue : `null` — EnumValue : Name but not those
            if isKeyword(current, "true") { return .boolean(true, span: span(of: current)) }
            if isKeyword(current, "false") { return .boolean(false, span: span(of: current)) }
            if isKeyword(current, "null") { return .null(span(of: current)) }
            return .enumValue(Name(span: span(of: current)))
        case .dollar:
            if const {
                try advance()
                guard at(.name) else { throw unexpected(current) }
                throw SyntaxError(.variableInConstantValue(lexer.text(of: token)), at: current.start)
            }
            return .variable(try parseVariable())
        default:
            throw unexpected()
        }
    }

    /// ListValue[Const] : [ ] | [ Value[?Const]+ ]
    mutating func parseList(const: Bool) throws(SyntaxError) -> Value {
        let start = token.start
        try expect(.bracketLeft)
        try descend(at: start)
        let mark = valueStack.count
        while try !skip(.bracketRight) {
            let value = try parseValue(const: const)
            valueStack.push(value)
        }
        depth -= 1
        return .list(valueStack.pop(from: mark, into: &storage.values), span: span(from: start))
    }

    /// ObjectValue[Const] : { } | { ObjectField[?Const]+ }
    ///
    /// ObjectField[Const] : Name : Value[?Const]
    mutating func parseObject(const: Bool) throws(SyntaxError) -> Value {
        let start = token.start
        try expect(.braceLeft)
        try descend(at: start)
        let mark = objectFieldStack.count
        while try !skip(.braceRight) {
            let fieldStart = token.start
            let name = try parseName()
            try expect(.colon)
            let value = store(try parseValue(const: const))
            objectFieldStack.push(ObjectField(name: name, value: value, span: span(from: fieldStart)))
        }
        depth -= 1
        return .object(objectFieldStack.pop(from: mark, into: &storage.objectFields), span: span(from: start))
    }

    /// StringValue, either form; the lexer has already decoded it.
    mutating func parseStringLiteral() throws(SyntaxError) -> StringLiteral {
        let current = token
        guard current.kind == .string || current.kind == .blockString else {
            throw expected(.string)
        }
        storage.strings.append(lexer.stringValue)
        try advance()
        return StringLiteral(
            index: UInt32(truncatingIfNeeded: storage.strings.count - 1), isBlock: current.kind == .blockString,
            span: span(of: current))
    }

    /// Description : StringValue
    mutating func parseDescription() throws(SyntaxError) -> StringLiteral? {
        at(.string) || at(.blockString) ? try parseStringLiteral() : nil
    }
}
