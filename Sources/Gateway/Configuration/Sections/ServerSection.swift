import Logging
import Settings

extension ServerConfiguration {
    /// The top-level settings: where the server listens, what it serves, how it logs and
    /// stops.
    static let serverSection = SettingsSection<ServerConfiguration>(
        nil, title: "Server",
        settings: [
            Setting(
                "host", \.server.host, .text, help: "The address to listen on; 0.0.0.0 for every interface.",
                examples: ["0.0.0.0", "::1"]),
            Setting(
                "port", \.server.port, .int(0...65_535), help: "The port to listen on; 0 for any free port.",
                examples: ["9090", "0"], bad: "eighty"),
            Setting(
                "schema", \.schemaPaths, .list, help: "The schema's SDL files, comma-separated.",
                examples: ["a.graphql,b.graphql", "other.graphql"]),
            Setting(
                "log-level", \.logLevel, .oneOf(Logger.Level.allCases), help: "How much the server logs.",
                examples: ["debug", "ERROR"], bad: "loud"),
            Setting(
                "introspection", \.gateway.validation.allowsIntrospection, .bool,
                help: "Whether clients may query __schema and __type.", examples: ["false", "true"], bad: "maybe"),
            Setting(
                "shutdown-grace", \.server.shutdownGrace, .duration,
                help: "How long a shutdown waits for work in flight.", examples: ["30s", "1m"], bad: "soon"),
            Setting(
                "trusted-proxy-hops", \.server.trustedProxyHops, .int(0...10),
                help:
                    "Proxies in front of the server that append to X-Forwarded-For; the client's address, which signed-out rate limits count, is the one the outermost saw (0: the socket's peer).",
                examples: ["1", "2"], bad: "11"),
        ])
}
