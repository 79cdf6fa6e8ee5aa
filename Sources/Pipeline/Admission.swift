import GraphQLEngine
import Platform

/// What decides, before an operation runs, whether it may and with what: the rate limits
/// (`RateLimitGate`). The pipeline asks it once per operation, with the operation already
/// chosen and its variables coerced.
public protocol AdmissionGate: Sendable {
    func admit(_ operation: PreparedOperation, caller: RequestContext) async -> Admission
}

/// What the gate decided for one operation.
public struct Admission: Sendable {
    /// What to execute with: the caller's context, with the field limits it is over.
    public var context: RequestContext
    /// Set when the operation must not run: the answer to give instead.
    public var refusal: Refusal?
    /// `RateLimit-Policy`, `RateLimit` and, when something was refused, `Retry-After`.
    public var headers: [(name: String, value: String)] = []
    /// The response's `extensions` (`cost`).
    public var extensions: [String: InputValue] = [:]

    public init(context: RequestContext) {
        self.context = context
    }

    /// Runs as asked: nothing limits it, or the limiter failed open.
    public static func unlimited(_ context: RequestContext) -> Admission { Admission(context: context) }

    /// An operation refused before it runs.
    public struct Refusal: Sendable {
        public var error: GraphQLError
        /// 429 over budget, 503 when the limiter failed closed.
        public var status: Int

        public init(error: GraphQLError, status: Int) {
            self.error = error
            self.status = status
        }
    }
}
