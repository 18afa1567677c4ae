internal import JSONCoding
import SessionPanel

/// Writes a shift into the tables of ``ShiftSchema``, with statements prepared once: the rows of what
/// changed since the state the tables hold, each value encoded only when it changed.
///
/// A conversation gets a row once the shift changed it (or a session, a notification, a held request
/// or the log points to it); a world work item the shift never touched has none.
struct ShiftWriter {
    private let database: Database
    private let putWorkspace, putSession, putNotification, putConversation, putRecord: Statement
    /// Writes a conversation's row unless it has one.
    private let addConversation: Statement
    /// Marks a conversation's row with the stream of the world's work item it stands for, if any.
    private let markWorldStream: Statement
    /// The rows of a conversation's lists, in ``ShiftShapes/conversationLists`` order.
    private let items: [ListRows]
    /// The rows of a record's offers, and of its spans (each kind a list).
    private let offers, spans: ListRows
    private let deleteSessions, deleteNotifications: Statement
    private let deleteConversation: [Statement]

    /// The shift's tables in the order their rows are removed when a file is emptied.
    static let tables = [
        "log_spans", "log_offers", "shift_log", "notifications", "sessions", "messages", "notes", "internal_messages",
        "conversations", "workspace",
    ]

    init(_ database: Database) throws(StorageError) {
        self.database = database
        putWorkspace = try database.prepare(ShiftShapes.workspace.insert(upsert: true))
        putSession = try database.prepare(ShiftShapes.session.insert(upsert: true))
        putNotification = try database.prepare(ShiftShapes.notification.insert())
        putConversation = try database.prepare(
            ShiftShapes.conversation.insert() + " ON CONFLICT (id) DO UPDATE SET "
                + (ShiftShapes.conversation.owners + ShiftShapes.conversation.columns.dropFirst().map(\.name))
                .map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        markWorldStream = try database.prepare(
            """
            UPDATE conversations SET world_stream = (SELECT stream FROM work_items WHERE work_items.id = ?1)
                WHERE id = ?1 AND world_stream IS NOT (SELECT stream FROM work_items WHERE work_items.id = ?1)
            """)
        addConversation = try database.prepare(ShiftShapes.conversation.insert() + " ON CONFLICT (id) DO NOTHING")
        putRecord = try database.prepare(ShiftShapes.logRecord.insert(upsert: true))
        items = try ShiftShapes.conversationLists.map { list throws(StorageError) in
            try ListRows(list.shape, in: database)
        }
        offers = try ListRows(ShiftShapes.offers, in: database)
        spans = try ListRows(ShiftShapes.spans, in: database)
        deleteSessions = try database.prepare("DELETE FROM sessions")
        deleteNotifications = try database.prepare("DELETE FROM notifications")
        deleteConversation = try [
            "conversations WHERE id", "messages WHERE conversation", "notes WHERE conversation",
            "internal_messages WHERE conversation",
        ].map { target throws(StorageError) in try database.prepare("DELETE FROM \(target) = ?1") }
    }

    /// Writes the rows of `new` that differ from `old` (what the tables hold: the last state saved) and
    /// deletes those `new` no longer has. The conversations written are those of `new`'s change set,
    /// each from what `old` held of it (or its saved lengths): a header that changed, the items its lists
    /// gained. With no `old`, empties the tables and writes the whole shift: of a state held whole in
    /// memory (a fresh shift, a version-1 file, an import), every conversation but those equal to the one
    /// a fresh shift makes of the world's work item. Returns how many rows it wrote or deleted.
    func write(_ new: PanelState, over old: PanelState?) throws(StorageError) -> Int {
        var written = 0
        if old == nil {
            for table in Self.tables { try database.execute("DELETE FROM \(table)") }
        }
        if old?.withoutRecords != new.withoutRecords { written += try writeWorkspace(new) }
        if old?.notifications != new.notifications { written += try writeNotifications(new.notifications) }
        if old?.sessions != new.sessions { written += try writeSessions(new.sessions, over: old?.sessions) }
        let earlier = old?.shift.log.entries ?? [:]
        // The log's records changed since the last save (its change set; records never go away).
        let records = (old == nil ? Array(new.shift.log.entries.values) : new.changedLogEntries).filter {
            earlier[$0.conversation] != $0
        }
        // What the workspace and the log newly point to needs a row, even if the shift did not change it.
        var pointedTo = Self.pointedTo(new).subtracting(old.map(Self.pointedTo) ?? [])
        pointedTo.formUnion(records.map(\.conversation))
        var done = Set<Int>()
        if old == nil, let all = new.inMemoryConversations {
            try SQLiteConversations(database: database).forEachWorldItem { item throws(StorageError) in
                if all[item.id] == item, !pointedTo.contains(item.id) { done.insert(item.id) }
            }
            for (id, conversation) in all where !done.contains(id) {
                written += try writeConversation(conversation, over: nil)
                done.insert(id)
            }
        } else {
            for change in new.changedConversations {
                let conversation = change.conversation
                done.insert(conversation.id)
                let before = old?.conversations[conversation.id]
                guard before != conversation else { continue }
                written += try writeConversation(conversation, over: before, saved: change.saved)
            }
        }
        for id in pointedTo where !done.contains(id) {
            if let conversation = new.conversations[id] {
                written += try addRow(for: conversation, with: addConversation)
            }
        }
        for record in records { written += try writeRecord(record, over: earlier[record.conversation]) }
        return written
    }

    /// The conversations the workspace points to: sessions show them, notifications offer them,
    /// requests wait for them.
    private static func pointedTo(_ state: PanelState) -> Set<Int> {
        var ids = Set(state.sessions.compactMap(\.conversationID))
        ids.formUnion(state.notifications.map(\.conversationID))
        ids.formUnion(state.heldRequests)
        return ids
    }

    private func writeWorkspace(_ state: PanelState) throws(StorageError) -> Int {
        let json = try Self.encode(state.withoutRecords)
        return try run(putWorkspace) { s throws(StorageError) in
            try s.bind(1, at: 1)
            for (offset, (_, key)) in ShiftShapes.workspaceJSON.enumerated() {
                var value = json[member: key] ?? .null
                if key == "shift", case .object(let members) = value {  // the log is in its own tables
                    value = .object(members.filter { $0.0 != "log" })
                }
                try s.bind(value.serialized, at: Int32(2 + offset))
            }
            let log = json[member: "shift"]?[member: "log"]
            for (offset, (_, key)) in ShiftShapes.logFigures.enumerated() {
                guard case .number(let number)? = log?[member: key], let value = number.integer(Int.self) else {
                    throw StorageError("the shift log's \(key) is not a whole number")
                }
                try s.bind(value, at: Int32(6 + offset))
            }
            try ShiftShapes.workspace.bind(json, to: s, from: 9)
        }
    }

    private func writeNotifications(_ notifications: [IncomingNotification]) throws(StorageError) -> Int {
        var written = try run(deleteNotifications) { _ throws(StorageError) in }
        for (position, notification) in notifications.enumerated() {
            let json = try Self.encode(notification)
            written += try run(putNotification) { s throws(StorageError) in
                try s.bind(position, at: 1)
                try ShiftShapes.notification.bind(json, to: s, from: 2)
            }
        }
        return written
    }

    /// The sessions that changed, by id; all of them again when one moved (positions are unique).
    private func writeSessions(_ sessions: [Session], over old: [Session]?) throws(StorageError) -> Int {
        let before = Dictionary((old ?? []).enumerated().map { ($1.id, ($0, $1)) }) { first, _ in first }
        let kept = Set(sessions.map(\.id))
        let moved = sessions.enumerated().contains { position, session in
            before[session.id].map { $0.0 != position } ?? false
        }
        var written = 0
        if moved || old == nil || before.keys.contains(where: { !kept.contains($0) }) {
            written += try run(deleteSessions) { _ throws(StorageError) in }
            for (position, session) in sessions.enumerated() { written += try writeSession(session, at: position) }
            return written
        }
        for (position, session) in sessions.enumerated() where before[session.id]?.1 != session {
            written += try writeSession(session, at: position)
        }
        return written
    }

    private func writeSession(_ session: Session, at position: Int) throws(StorageError) -> Int {
        let json = try Self.encode(session)
        var subject: (kind: String, conversation: Int?, caseNumber: Int?, record: String?)
        switch session.kind {
        case .home: subject = ("home", nil, nil, nil)
        case .conversation(let id): subject = ("conversation", id, nil, nil)
        case .caseRecord(let number): subject = ("case", nil, number, nil)
        case .contact(let name): subject = ("contact", nil, nil, name)
        case .account(let name): subject = ("account", nil, nil, name)
        }
        return try run(putSession) { s throws(StorageError) in
            try s.bind(position, at: 1)
            try s.bind(subject.kind, at: 2)
            try Self.bind(subject.conversation, to: s, at: 3)
            try Self.bind(subject.caseNumber, to: s, at: 4)
            try s.bind(subject.record, at: 5)
            try s.bind((json[member: "tabs"] ?? .array([])).serialized, at: 6)
            try s.bind((json[member: "draft"] ?? .array([])).serialized, at: 7)
            try ShiftShapes.session.bind(json, to: s, from: 8)
        }
    }

    /// A conversation's row when its header changed, and the items its lists gained: after those of
    /// `before` (the conversation as the tables hold it), or, when the last state saved did not hold it,
    /// after the `saved` lengths of its row (with neither, all of them, and the header).
    private func writeConversation(
        _ conversation: Conversation, over before: Conversation?,
        saved: ConversationsInPlay.SavedLengths? = nil
    ) throws(StorageError) -> Int {
        var written = 0
        var header = conversation
        (header.messages, header.notes, header.internalMessages) = ([], [], [])
        var earlier = before
        if earlier != nil { (earlier!.messages, earlier!.notes, earlier!.internalMessages) = ([], [], []) }
        if earlier != header { written += try addRow(for: header, firstResponse: conversation, with: putConversation) }
        let owner = [Owner.number(conversation.id)]
        if let before {
            written += try items[0].write(conversation.messages, over: before.messages, of: owner)
            written += try items[1].write(conversation.notes, over: before.notes, of: owner)
            written += try items[2].write(conversation.internalMessages, over: before.internalMessages, of: owner)
        } else {
            written += try items[0].append(conversation.messages, after: saved?.messages ?? 0, of: owner)
            written += try items[1].append(conversation.notes, after: saved?.notes ?? 0, of: owner)
            written += try items[2].append(
                conversation.internalMessages, after: saved?.internalMessages ?? 0, of: owner)
        }
        return written
    }

    /// Writes the row of `conversation` (without its lists) with `statement`; its first response is
    /// that of `firstResponse` (the conversation with its messages) when the header has none.
    private func addRow(
        for conversation: Conversation, firstResponse: Conversation? = nil, with statement: Statement
    ) throws(StorageError) -> Int {
        var header = conversation
        (header.messages, header.notes, header.internalMessages) = ([], [], [])
        let json = try Self.encode(header)
        var written = try run(statement) { s throws(StorageError) in
            try s.bind(conversation.customer?.lowercased(), at: 1)
            try s.bind(conversation.title.lowercased(), at: 2)
            try Self.bind((firstResponse ?? conversation).firstResponseTime, to: s, at: 3)
            try ShiftShapes.conversation.bind(json, to: s, from: 4)
        }
        written += try run(markWorldStream) { s throws(StorageError) in try s.bind(conversation.id, at: 1) }
        return written
    }

    /// A record of the log: its row when it changed, and its offers and spans from the first that changed.
    private func writeRecord(_ record: ShiftLogEntry, over before: ShiftLogEntry?) throws(StorageError)
        -> Int
    {
        let id = record.conversation
        var written = 0
        var header = record
        (header.offers, header.handled, header.alerts, header.unread) = ([], [], [], [])
        var earlier = before
        if earlier != nil { (earlier!.offers, earlier!.handled, earlier!.alerts, earlier!.unread) = ([], [], [], []) }
        if earlier != header {
            let json = try Self.encode(header)
            written += try run(putRecord) { s throws(StorageError) in
                try ShiftShapes.logRecord.bind(json, to: s, from: 1)
            }
        }
        written += try offers.write(record.offers, over: before?.offers ?? [], of: [.number(id)])
        let kinds: [(String, KeyPath<ShiftLogEntry, [TimeSpan]>)] = [
            ("handled", \.handled), ("alerts", \.alerts), ("unread", \.unread),
        ]
        for (kind, path) in kinds {
            written += try spans.write(
                record[keyPath: path], over: before?[keyPath: path] ?? [], of: [.number(id), .text(kind)])
        }
        return written
    }

    private static func bind(_ value: Int?, to statement: Statement, at index: Int32) throws(StorageError) {
        if let value { try statement.bind(value, at: index) } else { try statement.bind(nil as String?, at: index) }
    }

    static func encode(_ value: some Encodable) throws(StorageError) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(value)
        } catch {
            throw StorageError("the state cannot be written as JSON: \(error)")
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

/// A column that says whose list item a row is.
enum Owner {
    case number(Int)
    case text(String)
}

/// The rows of one kind of list (a conversation's messages, a record's spans of one kind): a row per
/// item, by its owners and position (`seq`). A list usually only grows: writing keeps the items both
/// versions have at the start and rewrites from the first that differs.
struct ListRows {
    private let shape: RowShape
    private let database: Database
    private let put, trim: Statement

    init(_ shape: RowShape, in database: Database) throws(StorageError) {
        self.shape = shape
        self.database = database
        put = try database.prepare(shape.insert(upsert: true))
        let owners = shape.owners.dropLast().enumerated().map { "\($1) = ?\($0 + 1)" }
        trim = try database.prepare(
            "DELETE FROM \(shape.table) WHERE \(owners.joined(separator: " AND ")) AND seq >= ?\(owners.count + 1)")
    }

    /// Writes the items of `new` after the first `count` (those the table has), for `owners`.
    func append<Item: Encodable & Equatable>(_ new: [Item], after count: Int, of owners: [Owner]) throws(StorageError)
        -> Int
    {
        var written = 0
        for position in min(count, new.count)..<new.count {
            let json = try ShiftWriter.encode(new[position])
            try bind(owners, position, to: put)
            try shape.bind(json, to: put, from: Int32(owners.count + 2))
            written += try run(put)
        }
        return written
    }

    /// Writes `new` over `old`, the list `owners` have in the table; returns the rows written or deleted.
    func write<Item: Encodable & Equatable>(_ new: [Item], over old: [Item], of owners: [Owner]) throws(StorageError)
        -> Int
    {
        var common = 0
        while common < min(new.count, old.count), new[common] == old[common] { common += 1 }
        var written = 0
        if common < old.count {
            try bind(owners, common, to: trim)
            written += try run(trim)
        }
        for position in common..<new.count {
            let json = try ShiftWriter.encode(new[position])
            try bind(owners, position, to: put)
            try shape.bind(json, to: put, from: Int32(owners.count + 2))
            written += try run(put)
        }
        return written
    }

    private func bind(_ owners: [Owner], _ position: Int, to statement: Statement) throws(StorageError) {
        for (index, owner) in owners.enumerated() {
            switch owner {
            case .number(let number): try statement.bind(number, at: Int32(index + 1))
            case .text(let text): try statement.bind(text, at: Int32(index + 1))
            }
        }
        try statement.bind(position, at: Int32(owners.count + 1))
    }

    private func run(_ statement: Statement) throws(StorageError) -> Int {
        defer { statement.reset() }
        try statement.step()
        return database.changes
    }
}
