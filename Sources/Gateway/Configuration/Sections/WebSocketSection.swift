import Settings

extension ServerConfiguration {
    /// `websocket.*`: how WebSocket clients are timed and bounded.
    static let webSocketSection = SettingsSection<ServerConfiguration>(
        "websocket", title: "WebSocket",
        settings: [
            Setting(
                "init-timeout", \.server.webSocket.connectionInitTimeout, .duration,
                help: "How long a WebSocket client has to send connection_init.", examples: ["10s", "500ms"],
                bad: "-3s"),
            Setting(
                "keep-alive", \.server.webSocket.keepAliveInterval, SettingParser.duration.zeroMeansNone,
                help: "How often to ping WebSocket clients; 0 for never.", examples: ["30s", "0"], bad: "soon"),
            Setting(
                "idle-timeout", \.server.webSocket.idleTimeout, SettingParser.duration.zeroMeansNone,
                help: "How long an idle WebSocket client may stay silent; 0 for no limit.", examples: ["5m", "1h"],
                bad: "forever"),
            Setting(
                "max-operations", \.server.webSocket.maxOperations, .int(1...100_000),
                help: "The most operations one WebSocket runs at once.", examples: ["10", "500"], bad: "0"),
            Setting(
                "max-message-bytes", \.server.webSocket.maxMessageBytes, .int(64...(1 << 28)),
                help: "The largest WebSocket message, in bytes.", examples: ["65536", "4096"], bad: "63"),
            Setting(
                "max-queued-frames", \.server.maxQueuedFrames, .int(1...1_000_000),
                help: "Frames waiting for a slow client before it is closed.", examples: ["64", "4096"], bad: "none"),
        ])
}
