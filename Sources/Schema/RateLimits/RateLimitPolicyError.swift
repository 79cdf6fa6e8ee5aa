/// Why schema.graphql's rate limits cannot be enforced: every malformed directive, each
/// with the schema coordinate it is on, so start-up stops with the whole list at once.
public struct RateLimitPolicyError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// `Query.notifications`, `Query`, or `schema`.
        public let coordinate: String
        public let message: String

        public var description: String { "\(coordinate): \(message)" }
    }

    /// In schema order: the schema's directives, then each type's, then its fields'.
    public let problems: [Problem]

    /// One line per problem.
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
