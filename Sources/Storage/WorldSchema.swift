/// The world's tables, for any database that holds a world (a state file, a world cache).
///
/// Names are stored with their key (``worldKey(_:)``, the lowercased name) as the primary key of a
/// `WITHOUT ROWID` table, so a lookup by name and a prefix search are one range scan of one b-tree.
/// Cases and work items are keyed by their number.
public enum WorldSchema {
    /// The statements that create the tables, safe to run on a database that has them.
    public static let sql = """
        CREATE TABLE IF NOT EXISTS contacts (
            key TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            account TEXT
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS accounts (
            key TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS cases (
            number INTEGER PRIMARY KEY CHECK (number >= 0),
            title TEXT NOT NULL,
            customer TEXT
        );
        CREATE TABLE IF NOT EXISTS work_items (
            id INTEGER PRIMARY KEY CHECK (id > 0),
            channel TEXT NOT NULL,
            customer TEXT,
            stream TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS work_items_by_stream ON work_items (stream, id);
        """

    /// Creates the world's tables in `database` unless they are there.
    public static func create(in database: Database) throws(StorageError) {
        try database.execute(sql)
    }
}
