import GraphQLEngine

/// Switchboard's side of each benchmark.
enum Ours {
    static func parser(_ text: String) -> () throws -> Void {
        let source = Source(text)
        return { consume(try Parser.parse(source, options: .trusted)) }
    }
}
