import Foundation
import Gateway
import Settings
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

    @Test func settingsFlagsAreReadInBothSpellingsAndTheServerStarts() throws {
        let process = try switchboardProcess(
            ["serve", "--port=0", "--schema", Self.schemaPath, "--database", "sqlite::memory:"],
            environment: ["SWITCHBOARD_HOST": "127.0.0.1"])
        let error = Pipe()
        process.standardError = error
        try process.run()
        // Stopped whatever happens, so a server that never says it is serving fails the
        // test instead of hanging it.
        let deadline = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: deadline)
        defer { deadline.cancel() }
        var log = ""
        while !log.contains("/graphql\n") {
            let data = error.fileHandleForReading.availableData
            if data.isEmpty { break }
            log += String(decoding: data, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        let serving = try #require(log.firstRange(of: "serving on http://127.0.0.1:"), "no serving line in \(log)")
        let port = Int(log[serving.upperBound...].prefix { $0.isNumber })
        // --port=0 took: the system chose a port, where the default would be 8080.
        #expect(port.map { $0 != 8080 && $0 > 0 } == true)
    }

    @Test func aBadSettingValueNamesTheFlagOrVariableItCameFrom() throws {
        let flag = try switchboard("serve", "--port=eighty")
        #expect(flag.status == 1)
        #expect(flag.standardError.contains(#"--port: expected a whole number from 0 to 65535, got "eighty""#))
        let variable = try switchboard(["serve"], environment: ["SWITCHBOARD_WEBSOCKET_KEEP_ALIVE": "soon"])
        #expect(variable.status == 1)
        #expect(
            variable.standardError.contains(
                #"SWITCHBOARD_WEBSOCKET_KEEP_ALIVE: expected a duration such as 500ms, 30s, 5m or 1h, got "soon""#))
    }

    @Test func anUnknownFlagIsAUsageErrorNamingTheFlagItResembles() throws {
        let result = try switchboard("serve", "--prot", "80")
        #expect(result.status == 64)
        #expect(result.standardError.contains("Unknown option '--prot' (did you mean '--port'?)"))
    }

    @Test func helpListsEverySettingWithItsHelp() throws {
        let result = try switchboard("serve", "--help")
        #expect(result.status == 0)
        // Help lines are wrapped, so compare words rather than lines.
        let words = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for setting in ServerConfiguration.settingsTable.settings {
            #expect(words.contains(SettingValues.flag(for: setting.key) + " <"), "\(setting.key) is not listed")
            #expect(words.contains(setting.help), "the help of \(setting.key) is not shown")
        }
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
