import Gateway
import GraphQLEngine
import Settings
import Testing

@testable import TestSupport

/// Settings from flags, `SWITCHBOARD_*` variables and YAML: their precedence, their
/// spellings, and errors that say where a bad value came from.
@Suite struct ServerConfigurationTests {
    func load(
        flags: [String: String] = [:], environment: [String: String] = [:], yaml: String? = nil
    ) throws(SettingsError) -> ServerConfiguration {
        try ServerConfiguration.load(
            ServerConfiguration.settingsTable.values(
                flags: flags, environment: environment, yaml: yaml.map { ($0, "switchboard.yaml") }))
    }

    @Test func nothingSetGivesTheDefaults() throws {
        let configuration = try load()
        #expect(configuration.server.host == "127.0.0.1")
        #expect(configuration.server.port == 8080)
        #expect(configuration.schemaPaths == ["schema.graphql"])
        #expect(configuration.gateway.operationTimeout == .seconds(30))
        #expect(configuration.gateway.persistedQueries == .automatic(maxEntries: 10_000))
        #expect(configuration.auth.algorithm == .hs256)
    }

    @Test func aFlagWinsOverTheEnvironmentWhichWinsOverTheFile() throws {
        let yaml = """
            port: 1000
            host: 0.0.0.0
            websocket:
              keep-alive: 5s
            """
        let fileOnly = try load(yaml: yaml)
        #expect(fileOnly.server.port == 1000)
        #expect(fileOnly.server.webSocket.keepAliveInterval == .seconds(5))

        let environment = try load(environment: ["SWITCHBOARD_PORT": "2000"], yaml: yaml)
        #expect(environment.server.port == 2000)
        #expect(environment.server.host == "0.0.0.0")

        let flag = try load(flags: ["port": "3000"], environment: ["SWITCHBOARD_PORT": "2000"], yaml: yaml)
        #expect(flag.server.port == 3000)
    }

    @Test func nestedAndDottedYAMLKeysAreTheSame() throws {
        let nested = try load(yaml: "limits:\n  depth: 9\n  aliases: 0\n")
        let dotted = try load(yaml: "limits.depth: 9\nlimits.aliases: 0\n")
        #expect(nested.gateway.validation.limits == dotted.gateway.validation.limits)
        #expect(nested.gateway.validation.limits?.maxDepth == 9)
        #expect(nested.gateway.validation.limits?.maxAliases == nil)
    }

    @Test func aListInYAMLIsAListOfSchemaFiles() throws {
        let configuration = try load(yaml: "schema: [a.graphql, b.graphql]")
        #expect(configuration.schemaPaths == ["a.graphql", "b.graphql"])
    }

    @Test func zeroTurnsATimerOff() throws {
        let configuration = try load(flags: [
            "limits.operation-timeout": "0", "websocket.keep-alive": "0s", "websocket.idle-timeout": "5m",
        ])
        #expect(configuration.gateway.operationTimeout == nil)
        #expect(configuration.server.webSocket.keepAliveInterval == nil)
        #expect(configuration.server.webSocket.idleTimeout == .seconds(300))
    }

    @Test(arguments: [
        (["port": "eighty"], #"--port: expected a whole number from 0 to 65535, got "eighty""#),
        (
            ["websocket.keep-alive": "soon"],
            #"--websocket-keep-alive: expected a duration such as 500ms, 30s, 5m or 1h, got "soon""#
        ),
        (["introspection": "maybe"], #"--introspection: expected true or false, got "maybe""#),
        (["auth.algorithm": "none"], #"--auth-algorithm: expected HS256, RS256 or ES256, got "none""#),
        (
            ["persisted-queries.mode": "allow-list"],
            "persisted-queries.mode allow-list needs persisted-queries.manifest"
        ),
    ])
    func aBadValueNamesWhereItCameFrom(flags: [String: String], message: String) {
        #expect(throws: SettingsError(message)) { try load(flags: flags) }
    }

    @Test func aBadVariableIsNamedAsTheVariable() {
        #expect(
            throws: SettingsError(#"SWITCHBOARD_LIMITS_DEPTH: expected a whole number from 0 to 10000, got "-1""#)
        ) {
            try load(environment: ["SWITCHBOARD_LIMITS_DEPTH": "-1"])
        }
    }

    @Test func aMisspeltYAMLKeyIsAnErrorAndAnUnknownVariableAWarning() throws {
        #expect(
            throws: SettingsError(
                "switchboard.yaml: limits.dept is not a setting; did you mean limits.depth? (see switchboard serve --help)"
            )
        ) {
            try load(yaml: "limits:\n  dept: 3\n")
        }
        let configuration = try load(environment: ["SWITCHBOARD_PROT": "1", "SWITCHBOARD_PORT": "81", "HOME": "/root"])
        #expect(configuration.unknownVariables == ["SWITCHBOARD_PROT"])
        #expect(configuration.server.port == 81)
    }

    @Test func yamlThatIsNotAMappingOfSettingsIsRefused() {
        #expect(throws: SettingsError.self) { try load(yaml: "just text") }
        #expect(throws: SettingsError.self) { try load(yaml: "port: [1, [2]]") }
        #expect(throws: SettingsError.self) { try load(yaml: "port: {a: \"") }
    }

    @Test func keyFilesThatCannotBeReadAreNamed() throws {
        var auth = ServerConfiguration.AuthSettings()
        auth.algorithm = .rs256
        auth.publicKeyFile = "/nonexistent/key.pem"
        #expect(throws: SettingsError("auth.public-key: cannot read the key file /nonexistent/key.pem")) {
            try auth.authConfiguration()
        }
        auth.publicKeyFile = nil
        #expect(throws: SettingsError("RS256 needs auth.public-key (a PEM file)")) { try auth.authConfiguration() }
        auth.algorithm = .hs256
        auth.secret = "s"
        #expect(try auth.authConfiguration().key == "s")
    }
}
