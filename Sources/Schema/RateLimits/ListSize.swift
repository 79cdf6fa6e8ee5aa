/// `@listSize` of a field: how many items its cost counts.
public struct ListSize: Hashable, Sendable {
    /// Integer arguments whose largest given value is the size (`first`, `last`).
    public let slicingArguments: [String]
    /// The size when no slicing argument is given.
    public let assumedSize: Int?
    /// The fields of the returned type that count once per item; empty when the field is
    /// itself the list.
    public let sizedFields: [String]

    public init(slicingArguments: [String], assumedSize: Int?, sizedFields: [String]) {
        self.slicingArguments = slicingArguments
        self.assumedSize = assumedSize
        self.sizedFields = sizedFields
    }
}
