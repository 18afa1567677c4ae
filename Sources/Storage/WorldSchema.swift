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
    static let queues = RankedTable(
        name: "queues", key: "key", columns: ["key", "name"], definitions: "key TEXT NOT NULL, name TEXT NOT NULL")
    /// A colleague's lines are kept one per line of `lines`.
    static let agents = RankedTable(
        name: "agents", key: "key", columns: ["key", "name", "lines"],
        definitions: "key TEXT NOT NULL, name TEXT NOT NULL, lines TEXT NOT NULL")
    /// A quick reply's `tags` are its tags joined by spaces, for the search index.
    static let quickReplies = RankedTable(
        name: "quick_replies", key: "key", columns: ["key", "text", "tags"],
        definitions: "key TEXT NOT NULL, text TEXT NOT NULL, tags TEXT NOT NULL")
    static let dispositions = RankedTable(
        name: "dispositions", key: "key", columns: ["key", "code"], definitions: "key TEXT NOT NULL, code TEXT NOT NULL"
    )
    static let articles = RankedTable(
        name: "articles", key: "id", columns: ["id", "title", "keywords", "body"],
        definitions:
            "id INTEGER NOT NULL CHECK (id > 0), title TEXT NOT NULL, keywords TEXT NOT NULL, body TEXT NOT NULL")

    /// The tables kept in key order with ranks, and the kind of record each holds.
    static let rankedTables: [(table: RankedTable, kind: WorldRecordKind)] = [
        (contacts, .contact), (accounts, .account), (cases, .caseRecord), (queues, .queue), (agents, .agent),
        (quickReplies, .quickReply), (dispositions, .disposition), (articles, .article),
    ]

    /// Every table that holds the world's records, as a state file copies them.
    static let recordTables = rankedTables.map(\.table.name) + ["work_items", "world_flags", "world_counts"]

    /// The full-text indexes (SQLite FTS5, external content: they hold only the index, the rows stay
    /// in their table, matched by rank) and the table each indexes. Each also indexes the prefixes of
    /// one to three letters (`prefix = '1 2 3'`): a search word is a prefix (`"ka"*`), and a short one
    /// is then one list of the index rather than the lists of the thousands of words it starts.
    static let searchIndexes = [("articles_search", articles.name), ("quick_replies_search", quickReplies.name)]

    /// Rebuilds the full-text indexes and the list of quick-reply tags from their tables, after the
    /// tables were written or copied.
    static func rebuildSearch(in database: Database) throws(StorageError) {
        for (index, _) in searchIndexes {
            try database.execute("INSERT INTO main.\(index)(\(index)) VALUES ('rebuild')")
        }
        try database.execute(rebuildTags)
    }

    /// `quick_reply_tags` from the quick replies' `tags` columns (tags joined by spaces), each tag once:
    /// Tab completes `#tag` by a range scan of its key.
    private static let rebuildTags = """
        DELETE FROM main.quick_reply_tags;
        WITH RECURSIVE split(tag, rest) AS (
            SELECT '', tags || ' ' FROM main.quick_replies
            UNION ALL
            SELECT substr(rest, 1, instr(rest, ' ') - 1), substr(rest, instr(rest, ' ') + 1) FROM split WHERE rest <> ''
        )
        INSERT OR IGNORE INTO main.quick_reply_tags (key) SELECT tag FROM split WHERE tag <> '';
        """

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
            id INTEGER PRIMARY KEY CHECK (id > 0), channel TEXT NOT NULL, customer TEXT, stream TEXT NOT NULL,
            \(workItemKeys));
        CREATE INDEX IF NOT EXISTS work_items_by_stream ON work_items (stream, id);
        \(workItemIndexes)
        CREATE TABLE IF NOT EXISTS world_counts (name TEXT PRIMARY KEY, count INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS queues (rank INTEGER PRIMARY KEY, \(queues.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS queues_by_key ON queues (key);
        CREATE TABLE IF NOT EXISTS agents (rank INTEGER PRIMARY KEY, \(agents.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS agents_by_key ON agents (key);
        CREATE TABLE IF NOT EXISTS quick_replies (rank INTEGER PRIMARY KEY, \(quickReplies.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS quick_replies_by_key ON quick_replies (key);
        CREATE TABLE IF NOT EXISTS dispositions (rank INTEGER PRIMARY KEY, \(dispositions.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS dispositions_by_key ON dispositions (key);
        CREATE TABLE IF NOT EXISTS articles (rank INTEGER PRIMARY KEY, \(articles.definitions));
        CREATE UNIQUE INDEX IF NOT EXISTS articles_by_id ON articles (id);
        CREATE TABLE IF NOT EXISTS world_flags (flag TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS quick_reply_tags (key TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE VIRTUAL TABLE IF NOT EXISTS articles_search USING fts5(
            title, keywords, body, content = 'articles', content_rowid = 'rank',
            tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3');
        CREATE VIRTUAL TABLE IF NOT EXISTS quick_replies_search USING fts5(
            text, tags, content = 'quick_replies', content_rowid = 'rank', tokenize = 'unicode61 remove_diacritics 2',
            prefix = '1 2 3');
        """

    /// The columns a work item has for the shift's lookups (``numberWorkItems(in:)`` fills them):
    /// `customer_key`, the customer lowercased as Swift lowercases it; `visitor_number`, a customer-less
    /// item's `Visitor N` as a fresh shift numbers them (by id); `title_key`, the title lowercased.
    static let workItemKeys = "customer_key TEXT, visitor_number INTEGER, title_key TEXT"

    /// The indexes of those lookups: a customer's items that are not Closed, the newest by title, a
    /// customer's Closed ones.
    static let workItemIndexes = """
        CREATE INDEX IF NOT EXISTS work_items_unclosed_by_customer ON work_items (customer_key)
            WHERE stream <> 'closed';
        CREATE INDEX IF NOT EXISTS work_items_by_title ON work_items (title_key, id);
        CREATE INDEX IF NOT EXISTS work_items_closed_by_customer ON work_items (customer, id) WHERE stream = 'closed';
        """

    /// Numbers the visitors among the work items by id, sets their title keys, and counts each stream
    /// and the visitors into `world_counts` (read instead of counting a million rows): after the work
    /// items were written.
    static func numberWorkItems(in database: Database) throws(StorageError) {
        try database.execute(
            """
            UPDATE work_items SET visitor_number = numbered.n FROM (
                SELECT id, row_number() OVER (ORDER BY id) AS n FROM work_items WHERE customer IS NULL) AS numbered
                WHERE work_items.id = numbered.id AND work_items.visitor_number IS NOT numbered.n;
            UPDATE work_items SET title_key = coalesce(customer_key, 'visitor ' || visitor_number)
                WHERE title_key IS NOT coalesce(customer_key, 'visitor ' || visitor_number);
            DELETE FROM world_counts;
            INSERT INTO world_counts SELECT stream, count(*) FROM work_items GROUP BY stream;
            INSERT INTO world_counts SELECT 'visitors', count(*) FROM work_items WHERE customer IS NULL;
            """)
    }

    /// Gives the work items of a file written before their keys (a state file of format 2) the keys,
    /// numbers and counts (``workItemKeys``).
    static func addWorkItemKeys(in database: Database) throws(StorageError) {
        let columns = try database.prepare("SELECT 1 FROM pragma_table_info('work_items') WHERE name = 'customer_key'")
        if try !columns.step() {
            for column in workItemKeys.split(separator: ",") {
                try database.execute("ALTER TABLE work_items ADD COLUMN \(column.trimmingPrefix(" "))")
            }
        }
        try create(in: database)
        let rows = try database.prepare("SELECT id, customer FROM work_items WHERE customer IS NOT NULL")
        let update = try database.prepare("UPDATE work_items SET customer_key = ?2 WHERE id = ?1")
        while try rows.step() {
            try update.bind(rows.int(at: 0), at: 1)
            try update.bind(rows.string(at: 1)?.lowercased(), at: 2)
            try update.step()
            update.reset()
        }
        try numberWorkItems(in: database)
    }

    /// The flag in `world_flags` that says closing a conversation needs a disposition code.
    static let requiresDispositionFlag = "requires disposition"

    /// Creates the world's tables and indexes in `database` unless they are there.
    public static func create(in database: Database) throws(StorageError) {
        try database.execute(statements)
    }
}
