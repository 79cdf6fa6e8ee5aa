/// Why the gateway could not use its database, said so an operator knows what to fix.
public struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    /// Work asked of a database after `close()`.
    static func closed(_ location: DatabaseLocation) -> DatabaseError {
        DatabaseError("the database \(location) is closed")
    }
}
