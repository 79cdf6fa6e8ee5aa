import ArgumentParser
import Foundation
import Gateway
import Logging
import Platform
import Storage

/// `switchboard migrate`: brings the database's tables up to date, as the server does
/// when it starts, or lists the migrations and which are applied.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply the database migrations not yet applied (--status lists them instead).",
        discussion: """
            The database is found as serve finds it: --database, then SWITCHBOARD_DATABASE, \
            then the YAML file of --config (or SWITCHBOARD_CONFIG).
            """
    )

    @Option(help: "A YAML file of settings (or SWITCHBOARD_CONFIG).")
    var config: String?

    @Option(help: Serve.help("database")) var database: String?

    @Flag(help: "List each migration as applied or pending, and apply none.")
    var status = false

    func run() async throws {
        let configuration = try ServerConfiguration.resolve(
            flags: database.map { ["database": $0] } ?? [:], configFile: config,
            environment: ProcessInfo.processInfo.environment)
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = configuration.logLevel
            return handler
        }
        let logger = Logger(label: "switchboard")
        // What the migrator would log at info is printed below.
        var quietLogger = logger
        quietLogger.logLevel = max(configuration.logLevel, .warning)
        let migrator = ServedDomains.migrator
        let opened = try await DatabaseConnector.open(configuration.database, logger: logger)
        try await opened.withServices { database in
            if status {
                let applied = try await migrator.appliedVersions(on: database)
                for migration in migrator.migrations {
                    let state = applied.contains(migration.version) ? "applied" : "pending"
                    print("\(migration.version) \(migration.name): \(state)")
                }
                return
            }
            let applied = try await migrator.migrate(database, logger: quietLogger)
            for migration in applied {
                print("Applied \(migration.version) \(migration.name)")
            }
            if applied.isEmpty {
                let version = try await migrator.appliedVersions(on: database).max() ?? 0
                print("Up to date at version \(version)")
            }
        }
    }
}
