import Foundation
import Testing

/// Runs the built `switchboard` binary, which sits beside the test bundle in the build
/// products folder, and captures what it printed.
struct CommandResult {
    var status: Int32
    var standardOutput: String
    var standardError: String
}

func switchboard(_ arguments: String...) throws -> CommandResult {
    try switchboard(arguments, environment: [:])
}

/// `switchboard` run with `environment` added to the test's own.
func switchboard(_ arguments: [String], environment: [String: String]) throws -> CommandResult {
    let process = try switchboardProcess(arguments, environment: environment)
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
        status: process.terminationStatus,
        standardOutput: String(decoding: outputData, as: UTF8.self),
        standardError: String(decoding: errorData, as: UTF8.self))
}

/// The built `switchboard` binary, ready to run with `arguments`.
func switchboardProcess(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
    let products = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let binary = products.appendingPathComponent("switchboard")
    try #require(FileManager.default.isExecutableFile(atPath: binary.path), "no switchboard binary at \(binary.path)")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, given in given }
    return process
}

/// A temporary file holding `text`, removed when the test's scope ends.
final class TemporaryFile {
    let path: String

    init(_ text: String, name: String = "document.graphql") throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        path = directory.appendingPathComponent(name).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    deinit {
        try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    }
}
