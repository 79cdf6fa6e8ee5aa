import Foundation

/// The shared benchmark workload (`../shared/workload` beside the project checkout, or
/// the folder named by `SWITCHBOARD_WORKLOAD`).
struct Workload {
    let directory: URL

    init() {
        if let path = ProcessInfo.processInfo.environment["SWITCHBOARD_WORKLOAD"] {
            directory = URL(fileURLWithPath: path)
        } else {
            // Benchmarks/Sources/EngineBenchmarks/Workload.swift -> the checkout -> ../shared/workload
            let checkout = URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent()
            directory = checkout.deletingLastPathComponent().appendingPathComponent("shared/workload")
        }
    }

    func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
