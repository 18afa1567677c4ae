/// The shift's tables in a state file, and the statements that read and write them.
///
/// A state file is one SQLite database: the world's tables (the world side's schema) and these.
/// `PRAGMA application_id` marks the file as omnipanel's; `PRAGMA user_version` is the state file's
/// format version (the JSON form of `export` and of version-1 files is ``SavedState`` version 1).
struct ShiftTables {
    /// `PRAGMA application_id` of a state file: "Omni".
    static let applicationID: Int32 = 0x4F6D_6E69
    /// The format version this program writes and reads (`PRAGMA user_version`).
    static let formatVersion = 2

    static let schema = """
        CREATE TABLE shift (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE sessions (id INTEGER PRIMARY KEY, position INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE TABLE conversations (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
        CREATE TABLE messages (
            conversation INTEGER NOT NULL, position INTEGER NOT NULL, body TEXT NOT NULL,
            PRIMARY KEY (conversation, position)) WITHOUT ROWID;
        PRAGMA application_id = \(applicationID);
        PRAGMA user_version = \(formatVersion);
        """

    private let database: Database
    private let putValue, deleteValue, putSession, deleteSession, putConversation, deleteConversation: Statement
    private let putMessage, deleteMessages: Statement

    init(_ database: Database) throws(StorageError) {
        self.database = database
        putValue = try database.prepare("INSERT OR REPLACE INTO shift (key, value) VALUES (?1, ?2)")
        deleteValue = try database.prepare("DELETE FROM shift WHERE key = ?1")
        putSession = try database.prepare("INSERT OR REPLACE INTO sessions (id, position, body) VALUES (?1, ?2, ?3)")
        deleteSession = try database.prepare("DELETE FROM sessions WHERE id = ?1")
        putConversation = try database.prepare("INSERT OR REPLACE INTO conversations (id, body) VALUES (?1, ?2)")
        deleteConversation = try database.prepare("DELETE FROM conversations WHERE id = ?1")
        putMessage = try database.prepare(
            "INSERT OR REPLACE INTO messages (conversation, position, body) VALUES (?1, ?2, ?3)")
        deleteMessages = try database.prepare("DELETE FROM messages WHERE conversation = ?1 AND position >= ?2")
    }

    /// Everything the tables hold.
    func read() throws(StorageError) -> ShiftRows {
        var rows = ShiftRows()
        let values = try database.prepare("SELECT key, value FROM shift")
        let recordPrefix = ShiftRows.logRecordsKey + String(ShiftRows.separator)
        while try values.step() {
            let key = values.string(at: 0) ?? ""
            if key.hasPrefix(recordPrefix), let id = Int(key.dropFirst(recordPrefix.count)),
                ShiftRows.logRecordKey(id) == key
            {
                rows.logRecords[id] = values.string(at: 1) ?? ""
            } else {
                rows.values[key] = values.string(at: 1) ?? ""
            }
        }
        let sessions = try database.prepare("SELECT id, position, body FROM sessions")
        while try sessions.step() {
            rows.sessions[sessions.int(at: 0)] = .init(
                position: sessions.int(at: 1), body: sessions.string(at: 2) ?? "")
        }
        let conversations = try database.prepare("SELECT id, body FROM conversations")
        while try conversations.step() {
            rows.conversations[conversations.int(at: 0)] = .init(body: conversations.string(at: 1) ?? "", messages: [])
        }
        let messages = try database.prepare(
            "SELECT conversation, position, body FROM messages ORDER BY conversation, position")
        while try messages.step() {
            let id = messages.int(at: 0)
            guard rows.conversations[id] != nil else {
                throw StorageError("a message belongs to W\(id), which does not exist")
            }
            guard messages.int(at: 1) == rows.conversations[id]!.messages.count else {
                throw StorageError("the messages of W\(id) have a gap")
            }
            rows.conversations[id]!.messages.append(messages.string(at: 2) ?? "")
        }
        return rows
    }

    /// Writes the rows of `new` that differ from `old` (what the tables hold now), deletes those
    /// `new` no longer has, and leaves the rest alone. Returns how many rows it wrote or deleted.
    @discardableResult
    func write(_ new: ShiftRows, over old: ShiftRows) throws(StorageError) -> Int {
        var written = 0
        for (key, value) in new.values where old.values[key] != value {
            written += try run(putValue) { s throws(StorageError) in
                try s.bind(key, at: 1)
                try s.bind(value, at: 2)
            }
        }
        for key in old.values.keys where new.values[key] == nil {
            written += try run(deleteValue) { s throws(StorageError) in try s.bind(key, at: 1) }
        }
        for (id, value) in new.logRecords where old.logRecords[id] != value {
            written += try run(putValue) { s throws(StorageError) in
                try s.bind(ShiftRows.logRecordKey(id), at: 1)
                try s.bind(value, at: 2)
            }
        }
        for id in old.logRecords.keys where new.logRecords[id] == nil {
            written += try run(deleteValue) { s throws(StorageError) in try s.bind(ShiftRows.logRecordKey(id), at: 1) }
        }
        for (id, session) in new.sessions where old.sessions[id] != session {
            written += try run(putSession) { s throws(StorageError) in
                try s.bind(id, at: 1)
                try s.bind(session.position, at: 2)
                try s.bind(session.body, at: 3)
            }
        }
        for id in old.sessions.keys where new.sessions[id] == nil {
            written += try run(deleteSession) { s throws(StorageError) in try s.bind(id, at: 1) }
        }
        for (id, conversation) in new.conversations {
            let before = old.conversations[id]
            guard before != conversation else { continue }
            if before?.body != conversation.body {
                written += try run(putConversation) { s throws(StorageError) in
                    try s.bind(id, at: 1)
                    try s.bind(conversation.body, at: 2)
                }
            }
            written += try writeMessages(of: id, conversation.messages, over: before?.messages ?? [])
        }
        for id in old.conversations.keys where new.conversations[id] == nil {
            written += try run(deleteConversation) { s throws(StorageError) in try s.bind(id, at: 1) }
            written += try removeMessages(of: id, from: 0)
        }
        return written
    }

    /// A transcript usually only grows: keeps the messages both have in common at the start and
    /// rewrites from the first that differs.
    private func writeMessages(of id: Int, _ new: [String], over old: [String]) throws(StorageError) -> Int {
        var common = 0
        while common < min(new.count, old.count), new[common] == old[common] { common += 1 }
        var written = common < old.count ? try removeMessages(of: id, from: common) : 0
        for position in common..<new.count {
            written += try run(putMessage) { s throws(StorageError) in
                try s.bind(id, at: 1)
                try s.bind(position, at: 2)
                try s.bind(new[position], at: 3)
            }
        }
        return written
    }

    private func removeMessages(of id: Int, from position: Int) throws(StorageError) -> Int {
        try run(deleteMessages) { s throws(StorageError) in
            try s.bind(id, at: 1)
            try s.bind(position, at: 2)
        }
    }

    /// Binds, runs and resets `statement`; returns the rows it changed.
    private func run(_ statement: Statement, _ bind: (Statement) throws(StorageError) -> Void) throws(StorageError)
        -> Int
    {
        defer { statement.reset() }
        try bind(statement)
        try statement.step()
        return database.changes
    }
}
