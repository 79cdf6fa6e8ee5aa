import Settings
import Testing

/// Settings flags read from the command line against the declared keys.
@Suite struct CommandLineFlagsTests {
    let keys = ["port", "websocket.keep-alive", "auth.secret"]

    @Test func aFlagTakesTheNextArgumentOrWhatFollowsItsEqualsSign() throws {
        let flags = try SettingValues.flags(
            from: ["--port", "9090", "--websocket-keep-alive=12s", "--auth-secret=--odd=value"], keys: keys)
        #expect(flags == ["port": "9090", "websocket.keep-alive": "12s", "auth.secret": "--odd=value"])
    }

    @Test func theLastOfARepeatedFlagWins() throws {
        #expect(try SettingValues.flags(from: ["--port", "1", "--port", "2"], keys: keys) == ["port": "2"])
    }

    @Test(arguments: [
        (["--prot", "80"], "Unknown option '--prot' (did you mean '--port'?)"),
        (["--colour", "blue"], "Unknown option '--colour'"),
        (["--port"], "Missing value for '--port'"),
        (["--port", "--auth-secret", "s"], "Missing value for '--port'"),
        (["9090"], "Unexpected argument '9090'"),
    ])
    func aFlagThatCannotBeReadIsNamed(arguments: [String], message: String) {
        #expect(throws: SettingsError(message)) { try SettingValues.flags(from: arguments, keys: keys) }
    }

    @Test func everySourceSpellsAKeyItsOwnWay() {
        #expect(SettingValues.flag(for: "websocket.keep-alive") == "--websocket-keep-alive")
        #expect(SettingValues.environmentVariable(for: "websocket.keep-alive") == "SWITCHBOARD_WEBSOCKET_KEEP_ALIVE")
    }
}
