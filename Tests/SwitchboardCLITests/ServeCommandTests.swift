import Foundation
import Testing

/// `switchboard serve` refusing to start, each time with the reason.
@Suite struct ServeCommandTests {
    static let schemaPath = URL(filePath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "schema.graphql").path

    @Test func aMalformedRateLimitStopsStartUpNamingItsCoordinate() throws {
        let schema = try String(contentsOfFile: Self.schemaPath, encoding: .utf8)
        let declared = #"@rateLimit(limit: 60, window: "1m", by: USER)"#
        try #require(schema.contains(declared))
        let broken = try TemporaryFile(
            schema.replacingOccurrences(of: declared, with: #"@rateLimit(limit: 0, window: "15x", by: USER)"#),
            name: "schema.graphql")
        let result = try switchboard("serve", "--schema", broken.path, "--port", "0", "--database", "sqlite::memory:")
        #expect(result.status == 1)
        #expect(result.standardError.contains("Mutation.sendNotification: @rateLimit limit must be at least 1, not 0"))
        #expect(
            result.standardError.contains(
                #"Mutation.sendNotification: @rateLimit window "15x" has an unknown unit (use s, m, h or d)"#))
    }

    @Test func aMalformedRedisURLStopsStartUpNamingTheSetting() throws {
        let result = try switchboard("serve", "--redis", "http://localhost", "--port", "0")
        #expect(result.status == 1)
        #expect(result.standardError.contains("--redis"))
    }

    @Test func anUnknownFailureModeStopsStartUp() throws {
        let result = try switchboard("serve", "--rate-limits-failure-mode", "maybe", "--port", "0")
        #expect(result.status == 1)
        #expect(result.standardError.contains(#"--rate-limits-failure-mode: expected open or closed, got "maybe""#))
    }
}

/// The resolvers the server is composed of must fit the schema it serves.
@Suite struct ServeResolverBindingTests {
    static func serve(schema transform: (String) -> String) throws -> CommandResult {
        let schema = try String(contentsOfFile: ServeCommandTests.schemaPath, encoding: .utf8)
        let changed = transform(schema)
        try #require(changed != schema)
        let file = try TemporaryFile(changed, name: "schema.graphql")
        return try switchboard("serve", "--schema", file.path, "--port", "0", "--database", "sqlite::memory:")
    }

    @Test func aRootFieldNoDomainResolvesStopsStartUpNamingIt() throws {
        let result = try Self.serve { schema in
            schema.replacingOccurrences(of: "type Query", with: "type Query {\n  weather: String\n}\nextend type Query")
        }
        #expect(result.status == 1)
        #expect(result.standardError.contains("Query.weather: no domain resolves this field."))
    }

    @Test func aResolverForAFieldTheSchemaLacksStopsStartUpNamingIt() throws {
        // The domain resolves Query.devices; a schema that calls it otherwise lacks it.
        let result = try Self.serve { schema in
            schema.replacingOccurrences(of: "  devices: [Device!]! @auth", with: "  myDevices: [Device!]! @auth")
        }
        #expect(result.status == 1)
        #expect(
            result.standardError.contains("Query.devices: a resolver is registered for a field Query does not have."))
        #expect(result.standardError.contains("Query.myDevices: no domain resolves this field."))
    }
}
