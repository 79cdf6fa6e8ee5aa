import GraphQL

/// GraphQLSwift 4.3.0's side of each benchmark.
enum Theirs {
    static func parser(_ text: String) -> () throws -> Void {
        let source = Source(body: text)
        return { consume(try parse(source: source)) }
    }

    static func validator(schema sdl: String, document text: String) throws -> () throws -> Void {
        let schema = try buildSchema(source: sdl)
        let document = try parse(source: Source(body: text))
        guard validate(schema: schema, ast: document).isEmpty else { throw BenchmarkError.invalidDocument }
        return { consume(validate(schema: schema, ast: document)) }
    }
}
