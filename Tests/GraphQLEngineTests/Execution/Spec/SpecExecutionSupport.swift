import Synchronization
import Testing

@testable import GraphQLEngine

/// What the spec-driven execution suites share: building a schema, running a document
/// end to end (parse, validate, execute) into the response text, showing a resolver's
/// coerced arguments, and the logs and handshakes the concurrency tests need.
enum SpecExecution {
    /// A schema from SDL; a test schema that does not build is a broken test file.
    static func schema(_ sdl: String, scalars: [String: ScalarCoercion] = [:]) -> Schema {
        do {
            return try Schema(sdl: sdl, scalars: scalars)
        } catch {
            fatalError("the test schema does not build: \(error)")
        }
    }

    /// The whole response of `document`, which must be valid against `schema`.
    static func run(
        _ document: String, on schema: Schema, root: InputValue = [:], variables: [String: InputValue] = [:],
        operationName: String? = nil, resolvers: Resolvers = Resolvers()
    ) async throws -> String {
        let valid = try Validator.validate(try Parser.parse(document), against: schema)
        let response = await Executor(resolvers: resolvers).execute(
            valid, operationName: operationName, variables: variables, rootValue: root)
        return response.text
    }

    /// Coerced arguments as a resolver sees them, in GraphQL syntax that keeps every
    /// distinction coercion makes: keys sorted, an absent argument absent, `null` written,
    /// strings quoted, enum values bare, floats always with a fraction (`3.0`).
    static func render(_ arguments: [String: InputValue]) -> String {
        render(.object(arguments))
    }

    static func render(_ value: InputValue) -> String {
        switch value {
        case .null: "null"
        case .int(let integer): String(integer)
        case .float(let double): double.description
        case .string(let string): "\"" + string + "\""
        case .boolean(let flag): flag ? "true" : "false"
        case .enumValue(let name): name
        case .list(let items): "[" + items.map(render).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { "\($0): \(render(fields[$0] ?? .null))" }.joined(separator: ", ") + "}"
        }
    }

    /// A resolver that answers with its field's coerced arguments, rendered.
    static let echo = Resolver.sync { info in .string(render(info.arguments)) }
}

/// Entries appended from any task or thread, read back in the order they were appended.
final class SpecLog: Sendable {
    private let entries = Mutex<[String]>([])

    func append(_ entry: String) {
        entries.withLock { $0.append(entry) }
    }

    var recorded: [String] { entries.withLock { $0 } }
}

/// A rendezvous of named parties: `arrive(_:)` returns once every party has arrived. Two
/// resolvers that each arrive and wait for the other can only both return if they run at
/// the same time; run one after the other, the first would wait for ever, which is why
/// tests using it carry a time limit. Cancellation lets a waiter go with `false`.
actor SpecRendezvous {
    private let expected: Set<String>
    private var arrived: Set<String> = []
    private var waiting: [Int: CheckedContinuation<Bool, Never>] = [:]
    private var nextTicket = 0

    init(_ parties: Set<String>) {
        expected = parties
    }

    /// True when everyone arrived, false when the waiting task was cancelled first.
    func arrive(_ party: String) async -> Bool {
        arrived.insert(party)
        if arrived.isSuperset(of: expected) {
            for continuation in waiting.values { continuation.resume(returning: true) }
            waiting.removeAll()
            return true
        }
        let ticket = nextTicket
        nextTicket += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                if Task.isCancelled {
                    continuation.resume(returning: false)
                } else {
                    waiting[ticket] = continuation
                }
            }
        } onCancel: {
            Task { await self.cancel(ticket) }
        }
    }

    private func cancel(_ ticket: Int) {
        waiting.removeValue(forKey: ticket)?.resume(returning: false)
    }
}
