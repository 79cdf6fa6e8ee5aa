/// Where the parser gathers a list whose items can nest (selections, list values, object
/// fields) until the list ends and moves, side by side, into the document's array.
///
/// Its storage is kept when items are popped, so a push is usually a plain store.
struct NodeStack<Node> {
    private var items: [Node] = []
    /// How many items are on the stack; `items` may hold more, left from before.
    private(set) var count = 0

    @inline(__always)
    mutating func push(_ node: Node) {
        if count < items.count {
            items[count] = node
        } else {
            items.append(node)
        }
        count += 1
    }

    /// Moves the items pushed since `mark` to the end of `store`, returning where they are.
    mutating func pop(from mark: Int, into store: inout [Node]) -> NodeList<Node> {
        let taken = count - mark
        guard taken > 0 else { return .empty }
        let start = store.count
        items.withUnsafeBufferPointer { buffer in
            store.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[mark..<count]))
        }
        count = mark
        return NodeList(start: UInt32(truncatingIfNeeded: start), count: UInt32(truncatingIfNeeded: taken))
    }
}
