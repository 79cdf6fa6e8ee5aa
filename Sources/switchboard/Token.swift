import ArgumentParser
import Auth
import Foundation
import Gateway
import Settings

/// `switchboard token --user alice`: a token signed as the server is configured to
/// check it, so a newcomer can call the API in one step.
struct Token: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Mint a JWT the server accepts (with its configured secret or signing key).",
        discussion: """
            Reads the auth settings as serve does: --config, SWITCHBOARD_* variables. \
            Print it, then call: curl -H "Authorization: Bearer $(switchboard token --user alice)" ...
            """
    )

    @Option(help: "The user: the token's sub claim.")
    var user: String

    @Option(help: "The tenant claim.")
    var tenant: String?

    @Option(name: .customLong("role"), help: "A role (repeat for several), such as admin.")
    var roles: [String] = []

    @Option(help: "How long the token lives, such as 30m, 1h or 7d.")
    var ttl: String = "1h"

    @Option(help: "A YAML file of settings (or SWITCHBOARD_CONFIG).")
    var config: String?

    @Option(help: "The HS256 shared secret (or SWITCHBOARD_AUTH_SECRET).")
    var authSecret: String?

    func run() async throws {
        guard let lifetime = DurationText.parse(ttl), lifetime > .zero else {
            throw ValidationError("--ttl: expected a duration such as 30m, 1h or 7d, got \"\(ttl)\"")
        }
        var flags: [String: String] = [:]
        flags["auth.secret"] = authSecret
        let configuration = try ServerConfiguration.resolve(
            flags: flags, configFile: config, environment: ProcessInfo.processInfo.environment)
        let minter = try await TokenMinter(configuration.auth.authConfiguration())
        if minter.configuration.usesDevelopmentSecret {
            FileHandle.standardError.write(
                Data("warning: signed with the development secret; set auth.secret in production\n".utf8))
        }
        print(try await minter.mint(user: user, tenant: tenant, roles: roles, ttl: lifetime, now: Date()))
    }
}
