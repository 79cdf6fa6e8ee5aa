// swift-tools-version: 6.1
// Switchboard: a GraphQL gateway for realtime products.
//
// Dependencies point one way (README, "Layout", draws them): the engine and the Redis
// client at the bottom, the platform the domains stand on, the domains, the pipeline and
// its transports, the composed server, the command line.
// Settings, where settings are declared, stands aside: Resolvers (domains) and Gateway use it.
// The engine is ours and pure (no NIO, no I/O); no GraphQL library is a dependency here.
import PackageDescription

/// swift-log, which most targets use.
let logging = Target.Dependency.product(name: "Logging", package: "swift-log")

let package = Package(
    name: "Switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"]),
        .library(name: "GraphQLEngine", targets: ["GraphQLEngine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket.git", from: "2.8.1"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        // The GraphQL engine: pure Swift, no I/O.
        .target(name: "GraphQLEngine"),
        // Settings declared once: flags, SWITCHBOARD_* variables, YAML, --help.
        .target(name: "Settings", dependencies: [.product(name: "Yams", package: "Yams")]),
        // hiredis from the system (<hiredis/hiredis.h>): scripts/run and scripts/test
        // install libhiredis-dev. Not through pkg-config: its -D flag is refused.
        .systemLibrary(name: "CHiredis", path: "Sources/CHiredis"),
        // A Redis client usable without the server: pool, pipelines, scripts, pub/sub.
        .target(
            name: "Redis",
            dependencies: [
                "CHiredis", "Settings",
                .product(name: "Crypto", package: "swift-crypto"),
                logging,
            ]
        ),
        // schema.graphql loaded, its scalars, and its rate-limit directives read.
        .target(name: "Schema", dependencies: ["GraphQLEngine"]),
        // What every domain stands on: the caller, typed resolvers bound to the schema,
        // the Domain protocol, the database protocol and migrations, the event bus and
        // the ephemeral store (in process), jobs, readiness checks and metrics.
        .target(
            name: "Platform",
            dependencies: [
                "GraphQLEngine", "Schema", "Settings",
                .product(name: "SQLKit", package: "sql-kit"),
                logging,
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The SQL drivers: SQLite (embedded) and PostgreSQL.
        .target(
            name: "Storage",
            dependencies: [
                "Platform", "Settings",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                logging,
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The platform's event bus and ephemeral store on Redis, for many instances.
        .target(name: "RedisState", dependencies: ["Platform", "Redis", logging]),
        // @rateLimit and @costBudget enforced: GCRA, footprints, the gate, both limiters.
        .target(
            name: "RateLimiting",
            dependencies: [
                "Platform", "Pipeline", "Schema", "Redis", "GraphQLEngine", "Settings",
                logging,
            ]
        ),
        // The first domain: notifications, their store, outbox and providers.
        .target(
            name: "Notifications",
            dependencies: [
                "Platform", "GraphQLEngine", "Settings",
                .product(name: "SQLKit", package: "sql-kit"),
                logging,
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The one operation pipeline: documents, persisted queries, selection, variables,
        // rate limits, execution, metrics.
        .target(
            name: "Pipeline",
            dependencies: ["GraphQLEngine", "Platform", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // JWT bearer tokens: verification pinned to one algorithm, and minting.
        .target(
            name: "Auth",
            dependencies: [
                "Platform", "GraphQLEngine",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Transports on the pipeline: GraphQL over HTTP, and both WebSocket subprotocols
        // as state machines.
        .target(
            name: "Transports",
            dependencies: ["Pipeline", "Platform", "GraphQLEngine", logging]
        ),
        // The server composed: Hummingbird routes and upgrades, configuration, the list of
        // served domains, shared state.
        .target(
            name: "Gateway",
            dependencies: [
                "Transports", "Pipeline", "Auth", "Notifications", "RateLimiting", "RedisState", "Storage", "Redis",
                "Platform", "Schema", "Settings", "GraphQLEngine",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                logging,
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "Gateway", "Auth", "Storage", "Pipeline", "Platform", "Settings", "Schema", "GraphQLEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                logging,
            ]
        ),

        // What tests of several targets share: real Redis and PostgreSQL servers, a
        // manual clock.
        .target(
            name: "TestSupport",
            dependencies: [
                "Redis", "Storage", "Platform", "Notifications", "GraphQLEngine",
                logging,
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            path: "Tests/Support"
        ),
        .testTarget(
            name: "GraphQLEngineTests",
            dependencies: [
                "GraphQLEngine",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SettingsTests", dependencies: ["Settings"]),
        .testTarget(name: "SchemaTests", dependencies: ["Schema", "GraphQLEngine"]),
        .testTarget(
            name: "RedisTests", dependencies: ["Redis", "Settings", "TestSupport", logging]
        ),
        .testTarget(name: "PlatformTests", dependencies: ["Platform", "Schema", "GraphQLEngine"]),
        .testTarget(
            name: "StorageTests",
            dependencies: [
                "Storage", "Platform", "Settings", "TestSupport",
                .product(name: "SQLKit", package: "sql-kit"), logging,
            ]
        ),
        .testTarget(
            name: "RedisStateTests",
            dependencies: ["RedisState", "Redis", "Platform", "TestSupport", logging]
        ),
        .testTarget(
            name: "RateLimitingTests",
            dependencies: [
                "RateLimiting", "Redis", "Platform", "Schema", "GraphQLEngine", "TestSupport", logging,
            ]
        ),
        .testTarget(
            name: "NotificationsTests",
            dependencies: [
                "Notifications", "Platform", "Storage", "GraphQLEngine", "TestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                logging,
            ]
        ),
        .testTarget(
            name: "AuthTests",
            dependencies: [
                "Auth", "Platform", "GraphQLEngine",
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .testTarget(
            name: "TransportsTests",
            dependencies: [
                "Transports", "Pipeline", "RateLimiting", "Platform", "Schema", "GraphQLEngine",
                logging,
            ]
        ),
        .testTarget(
            name: "GatewayTests",
            dependencies: [
                "Gateway", "Transports", "Pipeline", "Auth", "Notifications", "RateLimiting", "RedisState", "Storage",
                "Redis", "Platform", "Settings", "Schema", "GraphQLEngine", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
                logging,
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "SwitchboardCLITests", dependencies: ["switchboard", "Gateway", "Settings"]),
    ],
    swiftLanguageModes: [.v6]
)
