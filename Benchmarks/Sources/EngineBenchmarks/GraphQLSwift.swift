import GraphQL

/// GraphQLSwift 4.3.0's side of each benchmark.
enum Theirs {
    static func parser(_ text: String) -> () throws -> Void {
        let source = Source(body: text)
        return { consume(try parse(source: source)) }
    }
}
