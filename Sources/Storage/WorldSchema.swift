import SessionPanel

/// The world's tables, for any database that holds a world (a state file, a world cache).
///
/// Contacts, accounts and cases are kept in key order with their **rank**: the row id, assigned
/// 1, 2, 3, … in the order of the key (the lowercased name, ``worldKey(_:)``, or the case number)
/// when the table is written. A unique index on the key holds the rank beside each key, so a lookup
/// by name and a prefix listing are one range scan of that index, and the number of keys in a range
/// is the difference of two ranks found by two index lookups: counting the 108,977 contacts that start
/// with `Zo` costs what counting 10 does.
///
/// The ranks stay dense and in key order because ``WorldWriter`` is the only writer: it sorts every
/// table it writes, and rewrites a table that already had rows (see ``WorldWriter/finish()``).
/// Nothing else adds to a world: the shift's customers who are not contacts are visitors, kept with
/// the shift. A table copied whole keeps its ranks (`INSERT … SELECT *` copies the `rank` column).
/// Tables written before ranks existed (state files of an earlier build) have no `rank` column;
/// ``SQLiteWorldCatalog`` counts their rows one by one.
public enum WorldSchema {
    /// A table kept in key order with ranks.
    struct RankedTable: Sendable {
        /// The table's name.
        let name: String
        /// The column the table is sorted, looked up and counted by.
        let key: String
        /// Every column but the rank, in the table's order.
        let columns: [String]
        /// The columns' definitions, for the table and for its arriving rows (see ``WorldWriter``).
        let definitions: String
    }

    static let contacts = RankedTable(
        name: "contacts", key: "key", columns: ["key", "name", "account"],
        definitions: "key TEXT NOT NULL, name TEXT NOT NULL, account TEXT")
    static let accounts = RankedTable(
        name: "accounts", key: "key", columns: ["key", "name"], definitions: "key TEXT NOT NULL, name TEXT NOT NULL")
    static let cases = RankedTable(
        name: "cases", key: "number", columns: ["number", "title", "customer"],
        definitions: "number INTEGER NOT NULL CHECK (number >= 0), title TEXT NOT NULL, customer TEXT")
    /// The tables kept in key order with ranks.
    static let rankedTables = [contacts, accounts, cases]

    /// The tables and the indexes every lookup uses; unique ones refuse a second record with the same
    /// name or number.
    private static let statements = """
        CREATE TABLE IF NOT EXISTS contacts (rank INTEGER PRIMARY KEY, \(contacts.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS contacts_by_key ON contacts (key);
        CREATE TABLE IF NOT EXISTS accounts (rank INTEGER PRIMARY KEY, \(accounts.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS accounts_by_key ON accounts (key);
        CREATE TABLE IF NOT EXISTS cases (rank INTEGER PRIMARY KEY, \(cases.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS cases_by_number ON cases (number);
        CREATE INDEX IF NOT EXISTS cases_by_customer ON cases (customer, number);
        CREATE TABLE IF NOT EXISTS work_items (
            id INTEGER PRIMARY KEY CHECK (id > 0), channel TEXT NOT NULL, customer TEXT, stream TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS work_items_by_stream ON work_items (stream, id);
        """

    /// Creates the world's tables and indexes in `database` unless they are there.
    public static func create(in database: Database) throws(StorageError) {
        try database.execute(statements)
    }
}
