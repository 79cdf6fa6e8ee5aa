import Foundation
import Settings

/// Where the gateway keeps its tables, as the `database` setting names it: an SQLite
/// file (the default, nothing to install), SQLite in memory, or a PostgreSQL server.
///
/// Its description never shows a password, so a location can go into logs and errors.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An SQLite file, created when missing; its folder must exist.
    case sqliteFile(path: String)
    /// An SQLite database held in memory: gone when the process ends (tests, trials).
    case sqliteMemory
    case postgres(PostgresLocation)

    /// `switchboard.sqlite` in the working directory.
    public static let `default` = DatabaseLocation.sqliteFile(path: "switchboard.sqlite")

    /// The location `text` names: `postgres://user:password@host:5432/db?sslmode=require`
    /// (or `postgresql://`), `sqlite:PATH`, `sqlite::memory:`, or a plain file path for
    /// SQLite. Errors name `setting`, as where the text was read.
    public init(parsing text: String, setting: String = "database") throws(SettingsError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for scheme in ["postgres://", "postgresql://"] where trimmed.lowercased().hasPrefix(scheme) {
            self = .postgres(try PostgresLocation(parsing: trimmed.dropFirst(scheme.count), setting: setting))
            return
        }
        if trimmed == "sqlite::memory:" {
            self = .sqliteMemory
            return
        }
        var path = Substring(trimmed)
        if trimmed.lowercased().hasPrefix("sqlite:") {
            path = path.dropFirst("sqlite:".count)
            // `sqlite:///var/db/x.sqlite` as a URL spells it: the path is what follows `//`.
            if path.hasPrefix("//") { path = path.dropFirst(2) }
        } else if let scheme = trimmed.range(of: "://") {
            throw SettingsError(
                "\(setting): unknown scheme \"\(trimmed[..<scheme.lowerBound])\": expected postgres://, postgresql://, sqlite: or a file path"
            )
        }
        guard !path.isEmpty else {
            throw SettingsError(
                "\(setting): expected a PostgreSQL URL, sqlite:PATH, sqlite::memory: or a file path")
        }
        self = .sqliteFile(path: String(path))
    }

    /// The location as it can be shown: a PostgreSQL password is replaced by `***`.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let location): location.description
        }
    }

    public var debugDescription: String { description }
}

/// A database location is a setting that parses itself, naming the setting in errors.
extension DatabaseLocation: ParsableSetting {}
