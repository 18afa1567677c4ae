import SessionPanel

/// Brings a state file's schema up to ``ShiftSchema/formatVersion``, one step per version, keyed by
/// `PRAGMA user_version` (as GRDB's `DatabaseMigrator` does with its table of applied migrations):
/// each step runs once, in order, in its own transaction, which also sets the file's version, so a
/// step that fails (or a run killed during one) leaves the file at the version before it. Foreign
/// keys are checked before each commit.
///
/// Version 1 is a JSON file, not a database: it is migrated by building a new file of the current
/// version (``StateFile``), never by these steps.
struct StateMigrator: Sendable {
    /// One step: what turns a file of version `version - 1` into one of `version`.
    struct Step: Sendable {
        let version: Int
        let migrate: @Sendable (Database) throws -> Void
    }

    /// The steps, in version order.
    let steps: [Step]

    /// The state file's steps.
    static let stateFile = StateMigrator(steps: [Step(version: 3, migrate: shiftIntoTables)])

    /// Whether a file of `version` has steps to run.
    func isBehind(_ version: Int) -> Bool { steps.contains { $0.version > version } }

    /// Runs the steps after the version `database` is at. The caller holds the writer's lock (an open
    /// `BEGIN IMMEDIATE`): each step commits, then takes the lock again for the next (and for the caller).
    func migrate(_ database: Database) throws {
        let current = try database.integerPragma("user_version")
        for step in steps where step.version > current {
            do {
                try step.migrate(database)
                try database.execute("PRAGMA user_version = \(step.version)")
                let broken = try database.prepare("PRAGMA foreign_key_check")
                if try broken.step() {
                    throw StorageError(
                        "migrating to version \(step.version) leaves a row of \(broken.string(at: 0) ?? "a table") "
                            + "pointing to no row of \(broken.string(at: 2) ?? "another")")
                }
                try database.execute("COMMIT")
            } catch {
                try? database.execute("ROLLBACK")
                try? database.execute("BEGIN IMMEDIATE")
                throw error
            }
            try database.execute("BEGIN IMMEDIATE")
        }
    }

    /// Version 2 to 3: the shift's JSON fragments (``LegacyShiftRows``) read, checked as any saved
    /// state, and written into the tables of ``ShiftSchema``; the fragments' tables dropped.
    static func shiftIntoTables(_ database: Database) throws {
        try WorldSchema.addWorkItemKeys(in: database)
        let json = try LegacyShiftRows.read(database).json()
        let state = try SavedJSON.state(from: json, in: SQLiteWorldCatalog(database: database), database.path)
        for table in LegacyShiftRows.tables { try database.execute("DROP TABLE \(table)") }
        try database.execute(ShiftSchema.tables)
        _ = try ShiftWriter(database).write(state, over: nil)
    }
}
