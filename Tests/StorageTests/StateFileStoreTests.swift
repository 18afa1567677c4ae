import CSQLite
import Foundation
import JSONCoding
import SessionPanel
import Testing

@testable import Storage

/// `state` after the commands in `lines`, each of which must succeed.
func state(after lines: [String], from start: PanelState = PanelState()) -> PanelState {
    var interpreter = Interpreter(state: start)
    for line in lines {
        if case .failed(let error) = interpreter.handle(InputLine(Array(line.utf8))) {
            Issue.record("\(line): \(error.message)")
        }
    }
    return interpreter.state
}

/// `state` in the world of `other`, to compare the shifts of states whose worlds are held differently.
func inWorld(of other: PanelState?, _ state: PanelState) -> PanelState {
    var copy = state
    if let other { copy.world = other.world }
    return copy
}

/// The store under `--state`: rows, transactions, checks.
@Suite struct StateFileStoreTests {
    /// Something of everything: sessions of every kind, drafts, tabs, messages, waiting and pending work.
    static let busyLines = [
        "config chat-mode persistent", "incoming chat \"Kenny Smith\"", "accept", "message 1 \"Hi \\\"there\\\"\"",
        "close --yes", "incoming chat", "accept", "open case 42", "type title \"Fire\"", "tab open record \"R-1\"",
        "open contact \"Maria Campbell\"", "open account Contoso", "open W301", "pick W201", "sentiment 1 negative",
        "message 1 x", "clock advance 1m", "incoming sms", "panel collapse", "presence away",
    ]

    @Test func aStateComesBackExactlyAsSaved() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        let busy = state(after: Self.busyLines)
        var store: StateFile? = try StateFile(path: file) { PanelState() }
        try store?.save(busy)
        let read = try #require(try StateFile.read(file))
        #expect(inWorld(of: read, busy) == read, "a reader sees the save while the writer still holds the lock")
        store = nil
        let reopened = try StateFile(path: file) {
            Issue.record("the file exists: nothing to create")
            return PanelState()
        }
        #expect(inWorld(of: reopened.state, busy) == reopened.state)
        let world = try #require(
            reopened.state.world.base as? SQLiteWorldCatalog, "the world is read from the file's tables")
        #expect(try world.world() == World.demo.sortedLikeACatalog)
    }

    /// Issue 17: a conversation's notes and linked records are kept in the state file, and a note added
    /// after a save is written by the next one.
    @Test func notesAndLinksComeBack() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("notes.db")
        let lines = ["incoming chat", "accept", "link account Contoso", "link case 42", "note \"called back\""]
        let store = try StateFile(path: file) { PanelState() }
        try store.save(state(after: lines))
        let noted = state(after: lines + ["clock advance 1m", "note \"fixed\""])
        try store.save(noted)
        let read = try #require(try StateFile.read(file))
        #expect(inWorld(of: read, noted) == read)
        let conversation = try #require(try read.conversation(1000))
        #expect(conversation.notes.map(\.text) == ["called back", "fixed"])
        #expect(conversation.account == "Contoso" && conversation.caseNumber == 42)
    }

    /// `PRAGMA synchronous` of the store's connection: 2 flushes every commit (FULL), 1 leaves it to checkpoints (NORMAL).
    static func synchronous(_ store: StateFile) throws -> Int {
        let statement = try store.database.prepare("PRAGMA synchronous")
        return try statement.step() ? statement.int(at: 0) : -1
    }

    /// The prompt flushes every commit; a script's commits are flushed when none was for the flush
    /// interval (and by the checkpoint at the end), so a run of group commits waits for the disk about once a second.
    @Test func commitsAreFlushedEveryTimeOrPeriodically() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let prompt = try StateFile(path: scratch.path("prompt.db"), durability: .everyCommit) { PanelState() }
        #expect(try Self.synchronous(prompt) == 2)
        try prompt.save(state(after: ["incoming chat"]))
        #expect(try Self.synchronous(prompt) == 2)

        let script = try StateFile(path: scratch.path("script.db"), durability: .periodically) { PanelState() }
        // An hour rather than the default second: a loaded machine must not let the interval pass by itself.
        script.flushInterval = 3600
        #expect(try Self.synchronous(script) == 1, "a commit straight after opening is not flushed")
        var current = PanelState()
        current = state(after: ["incoming chat"], from: current)
        try script.save(current)
        #expect(try Self.synchronous(script) == 1, "nor one within the interval")
        script.flushInterval = 0
        current = state(after: ["accept"], from: current)
        try script.save(current)
        #expect(try Self.synchronous(script) == 2, "the interval passed: the next commit is flushed")
        script.flushInterval = 3600
        current = state(after: ["message 1 hi"], from: current)
        try script.save(current)
        #expect(try Self.synchronous(script) == 1, "then unflushed again until the interval passes")
        let read = try #require(try StateFile.read(scratch.path("script.db")))
        #expect(inWorld(of: read, current) == read, "every save is committed, flushed or not")
    }

    /// Message rows are built without the generic encoder, to the same JSON it writes (which `export` writes too).
    @Test func aMessageRowIsTheEncodersJSON() throws {
        let texts = ["Hi", "", "quote \" and \\ back", "line\nbreak\u{1B}[31m", "日本語 👩‍👩‍👧 \u{202E}", "\u{2028}\u{7F}"]
        for (index, text) in texts.enumerated() {
            for sender in [Message.Sender.customer, .agent] {
                let message = Message(sender: sender, text: text, time: index * 86_399)
                #expect(ShiftRows.row(for: message) == (try JSONValueEncoder().encode(message)).serialized)
            }
        }
    }

    /// A changing command writes the rows it changed, however much else the shift holds.
    @Test func aCommandWritesOnlyTheRowsItChanged() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let items = (1...200).map { World.WorkItem(id: $0, channel: .chat, customer: nil, stream: .open) }
        let start = state(
            after: ["incoming chat", "accept", "message 1 hello", "switch home"],
            from: PanelState(world: World(workItems: items)))
        let store = try StateFile(path: scratch.path("class.db")) { start }
        var current = start
        func run(_ line: String) throws -> Int {
            current = state(after: [line], from: current)
            try store.save(current)
            return store.rowsWritten
        }
        // The new message; session 1's unread count; the shift log's record of W1000, its unread now and its peak.
        #expect(try run("message 1 again") == 5)
        #expect(try run("clock advance 10s") == 1)  // the clock
        // The focus; session 1's unread count back to 0; the log's record of W1000 and its unread now.
        #expect(try run("switch 1") == 4)
        let before = store.rowsWritten
        try store.save(current)
        #expect(store.rowsWritten == before, "an unchanged state writes nothing")
        let read = try StateFile.read(scratch.path("class.db"))
        #expect(read == inWorld(of: read, current))
    }

    /// Rows that go away are deleted, and a rewritten transcript keeps only what both versions share.
    @Test func removedAndRewrittenRowsAreWrittenBack() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let database = try Database(path: scratch.path("rows.db"), mode: .create)
        try database.execute(ShiftTables.schema)
        let tables = try ShiftTables(database)
        var old = ShiftRows()
        old.values = ["clock": "1", "gone": "2"]
        old.sessions = [0: .init(position: 0, body: "{}"), 5: .init(position: 1, body: "{\"a\":1}")]
        old.conversations = [7: .init(body: "{}", messages: ["1", "2", "3"]), 8: .init(body: "{}", messages: ["9"])]
        try tables.write(old, over: ShiftRows())
        var new = old
        new.values["gone"] = nil
        new.sessions[5] = nil
        new.conversations[7]!.messages = ["1", "4"]
        new.conversations[8] = nil
        // value, session, conversation 8 and its message, W7's 2 and 3, W7's new 4
        #expect(try tables.write(new, over: old) == 7)
        #expect(try tables.read() == new)
    }

    /// A big world comes from a database (the world cache): the new state file copies its tables.
    @Test func aWorldInADatabaseIsCopiedIntoANewFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let cache = try Database(path: scratch.path("cache.db"), mode: .create)
        try WorldWriter(into: cache).write(World.demo)
        let start = try PanelState(catalog: SQLiteWorldCatalog(database: cache))
        let store = try StateFile(path: scratch.path("class.db")) { start }
        let world = try #require(store.state.world.base as? SQLiteWorldCatalog)
        #expect(world.database !== cache)
        #expect(try world.world() == World.demo.sortedLikeACatalog)
        #expect(store.state.inMemoryConversations?.count == World.demo.workItems.count)
    }

    @Test func aFileThatBreaksTheRulesIsRefusedAndLeftAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        _ = try StateFile(path: file) { PanelState() }
        try Database(path: file).execute("UPDATE shift SET value = '9' WHERE key = 'focusedSessionID'")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(throws: StateFileError(file, .invalid("the focused session is not open"))) { try StateFile.read(file) }
        #expect(throws: StateFileError(file, .invalid("the focused session is not open"))) {
            try StateFile(path: file) { PanelState() }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
    }

    @Test func aNewerFileOrSomeoneElsesDatabaseIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let newer = scratch.path("newer.db")
        _ = try StateFile(path: newer) { PanelState() }
        try Database(path: newer).execute("PRAGMA user_version = \(ShiftTables.formatVersion + 1)")
        #expect(
            throws: StateFileError(
                newer, .newerVersion(ShiftTables.formatVersion + 1, readable: ShiftTables.formatVersion))
        ) {
            try StateFile.read(newer)
        }
        let other = scratch.path("other.db")
        try Database(path: other, mode: .create).execute("CREATE TABLE t (x)")
        #expect(throws: StateFileError(other, .invalid("an SQLite database, but not an omnipanel state file"))) {
            try StateFile(path: other) { PanelState() }
        }
    }

    /// The writer's lock: a second store waits ``StateFile/lockWaitSeconds``, then gives up.
    @Test func aSecondWriterWaitsThenGivesUp() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        let first = try StateFile(path: file) { PanelState() }
        let started = Date()
        #expect(throws: StateFileError(file, .locked(seconds: StateFile.lockWaitSeconds))) {
            try StateFile(path: file) { PanelState() }
        }
        #expect(Date().timeIntervalSince(started) >= Double(StateFile.lockWaitSeconds) - 0.1)
        try first.save(state(after: ["incoming chat"]))
        #expect(try StateFile.read(file)?.notifications.count == 1, "readers never wait")
    }

    /// Between a save's commit and its taking the lock again another writer can get in; the store's
    /// next save then refuses to overwrite what it saved.
    @Test func aSaveAfterAnotherWriterGotInIsRefused() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        let store = try StateFile(path: file) { PanelState() }
        let other = try Database(path: file)
        // SQLite calls the WAL hook after the commit, with the lock released: the other writer saves there.
        sqlite3_wal_hook(
            store.database.handle,
            { context, _, _, _ in
                let other = Unmanaged<Database>.fromOpaque(context!).takeUnretainedValue()
                return (try? other.execute("UPDATE shift SET value = '7' WHERE key = 'clock'")) == nil
                    ? SQLITE_ERROR : SQLITE_OK
            }, Unmanaged.passUnretained(other).toOpaque())
        try store.save(state(after: ["incoming chat"]))
        sqlite3_wal_hook(store.database.handle, nil, nil)
        #expect(throws: StateFileError(file, .changedElsewhere)) {
            try store.save(state(after: ["incoming chat", "accept"]))
        }
        #expect(try StateFile.read(file)?.now == 7, "the other writer's save is kept")
        #expect(try StateFile.read(file)?.notifications.count == 1)
    }

    @Test func everyMessageNamesTheFileOnOneLine() {
        let reasons: [StateFileError.Reason] = [
            .unreadable("Permission denied"), .invalid("not valid JSON"), .newerVersion(9, readable: 2),
            .locked(seconds: 2), .changedElsewhere, .unwritable("No space left on device"),
        ]
        for reason in reasons {
            let message = StateFileError("/tmp/class room/class.db", reason).message
            #expect(message.contains("/tmp/class room/class.db"))
            #expect(!message.contains("\n"))
        }
        #expect(
            StateFileError("c.db", .newerVersion(9, readable: 2)).message
                == "state file c.db was saved by a newer omnipanel (format version 9; this one reads version 2); the file was left as it was"
        )
    }
}

extension World {
    /// The world as a catalog lists it: names by key, cases and work items by number.
    var sortedLikeACatalog: World {
        var world = World(
            contacts: contacts.sorted { worldKey($0.name) < worldKey($1.name) },
            accounts: accounts.sorted { worldKey($0.name) < worldKey($1.name) },
            cases: cases.sorted { $0.number < $1.number }, workItems: workItems.sorted { $0.id < $1.id })
        world.queues = queues.sorted { worldKey($0.name) < worldKey($1.name) }
        world.agents = agents.sorted { worldKey($0.name) < worldKey($1.name) }
        world.quickReplies = quickReplies.sorted { worldKey($0.text) < worldKey($1.text) }
        world.dispositions = dispositions.sorted { worldKey($0.code) < worldKey($1.code) }
        world.requiresDisposition = requiresDisposition
        world.articles = articles.sorted { $0.id < $1.id }
        return world
    }
}

extension StateFileStoreTests {
    @Test(arguments: [
        (
            "CREATE TRIGGER evil AFTER UPDATE ON shift BEGIN DELETE FROM sessions; END",
            "it holds a trigger (evil) that omnipanel did not create"
        ),
        ("CREATE VIEW peek AS SELECT * FROM contacts", "it holds a view (peek) that omnipanel did not create"),
        (
            "UPDATE cases SET number = 9223372036854775807 WHERE number = 42",
            "world: case 9223372036854775807 is out of range (0 to 999999999999999)"
        ),
        (
            "UPDATE work_items SET id = 1000000000000000 WHERE id = 101",
            "world: work item W1000000000000000 is out of range (1 to 999999999999999)"
        ),
    ])
    func aCraftedFileIsRefusedBeforeItIsUsed(sql: String, problem: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        _ = try StateFile(path: file) { PanelState() }
        try Database(path: file).execute(sql)
        #expect(throws: StateFileError(file, .invalid(problem))) { try StateFile.read(file) }
        #expect(throws: StateFileError(file, .invalid(problem))) { try StateFile(path: file) { PanelState() } }
    }
}
