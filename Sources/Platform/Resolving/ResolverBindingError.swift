import GraphQLEngine

/// Why the composed resolvers do not fit the schema: every problem, each named by its
/// schema coordinate, so one start-up shows them all.
public struct ResolverBindingError: Error, CustomStringConvertible, Sendable {
    public enum Problem: Error, Sendable, CustomStringConvertible {
        /// A resolver registered for a type the schema does not have.
        case unknownType(FieldCoordinate, suggestions: [String])
        /// A resolver registered for a type that is not an object type.
        case notAnObjectType(FieldCoordinate)
        /// A resolver registered for a field its type does not have.
        case unknownField(FieldCoordinate, on: String, suggestions: [String])
        /// A resolver registered for a root type the schema does not define.
        case noRootType(FieldCoordinate)
        /// A root field no domain resolves.
        case unresolved(FieldCoordinate)

        public var description: String {
            switch self {
            case .unknownType(let coordinate, let suggestions):
                "\(coordinate): a resolver is registered for a type the schema does not have."
                    + Suggestion.didYouMean(suggestions)
            case .notAnObjectType(let coordinate):
                "\(coordinate): a resolver is registered on a type that is not an object type."
            case .unknownField(let coordinate, let type, let suggestions):
                "\(coordinate): a resolver is registered for a field \(type) does not have."
                    + Suggestion.didYouMean(suggestions)
            case .noRootType(let coordinate):
                "\(coordinate): a resolver is registered for a root type the schema does not define."
            case .unresolved(let coordinate):
                coordinate.owner == .root(.subscription)
                    ? "\(coordinate): no domain gives this subscription field an event stream."
                    : "\(coordinate): no domain resolves this field."
            }
        }
    }

    public let problems: [Problem]

    public var description: String {
        "The resolvers do not fit the schema:\n" + problems.map { "  \($0)" }.joined(separator: "\n")
    }
}
