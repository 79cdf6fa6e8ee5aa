import ArgumentParser

/// The `switchboard` command line: a thin layer over the engine and the gateway.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A GraphQL gateway for realtime products.",
        subcommands: [
            Serve.self, Token.self, Parse.self, Format.self, Validate.self, Execute.self, SchemaCommand.self,
            Migrate.self,
        ],
        defaultSubcommand: Serve.self
    )
}
