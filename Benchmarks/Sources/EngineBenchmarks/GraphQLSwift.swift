import Foundation
import GraphQL
import GraphQLEngine

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

    static func executor(
        schema sdl: String, document text: String, data: String, withCalls: Bool? = nil
    ) async throws -> () async throws -> Void {
        let schema = try buildSchema(source: sdl)
        let document = try parse(source: Source(body: text))
        let root = sendable(try JSONReader.read(data))
        let variables: [String: Map] = withCalls.map { ["withCalls": .bool($0)] } ?? [:]
        let first = try await execute(
            schema: schema, documentAST: document, rootValue: root, context: (), variableValues: variables)
        guard first.errors.isEmpty else { throw BenchmarkError.executionFailed("\(first.errors)") }
        let encoder = JSONEncoder()
        return {
            let result = try await execute(
                schema: schema, documentAST: document, rootValue: root, context: (), variableValues: variables)
            consume(try encoder.encode(result))
        }
    }

    static func request(schema sdl: String, document text: String, data: String) async throws -> () async throws -> Void {
        let schema = try buildSchema(source: sdl)
        let root = sendable(try JSONReader.read(data))
        let encoder = JSONEncoder()
        return {
            let result = try await graphql(
                schema: schema, request: text, rootValue: root, variableValues: ["withCalls": .bool(true)])
            guard result.errors.isEmpty else { throw BenchmarkError.executionFailed("\(result.errors)") }
            consume(try encoder.encode(result))
        }
    }

    /// The JSON root as GraphQLSwift's default resolvers read it: dictionaries and arrays.
    static func sendable(_ value: InputValue) -> any Sendable {
        switch value {
        case .null: return (any Sendable)?.none
        case .int(let integer): return integer
        case .float(let double): return double
        case .string(let string), .enumValue(let string): return string
        case .boolean(let flag): return flag
        case .list(let items): return items.map(sendable)
        case .object(let fields): return fields.mapValues(sendable)
        }
    }
}
