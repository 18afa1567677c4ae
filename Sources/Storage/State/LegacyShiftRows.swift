internal import JSONCoding
import SessionPanel

/// The shift of a state file of format version 2, read to be migrated (``StateMigrator``) or read as it
/// is where the file cannot be changed: the state's saved JSON cut into rows by key (`shift`: each
/// top-level member, nested members to ``splitDepth`` levels joined by `/`, the log's records as
/// `shift/log/records/ID`), a row per session, per conversation (without its messages) and per message,
/// each row the JSON of its piece.
struct LegacyShiftRows: Equatable {
    /// A session's row.
    struct Session: Equatable {
        var position: Int
        var body: String
    }

    /// A conversation's row and its messages' rows.
    struct Conversation: Equatable {
        var body: String
        var messages: [String]
    }

    /// The version-2 tables, which the migration to version 3 drops.
    static let tables = ["shift", "sessions", "conversations", "messages"]

    /// Top-level members by key, as JSON.
    var values: [String: String] = [:]
    /// Sessions by id.
    var sessions: [Int: Session] = [:]
    /// Conversations by work item number.
    var conversations: [Int: Conversation] = [:]
    /// The shift log's records by work item number, as JSON.
    var logRecords: [Int: String] = [:]

    static let sessionsKey = "sessions"
    static let conversationsKey = "conversations"
    static let messagesKey = "messages"
    static let worldKey = "world"

    /// The row of the shift log's records: `shift/log/records`, holding `{}` while the log had no
    /// record, and `shift/log/records/ID` a row per record.
    static let logRecordsKey = ["shift", "log", "records"].joined(separator: String(separator))

    /// The key in `shift` of the row of the log's record of work item `id`.
    static func logRecordKey(_ id: Int) -> String { logRecordsKey + String(separator) + String(id) }

    /// How deep objects were cut into a row per member.
    static let splitDepth = 4
    /// What joins the keys of a nested member's row (`settings/threshold`).
    static let separator: Character = "/"

    /// Everything the version-2 tables of `database` hold.
    static func read(_ database: Database) throws(StorageError) -> LegacyShiftRows {
        var rows = LegacyShiftRows()
        let values = try database.prepare("SELECT key, value FROM shift")
        let recordPrefix = LegacyShiftRows.logRecordsKey + String(LegacyShiftRows.separator)
        while try values.step() {
            let key = values.string(at: 0) ?? ""
            if key.hasPrefix(recordPrefix), let id = Int(key.dropFirst(recordPrefix.count)),
                LegacyShiftRows.logRecordKey(id) == key
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

    /// The saved JSON of the shift the rows hold, to be decoded (and checked) as a ``PanelState``;
    /// its world is an empty one, to be replaced by the file's world tables.
    func json() throws(StorageError) -> JSONValue {
        var work = 0
        return try json(work: &work)
    }

    /// ``json()``, adding to `work` the rows handled on the way: each once per level of its key
    /// (tests check it grows with the rows, not with their square).
    func json(work: inout Int) throws(StorageError) -> JSONValue {
        var members: [(String, JSONValue)] = [(Self.worldKey, try ShiftWriter.encode(World()))]
        var rows: [Row] = []
        rows.reserveCapacity(values.count + logRecords.count)
        for (key, text) in values { rows.append(Row(key.split(separator: Self.separator), try Self.parse(text))) }
        for (id, text) in logRecords {
            rows.append(Row(Self.logRecordKey(id).split(separator: Self.separator), try Self.parse(text)))
        }
        let nested = try Self.grouped(rows, at: 0, work: &work)
        for key in Set(nested.keys).union([Self.sessionsKey, Self.conversationsKey]).sorted() {
            switch key {
            case Self.sessionsKey:
                let ordered = sessions.values.sorted { $0.position < $1.position }
                members.append((key, .array(try ordered.map { row throws(StorageError) in try Self.parse(row.body) })))
            case Self.conversationsKey:
                var items: [JSONValue] = []
                for id in conversations.keys.sorted() {
                    let row = conversations[id]!
                    guard case .object(var fields) = try Self.parse(row.body) else {
                        throw StorageError("conversation W\(id) is not a JSON object")
                    }
                    fields.append(
                        (
                            Self.messagesKey,
                            .array(try row.messages.map { text throws(StorageError) in try Self.parse(text) })
                        ))
                    items.append(.object(fields))
                }
                members.append((key, .array(items)))
            default:
                members.append((key, try Self.nested(nested[key]!, at: 1, work: &work)))
            }
        }
        return .object(members)
    }

    /// A row of `shift` on its way back into the saved JSON: its key cut at ``separator``, its value.
    private struct Row {
        let path: [Substring]
        let value: JSONValue
        init(_ path: [Substring], _ value: JSONValue) {
            self.path = path
            self.value = value
        }
    }

    /// `rows`, whose keys agree up to `depth`, by their key's part at `depth`. Each row is handled
    /// once, so putting the rows back together costs each row once per level of its key (building
    /// nested objects by inserting one row at a time copied an object per row: the square of a long log).
    private static func grouped(_ rows: [Row], at depth: Int, work: inout Int) throws(StorageError) -> [String:
        [Row]]
    {
        var groups: [String: [Row]] = [:]
        for row in rows {
            work += 1
            guard depth < row.path.count else {
                let key = row.path.joined(separator: String(separator))
                throw StorageError(
                    key.isEmpty ? "a row of the shift has an empty key" : "the shift's row \(key) has rows inside it")
            }
            groups[String(row.path[depth]), default: []].append(row)
        }
        return groups
    }

    /// The value of `rows`, whose keys agree up to `depth`: the value of the one row whose key ends
    /// there, or an object of their members, in key order.
    private static func nested(_ rows: [Row], at depth: Int, work: inout Int) throws(StorageError) -> JSONValue {
        if let row = rows.first, row.path.count == depth {
            guard rows.count == 1 else {
                let clash = rows.allSatisfy { $0.path.count == depth } ? "appears twice" : "has rows inside it"
                throw StorageError("the shift's row \(row.path.joined(separator: String(separator))) \(clash)")
            }
            return row.value
        }
        let groups = try grouped(rows, at: depth, work: &work)
        var members: [(String, JSONValue)] = []
        for key in groups.keys.sorted() {
            members.append((key, try nested(groups[key]!, at: depth + 1, work: &work)))
        }
        return .object(members)
    }

    private static func parse(_ text: String) throws(StorageError) -> JSONValue {
        do {
            return try JSONParser.parse(Array(text.utf8))
        } catch {
            throw StorageError("a row is not valid JSON: \(error)")
        }
    }
}
