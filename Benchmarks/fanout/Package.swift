// swift-tools-version: 6.1
// The fan-out load client: its own process, loopback only, bounded in connections and
// time. It needs only NIO, so it builds without the server's dependencies.
//
//     swift build -c release --package-path Benchmarks/fanout
import PackageDescription

let package = Package(
    name: "FanoutClient",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2")
    ],
    targets: [
        .executableTarget(
            name: "FanoutClient",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
