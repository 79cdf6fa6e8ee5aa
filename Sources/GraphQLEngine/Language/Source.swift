/// A GraphQL document's text as UTF-8 bytes, with the name it is reported under.
///
/// Everything downstream (tokens, AST nodes) refers back into these bytes by offset;
/// line and column are derived only when an error is reported.
public struct Source: Sendable {
    public let name: String
    public let bytes: [UInt8]

    public init(_ text: String, name: String = "GraphQL request") {
        self.name = name
        self.bytes = Array(text.utf8)
    }

    public init(bytes: [UInt8], name: String = "GraphQL request") {
        self.name = name
        self.bytes = bytes
    }

    /// The text of `span`, decoded leniently (for display only).
    public func text(_ span: SourceSpan) -> String {
        let lower = min(Int(span.start), bytes.count)
        let upper = min(Int(span.end), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// A half-open byte range `start..<end` into a `Source`.
public struct SourceSpan: Hashable, Sendable {
    public var start: UInt32
    public var end: UInt32

    public init(start: Int, end: Int) {
        self.start = UInt32(truncatingIfNeeded: start)
        self.end = UInt32(truncatingIfNeeded: end)
    }

    /// The span recorded when a parse is asked not to keep locations.
    public static let none = SourceSpan(start: 0, end: 0)
}

/// A 1-based line and column, as GraphQL errors report them (spec 7.1.2, "locations").
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

extension Source {
    /// Line and column of the byte at `offset`.
    ///
    /// Lines follow the spec's LineTerminator (`\n`, `\r\n`, lone `\r`); columns count
    /// Unicode scalars, so a multi-byte character moves the column by one.
    public func location(of offset: Int) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var index = 0
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count lead bytes only: continuation bytes belong to the same scalar.
                column += 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: column)
    }
}
