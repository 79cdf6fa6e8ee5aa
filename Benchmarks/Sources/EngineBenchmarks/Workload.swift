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

    /// The text of a workload file; stops the program with a clear message when the
    /// workload is not where it is looked for.
    func text(_ name: String) -> String {
        let url = directory.appendingPathComponent(name)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            FileHandle.standardError.write(
                Data("No workload file at \(url.path); set SWITCHBOARD_WORKLOAD to the workload folder.\n".utf8))
            exit(1)
        }
        return text
    }
}
