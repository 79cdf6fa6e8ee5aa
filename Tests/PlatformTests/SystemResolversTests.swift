import Foundation
import GraphQLEngine
import Schema
import Synchronization
import Testing

@testable import Platform

/// The system fields of schema.graphql: `realtimeStatus` with its admin-only details
/// behind `@auth`, and the `heartbeat` subscription.
@Suite struct SystemResolversTests {
    struct Status: ServerStatusProvider {
        var isDegraded = false
        var openConnections = 3
        var activeSubscriptions = 7
    }

    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema.graphql").path

    /// `sleep` returns at once: a test's beats come as fast as they are read.
    static func executor(
        sleep: @escaping @Sendable (Duration) async throws -> Void = { _ in }
    ) throws -> (Executor, GraphQLEngine.Schema) {
        let schema = try SchemaLoader.load(paths: [schemaPath])
        var resolvers = ResolverTable<RequestContext>()
        SystemResolvers.register(
            into: &resolvers, status: Status(), features: ["notifications"],
            now: { Date(timeIntervalSince1970: 1_795_000_000) }, sleep: sleep)
        Authorization.guardFields(of: schema, in: &resolvers)
        return (Executor(resolvers: try resolvers.bind(to: schema, coverage: .registeredFields)), schema)
    }

    static func run(_ text: String, as context: RequestContext) async throws -> String {
        let (executor, schema) = try executor()
        let document = try Validator.validate(try Parser.parse(text), against: schema)
        return await executor.execute(document, context: context).text
    }

    @Test func anAdminSeesEveryDetail() async throws {
        let text = try await Self.run(
            "{ realtimeStatus { status serverTime features version openConnections activeSubscriptions } }",
            as: RequestContext(user: "root", roles: ["admin"]))
        #expect(
            text
                == #"{"data":{"realtimeStatus":{"status":"OK","serverTime":"2026-11-18T11:06:40Z","features":["notifications"],"version":"\#(SystemResolvers.version)","openConnections":3,"activeSubscriptions":7}}}"#
        )
    }

    @Test func aUserWithoutTheRoleGetsNullAndForbidden() async throws {
        let text = try await Self.run("{ realtimeStatus { status openConnections } }", as: RequestContext(user: "ada"))
        #expect(
            text
                == #"{"errors":[{"message":"RealtimeStatus.openConnections needs the ADMIN role.","locations":[{"line":1,"column":27}],"path":["realtimeStatus","openConnections"],"extensions":{"code":"FORBIDDEN"}}],"data":{"realtimeStatus":{"status":"OK","openConnections":null}}}"#
        )
    }

    @Test func anAnonymousCallerIsAskedToSignIn() async throws {
        let text = try await Self.run("{ realtimeStatus { activeSubscriptions } }", as: .anonymous)
        #expect(text.contains(#""message":"Sign in to read RealtimeStatus.activeSubscriptions.""#))
        #expect(text.contains(#""code":"UNAUTHENTICATED""#))
        #expect(text.hasSuffix(#""data":{"realtimeStatus":{"activeSubscriptions":null}}}"#))
    }

    @Test func theHeartbeatBeatsInSequence() async throws {
        // Each beat waits until the one before was read: a heartbeat keeps only its newest
        // beat for a reader that falls behind, and this reader must see every one.
        let beaten = Mutex(0)
        let read = Mutex(0)
        let (executor, schema) = try Self.executor(sleep: { _ in
            let beat = beaten.withLock { count in
                count += 1
                return count
            }
            while read.withLock({ $0 }) < beat - 1 { await Task.yield() }
        })
        let document = try Validator.validate(
            try Parser.parse("subscription { heartbeat(intervalSeconds: 1) { sequence at } }"), against: schema)
        guard case .stream(let stream) = await executor.subscribe(document, context: RequestContext.anonymous) else {
            Issue.record("expected a stream")
            return
        }
        var beats: [String] = []
        for try await response in stream {
            beats.append(response.text)
            read.withLock { $0 += 1 }
            if beats.count == 3 { break }
        }
        #expect(
            beats == (1...3).map { #"{"data":{"heartbeat":{"sequence":\#($0),"at":"2026-11-18T11:06:40Z"}}}"# })
    }

    @Test(arguments: [0, 3601])
    func anIntervalOutOfRangeIsRefused(seconds: Int) async throws {
        let (executor, schema) = try Self.executor()
        let document = try Validator.validate(
            try Parser.parse("subscription { heartbeat(intervalSeconds: \(seconds)) { sequence } }"), against: schema)
        guard case .refused(let response) = await executor.subscribe(document, context: RequestContext.anonymous) else {
            Issue.record("expected a refusal")
            return
        }
        #expect(
            response.text
                == #"{"errors":[{"message":"intervalSeconds must be between 1 and 3600.","locations":[{"line":1,"column":16}],"path":["heartbeat"],"extensions":{"code":"BAD_USER_INPUT"}}]}"#
        )
    }
}
