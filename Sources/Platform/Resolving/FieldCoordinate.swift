import GraphQLEngine

/// A field of the schema, named by its schema coordinate (`Query.notifications`): where a
/// resolver is registered. A coordinate is checked against the schema when the server
/// starts (`ResolverTable.bind(to:)`), so a misspelt one stops start-up with its name
/// instead of leaving the field to the default resolver.
///
/// Root fields are named by their operation (`.query("notifications")`), so that they
/// follow the schema's root types whatever they are called.
public struct FieldCoordinate: Hashable, Sendable, CustomStringConvertible {
    /// The type a coordinate's field is on.
    public enum Owner: Hashable, Sendable {
        /// The root type of an operation kind (spec 3.3.1).
        case root(OperationType)
        /// An object type, by name.
        case type(String)
    }

    public let owner: Owner
    public let field: String

    public init(_ owner: Owner, _ field: String) {
        self.owner = owner
        self.field = field
    }

    /// A field of the query root type.
    public static func query(_ field: String) -> FieldCoordinate { FieldCoordinate(.root(.query), field) }
    /// A field of the mutation root type.
    public static func mutation(_ field: String) -> FieldCoordinate { FieldCoordinate(.root(.mutation), field) }
    /// A field of the subscription root type: its event stream.
    public static func subscription(_ field: String) -> FieldCoordinate {
        FieldCoordinate(.root(.subscription), field)
    }
    /// A field of the object type `type`.
    public static func field(_ type: String, _ field: String) -> FieldCoordinate { FieldCoordinate(.type(type), field) }

    /// `Query.notifications`, with the default root type names.
    public var description: String {
        switch owner {
        case .root(.query): "Query.\(field)"
        case .root(.mutation): "Mutation.\(field)"
        case .root(.subscription): "Subscription.\(field)"
        case .type(let name): "\(name).\(field)"
        }
    }
}
