import SessionPanel

/// Checks of a state file's contents that loading the shift does not make: a file crafted by hand
/// (`sqlite3 class.db`) is refused before any of it is used.
enum StateFileContents {
    /// What is wrong with `database` as a state file, if anything:
    /// - a trigger or a view, which omnipanel never creates: a trigger would run code of the file's
    ///   author on every save, a view when read;
    /// - a case number or work item id out of ``World/problem(caseNumber:)``'s range, which the world's
    ///   code takes as given (each found through its index, so the check costs nothing for a big world).
    static func problem(in database: Database) throws(StorageError) -> String? {
        let foreign = try database.prepare(
            "SELECT type, name FROM sqlite_schema WHERE type IN ('trigger', 'view') ORDER BY type, name LIMIT 1")
        if try foreign.step() {
            let name = VisibleText.excerpt(foreign.string(at: 1) ?? "")
            return "it holds a \(foreign.string(at: 0) ?? "trigger") (\(name)) that omnipanel did not create"
        }
        let limit = Limits.largestRecordNumber
        let checks: [(sql: String, problem: (Int) -> String?)] = [
            ("SELECT number FROM cases WHERE number < 0 OR number > \(limit) LIMIT 1", World.problem(caseNumber:)),
            ("SELECT id FROM work_items WHERE id < 1 OR id > \(limit) LIMIT 1", World.problem(workItemID:)),
        ]
        for check in checks {
            let statement = try database.prepare(check.sql)
            if try statement.step() {
                return "world: " + (check.problem(statement.int(at: 0)) ?? "a number is out of range")
            }
        }
        return nil
    }
}
