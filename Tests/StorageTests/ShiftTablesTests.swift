import Foundation
import JSONCoding
import SessionPanel
import Testing

@testable import Storage

/// The shift's tables (format version 3): each save writes the rows of what changed, and the tables
/// read back are the state saved.
@Suite struct ShiftTablesTests {
    /// Conversations that come, are answered and go, each leaving a record in the shift's log.
    static func cycles(_ count: Int) -> [String] {
        (0..<count).flatMap { _ in ["incoming chat", "accept", "message 1 hi", "clock advance 5s", "close --yes"] }
    }

    /// After every command of a busy shift, the file reads back as the state saved.
    @Test func everySaveReadsBackAsTheStateSaved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let lines =
            StateFileStoreTests.busyLines + ["presence available"] + Self.cycles(3) + [
                "switch home", "incoming chat", "presence available", "pick W202", "transfer queue Billing",
                "incoming sms \"Aiko Tanaka\"", "accept", "consult \"Ravi Patel\"", "reply --internal hello",
                "consult end", "link contact \"Aiko Tanaka\"", "note n", "end", "close --yes --disposition Resolved",
            ]
        var current = PanelState()
        let file = scratch.path("class.db")
        let store = try StateFile(path: file) { current }
        for line in lines {
            current = state(after: [line], from: current)
            try store.save(current)
            let read = try #require(try StateFile.read(file))
            #expect(inWorld(of: read, current) == (try inMemory(read)), "after \(line)")
        }
        #expect(current.shift.log.entries.count > 3, "the log holds records")
    }

    /// A world work item the shift never touched has no row: the world's `work_items` stand for it.
    @Test func untouchedWorkItemsHaveNoRow() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let items = (1...200).map { World.WorkItem(id: $0, channel: .chat, customer: nil, stream: .open) }
        let start = PanelState(world: World(workItems: items))
        let store = try StateFile(path: scratch.path("class.db")) { start }
        func rows() throws -> [Int] {
            let statement = try store.database.prepare("SELECT id FROM conversations ORDER BY id")
            var ids: [Int] = []
            while try statement.step() { ids.append(statement.int(at: 0)) }
            return ids
        }
        #expect(try rows() == [])
        try store.save(state(after: ["pick W7", "incoming chat"], from: start))
        #expect(try rows() == [7, 1000])
        let read = try #require(try StateFile.read(scratch.path("class.db")))
        #expect(try read.workItems(in: .open, limit: 1).total == 199 + 1, "the world's, less W7, and the new one")
        #expect(try read.conversation(9)?.visitorNumber == 9, "visitors numbered as a fresh shift numbers them")
    }

    /// With a long log, a save writes the records that changed and nothing else.
    @Test func aSaveWithALongLogWritesOnlyTheRecordsThatChanged() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let before = state(after: Self.cycles(40) + ["incoming chat", "accept", "open case 42"])
        #expect(before.shift.log.entries.count == 41)
        let store = try StateFile(path: scratch.path("class.db")) { before }
        let typed = state(after: ["type title Fire"], from: store.state)
        try store.save(typed)
        #expect(store.rowsWritten == 1, "typing changes a session only")
        let next = state(after: ["incoming chat"], from: typed)
        try store.save(next)
        // The workspace, the notification, the new conversation, its record and the record's offer.
        #expect(store.rowsWritten == 5)
    }

    /// The rules the manager relies on are the tables' own: a row that breaks one is refused by SQLite.
    @Test(arguments: [
        "UPDATE conversations SET state = 'lost' WHERE id = 1000",
        "UPDATE conversations SET id = 0 WHERE id = 1000",
        "INSERT INTO notifications (position, conversation, arrived_at, is_returning) VALUES (5, 1001, 1, 0)",
        "INSERT INTO messages (conversation, seq, sender, text, time) VALUES (4242, 0, 'agent', 'x', 1)",
        "UPDATE sessions SET position = 0 WHERE kind = 'conversation'",
        "INSERT INTO sessions SELECT 9, 9, kind, conversation, case_number, record, title, unread, sentiment, focused_tab, read_only, tabs, draft FROM sessions WHERE position = 1",
        "UPDATE workspace SET presence = 'asleep'",
        "UPDATE sessions SET read_only = 1 WHERE kind = 'home'",
    ])
    func aRowThatBreaksARuleIsRefused(sql: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let store = try StateFile(path: scratch.path("class.db")) {
            state(after: ["incoming chat", "accept", "incoming sms"])
        }
        try store.database.execute("COMMIT")  // the store's lock, to change the file as another program would
        #expect(throws: StorageError.self) {
            try store.database.execute("BEGIN; \(sql); COMMIT")
        }
        try? store.database.execute("ROLLBACK")
    }

    /// The hot lookups use their indexes (`EXPLAIN QUERY PLAN`), never a scan of all conversations.
    @Test(arguments: [
        (
            "SELECT id FROM conversations WHERE customer_key = ?1 AND channel = ?2 AND state <> 'closed'",
            "open_conversations_by_customer"
        ),
        ("SELECT id FROM conversations WHERE stream = ?1 ORDER BY id LIMIT 20", "conversations_by_stream"),
        ("SELECT min(waiting_until) FROM conversations WHERE state = 'waiting'", "waiting_conversations"),
        ("SELECT text FROM messages WHERE conversation = ?1 ORDER BY seq", "PRIMARY KEY"),
        ("SELECT text FROM notes WHERE conversation = ?1 ORDER BY seq", "PRIMARY KEY"),
        ("SELECT * FROM log_spans WHERE conversation = ?1", "PRIMARY KEY"),
    ])
    func aHotQueryUsesItsIndex(sql: String, index: String) throws {
        try expectIndex(index, usedBy: sql)
    }
}
