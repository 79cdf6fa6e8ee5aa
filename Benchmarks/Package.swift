// swift-tools-version: 6.1
// Engine benchmarks: Switchboard's engine and GraphQLSwift 4.3.0 side by side, on the
// shared workload. GraphQLSwift is a dependency here only, never of the product.
//
//     swift run -c release --package-path Benchmarks EngineBenchmarks
import Foundation
import PackageDescription

// A path dependency is identified by its folder's name, which is whatever the clone is called.
let switchboardIdentity = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "SwitchboardBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/GraphQLSwift/GraphQL.git", exact: "4.3.0"),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "GraphQLEngine", package: switchboardIdentity),
                .product(name: "GraphQL", package: "GraphQL"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
