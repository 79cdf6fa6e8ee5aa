/// Why a request's credentials were refused, worded so that the client can fix its token.
///
/// A reason never quotes the token: tokens are credentials and answers end up in logs.
public struct AuthFailure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `extensions.code` that the HTTP and WebSocket layers put on the error they answer with.
    public static let code = "UNAUTHENTICATED"

    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
