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

    /// Execution and the response's JSON bytes, with default resolvers over the JSON
    /// root: the document is parsed and validated once, outside the timed runs.
    static func executor(
        schema sdl: String, document text: String, data: String, withCalls: Bool? = nil
    ) async throws -> () async throws -> Void {
        let schema = try Schema(sdl: sdl, scalars: ["DateTime": .any, "JSON": .any])
        let document = try Validator.validate(
            try Parser.parse(Source(text), options: .trusted), against: schema, options: .specOnly)
        let root = try JSONReader.read(data)
        let variables: [String: InputValue] = withCalls.map { ["withCalls": .boolean($0)] } ?? [:]
        let executor = Executor()
        let first = await executor.execute(document, variables: variables, rootValue: root)
        guard first.errors.isEmpty else { throw BenchmarkError.executionFailed(first.text) }
        return { consume(await executor.execute(document, variables: variables, rootValue: root).json) }
    }

    /// A whole request as the server takes it, without its document cache: parse,
    /// validate, execute, JSON.
    static func request(schema sdl: String, document text: String, data: String) async throws -> () async throws -> Void {
        let schema = try Schema(sdl: sdl, scalars: ["DateTime": .any, "JSON": .any])
        let root = try JSONReader.read(data)
        let executor = Executor()
        let variables: [String: InputValue] = ["withCalls": true]
        return {
            let document = try Validator.validate(
                try Parser.parse(Source(text)), against: schema, options: .specOnly)
            consume(await executor.execute(document, variables: variables, rootValue: root).json)
        }
    }
}

enum BenchmarkError: Error {
    case invalidDocument
    case unexpectedData
    case executionFailed(String)
}
