import GraphQLEngine

/// Switchboard's side of each benchmark.
enum Ours {
    static func parser(_ text: String) -> () throws -> Void {
        let source = Source(text)
        return { consume(try Parser.parse(source, options: .trusted)) }
    }

    /// Validation alone, with the spec's rules: the document is parsed and the schema
    /// built once, outside the timed runs.
    static func validator(schema sdl: String, document text: String) throws -> () throws -> Void {
        let schema = try Schema(sdl: sdl, scalars: ["DateTime": .any, "JSON": .any])
        let document = try Parser.parse(Source(text), options: .trusted)
        guard Validator.errors(in: document, against: schema, options: .specOnly).isEmpty else {
            throw BenchmarkError.invalidDocument
        }
        return { consume(Validator.errors(in: document, against: schema, options: .specOnly)) }
    }
}

enum BenchmarkError: Error {
    case invalidDocument
}
