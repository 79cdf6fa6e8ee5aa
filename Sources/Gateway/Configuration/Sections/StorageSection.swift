import Settings

extension ServerConfiguration {
    /// `database`: where the tables are.
    static let storageSection = SettingsSection<ServerConfiguration>(
        nil, title: "Storage",
        settings: [
            Setting(
                "database", \.database,
                .parsed(expected: "a database location", placeholder: "location"),
                help:
                    "Where the tables are: an SQLite file path or sqlite:PATH, sqlite::memory:, or postgres://user:password@host:5432/database?sslmode=prefer.",
                examples: ["sqlite::memory:", "postgres://app@db:5432/sb?sslmode=disable"], bad: "mysql://db/sb")
        ])
}
