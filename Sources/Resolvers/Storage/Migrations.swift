/// Every migration of every domain, in the one sequence of versions the database
/// records. A domain's migrations are numbered in its own hundred (notifications 100+).
public enum Migrations {
    public static let all: [Migration] = NotificationMigrations.all

    /// The migrator for all of them.
    public static var migrator: Migrator { Migrator(migrations: all) }
}
