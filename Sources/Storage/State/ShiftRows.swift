internal import JSONCoding
import SessionPanel

/// A shift as the rows of a state file: the state's saved JSON (today's `--state` format, see
/// ``SavedState``) cut into pieces that change independently, each serialized on its own. Saving
/// compares the pieces of the previous and the new state by key and id and writes only those that differ.
///
/// The world is not among them: it lives in the world's tables (``WorldSchema``), written when the
/// file is created or imported, and read through ``SQLiteWorldCatalog``.
///
/// - every top-level member other than the world, sessions and conversations (settings, clock, counters,
///   notifications, presence, …, whatever the state gains later) is one row of `shift`, by key;
/// - each session is a row of `sessions`, by id, with its panel position;
/// - each conversation is a row of `conversations`, by work item number, without its messages;
/// - each message is a row of `messages`, by conversation and position in the transcript;
/// - each record of the shift's log (what happened to a conversation, for `report`) is a row of `shift`,
///   `shift/log/records/ID`, as cutting the whole state by key names it.
struct ShiftRows: Equatable {
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

    /// Top-level members by key, as JSON.
    var values: [String: String] = [:]
    /// Sessions by id.
    var sessions: [Int: Session] = [:]
    /// Conversations by work item number.
    var conversations: [Int: Conversation] = [:]
    /// The shift log's records by work item number, as JSON: rows of `shift` too (``logRecordKey(_:)``),
    /// kept apart from ``values`` because the log grows with the run.
    var logRecords: [Int: String] = [:]

    static let sessionsKey = "sessions"
    static let conversationsKey = "conversations"
    static let messagesKey = "messages"
    static let worldKey = "world"

    init() {}

    /// Cuts `state` into rows. Records equal to those of `previous` (the state `previous.rows` were
    /// cut from) keep their rows, and the small rest of the shift (``PanelState/withoutRecords``) is
    /// encoded again only when it changed, so a save costs the records that changed, not the whole shift.
    init(_ state: PanelState, after previous: (state: PanelState, rows: ShiftRows)? = nil) throws(StorageError) {
        let rest = state.withoutRecords
        if let previous, previous.state.withoutRecords == rest {
            values = previous.rows.values
        } else {
            guard case .object(let members) = try Self.encode(rest) else {
                throw StorageError("the state is not a JSON object")
            }
            for (key, value) in members
            where key != Self.sessionsKey && key != Self.conversationsKey && key != Self.worldKey {
                split(value, at: key, depth: 1)
            }
        }
        try cutLogRecords(state.shift.log.entries, after: previous)
        let earlier = previous.map { previous in
            Dictionary(previous.state.sessions.enumerated().map { ($1.id, (position: $0, session: $1)) }) { first, _ in
                first
            }
        }
        for (position, session) in state.sessions.enumerated() {
            if let before = earlier?[session.id], before.session == session,
                let row = previous?.rows.sessions[session.id]
            {
                sessions[session.id] = Session(position: position, body: row.body)
            } else {
                sessions[session.id] = Session(position: position, body: try Self.encode(session).serialized)
            }
        }
        guard let all = state.inMemoryConversations else {
            throw StorageError("the conversations are not held in memory")
        }
        let before = previous?.state.inMemoryConversations
        for (id, conversation) in all {
            conversations[id] = try Self.row(for: conversation, after: before?[id], previous?.rows.conversations[id])
        }
    }

    /// The row of the shift log's records, as cutting the whole state names it: `shift/log/records`,
    /// holding `{}` while the log has no record, and `shift/log/records/ID` a row per record.
    static let logRecordsKey = ["shift", "log", "records"].joined(separator: String(separator))

    /// The key in `shift` of the row of the log's record of work item `id`.
    static func logRecordKey(_ id: Int) -> String { logRecordsKey + String(separator) + String(id) }

    /// The rows of the shift log's `records`: those equal in `previous` keep their rows, the others
    /// are encoded. While there is none, the empty object is the row ``logRecordsKey`` (in ``values``).
    private mutating func cutLogRecords(
        _ records: [Int: ShiftLogEntry], after previous: (state: PanelState, rows: ShiftRows)?
    ) throws(StorageError) {
        let before = previous?.state.shift.log.entries ?? [:]
        logRecords = previous?.rows.logRecords ?? [:]
        for (id, record) in records where logRecords[id] == nil || before[id] != record {
            logRecords[id] = Self.row(for: record)
        }
        for id in before.keys where records[id] == nil { logRecords[id] = nil }
        values[Self.logRecordsKey] = records.isEmpty ? JSONValue.object([]).serialized : nil
    }

    /// Objects are cut into a row per member, to this depth: `shift/log/records/1000` is one row, so
    /// a record added to a log costs one row, not the log.
    static let splitDepth = 4
    /// What joins the keys of a nested member's row (`settings/threshold`).
    static let separator: Character = "/"

    /// Stores `value` as the row `key`, or, when it is an object (with members, none of whose keys has
    /// a `/`) not yet ``splitDepth`` deep, as a row per member.
    private mutating func split(_ value: JSONValue, at key: String, depth: Int) {
        if depth < Self.splitDepth, case .object(let members) = value, !members.isEmpty,
            !members.contains(where: { $0.0.contains(Self.separator) })
        {
            for (member, inner) in members { split(inner, at: key + String(Self.separator) + member, depth: depth + 1) }
        } else {
            values[key] = value.serialized
        }
    }

    /// A conversation's rows, reusing what `before` (with its rows `earlier`) already has: an
    /// unchanged header, and the messages the transcript starts with.
    private static func row(
        for conversation: SessionPanel.Conversation, after before: SessionPanel.Conversation?, _ earlier: Conversation?
    ) throws(StorageError) -> Conversation {
        var header = conversation
        header.messages = []
        var kept: [String] = []
        var body: String?
        if let before, let earlier {
            var previousHeader = before
            previousHeader.messages = []
            if previousHeader == header { body = earlier.body }
            if before.messages.count <= conversation.messages.count,
                conversation.messages.starts(with: before.messages), earlier.messages.count == before.messages.count
            {
                kept = earlier.messages
            }
        }
        if body == nil {
            guard case .object(let fields) = try encode(header) else {
                throw StorageError("a conversation is not an object")
            }
            body = JSONValue.object(fields.filter { $0.0 != messagesKey }).serialized
        }
        kept += conversation.messages[kept.count...].map(Self.row(for:))
        return Conversation(body: body!, messages: kept)
    }

    /// A message's row: the JSON `JSONValueEncoder` makes of it (a test holds the two equal), built
    /// directly, as a save writes every new message and the generic encoder took most of its time.
    static func row(for message: Message) -> String {
        JSONValue.object([
            ("sender", .string(message.sender.rawValue)), ("text", .string(message.text)),
            ("time", .number(message.time)),
        ]).serialized
    }

    /// A shift log record's row: the JSON `JSONValueEncoder` makes of it (a test holds the two equal;
    /// absent values left out as the encoder leaves them), built directly, as a save writes every
    /// record that changed and the generic encoder took most of its time.
    static func row(for record: ShiftLogEntry) -> String {
        func spans(_ spans: [TimeSpan]) -> JSONValue {
            .array(spans.map { .object([("start", .number($0.start))] + present("end", $0.end)) })
        }
        func present(_ key: String, _ value: Int?) -> [(String, JSONValue)] { value.map { [(key, .number($0))] } ?? [] }
        let offers = record.offers.map { offer in
            JSONValue.object(
                [("time", .number(offer.time))] + (offer.result.map { [("result", .string($0.rawValue))] } ?? [])
                    + present("resultTime", offer.resultTime))
        }
        return JSONValue.object(
            [
                ("conversation", .number(record.conversation)), ("firstSeen", .number(record.firstSeen)),
                ("offers", .array(offers)), ("handled", spans(record.handled)), ("alerts", spans(record.alerts)),
                ("unread", spans(record.unread)), ("persistentEnds", .number(record.persistentEnds)),
                ("parks", .number(record.parks)),
            ] + present("abandonedAt", record.abandonedAt) + present("closedAt", record.closedAt)
        ).serialized
    }

    private static func encode(_ value: some Encodable) throws(StorageError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw StorageError("the state cannot be written as JSON: \(error)")
        }
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
        var members: [(String, JSONValue)] = [(Self.worldKey, try Self.encode(World()))]
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
