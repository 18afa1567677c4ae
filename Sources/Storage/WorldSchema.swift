import SessionPanel

/// The world's tables, for any database that holds a world (a state file, a world cache).
///
/// Names are stored with their key (``worldKey(_:)``, the lowercased name) under a unique index, so
/// a lookup by name and a prefix search are one range scan of one index; cases and work items are
/// found by number the same way. A bulk import writes the rows first and builds the indexes after
/// (``createTables(in:)``, then ``createIndexes(in:)``): SQLite sorts once instead of inserting a
/// million keys at random places in a b-tree, which made the import four times slower.
public enum WorldSchema {
    /// The tables, without their indexes.
    public static let tables = """
        CREATE TABLE IF NOT EXISTS contacts (key TEXT NOT NULL, name TEXT NOT NULL, account TEXT);
        CREATE TABLE IF NOT EXISTS accounts (key TEXT NOT NULL, name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS cases (number INTEGER NOT NULL CHECK (number >= 0), title TEXT NOT NULL, customer TEXT);
        CREATE TABLE IF NOT EXISTS work_items (
            id INTEGER PRIMARY KEY CHECK (id > 0), channel TEXT NOT NULL, customer TEXT, stream TEXT NOT NULL);
        """

    /// The indexes every lookup uses; unique ones refuse a second record with the same name or number.
    public static let indexes = """
        CREATE UNIQUE INDEX IF NOT EXISTS contacts_by_key ON contacts (key);
        CREATE UNIQUE INDEX IF NOT EXISTS accounts_by_key ON accounts (key);
        CREATE UNIQUE INDEX IF NOT EXISTS cases_by_number ON cases (number);
        CREATE INDEX IF NOT EXISTS work_items_by_stream ON work_items (stream, id);
        """

    /// Creates the world's tables and indexes in `database` unless they are there.
    public static func create(in database: Database) throws(StorageError) {
        try database.execute(tables + indexes)
    }

    /// Creates the tables only, for a bulk import; ``createIndexes(in:)`` must follow.
    public static func createTables(in database: Database) throws(StorageError) {
        try database.execute(tables)
    }

    /// Builds the indexes after a bulk import. A name or number that appears twice fails here,
    /// reported as ``World/problems`` words it (`contact "ann lee" appears twice`).
    public static func createIndexes(in database: Database) throws(StorageError) {
        do {
            try database.execute(indexes)
        } catch  where error.isConstraint {
            let duplicates: [(String, WorldRecordKind)] = [
                ("SELECT key FROM contacts GROUP BY key HAVING count(*) > 1 LIMIT 1", .contact),
                ("SELECT key FROM accounts GROUP BY key HAVING count(*) > 1 LIMIT 1", .account),
                ("SELECT number FROM cases GROUP BY number HAVING count(*) > 1 LIMIT 1", .caseRecord),
            ]
            for (sql, kind) in duplicates {
                let statement = try database.prepare(sql)
                if try statement.step() {
                    throw StorageError(World.duplicate(kind, statement.string(at: 0) ?? ""), code: error.code)
                }
            }
            throw error
        }
    }
}
