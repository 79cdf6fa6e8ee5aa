// swift-tools-version: 6.1
// Switchboard: a GraphQL gateway for realtime products.
//
// Dependencies point one way: GraphQLEngine <- Schema <- Resolvers <- Gateway <- switchboard.
// The engine is ours and pure (no NIO, no I/O); no GraphQL library is a dependency here.
import PackageDescription

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
    ],
    targets: [
        .target(name: "GraphQLEngine"),
        .target(name: "Schema", dependencies: ["GraphQLEngine"]),
        .target(name: "Resolvers", dependencies: ["Schema", "GraphQLEngine"]),
        .target(name: "Gateway", dependencies: ["Resolvers", "Schema", "GraphQLEngine"]),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "Gateway", "Schema", "GraphQLEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .testTarget(
            name: "GraphQLEngineTests",
            dependencies: [
                "GraphQLEngine",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SchemaTests", dependencies: ["Schema"]),
        .testTarget(name: "ResolversTests", dependencies: ["Resolvers", "Schema", "GraphQLEngine"]),
        .testTarget(name: "GatewayTests", dependencies: ["Gateway"]),
        .testTarget(name: "SwitchboardCLITests", dependencies: ["switchboard"]),
    ],
    swiftLanguageModes: [.v6]
)
