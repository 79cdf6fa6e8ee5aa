/// A reply of Redis (RESP2), as read off the wire.
public enum RedisValue: Sendable, Equatable {
    /// `+OK`: a status.
    case status(String)
    /// `-ERR ...`: an error reply; the command failed, the connection is fine.
    case error(String)
    case integer(Int64)
    /// A bulk string; nil is Redis's null.
    case bulk([UInt8]?)
    /// An array; nil is a null array.
    case array([RedisValue]?)

    /// The value as text, for bulk strings and statuses.
    public var text: String? {
        switch self {
        case .status(let text): text
        case .bulk(let bytes?): String(decoding: bytes, as: UTF8.self)
        default: nil
        }
    }

    public var integer: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    public var elements: [RedisValue]? {
        if case .array(let items?) = self { return items }
        return nil
    }
}

/// Why a Redis call failed: the connection (then it is dropped and made again), or a
/// reply that is an error.
public struct RedisError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// Could not connect, or the connection broke or timed out.
        case connection
        /// Redis answered with an error reply.
        case reply
        /// No connection came free in time.
        case poolTimeout
        /// The client was shut down.
        case closed
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { "Redis: \(message)" }
}
