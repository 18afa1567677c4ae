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

/// `state` with every conversation held in memory: a state file's catalog read whole, with those in
/// play over it (states over different catalogs are never equal; over two in-memory ones they are
/// when they hold the same conversations).
func inMemory(_ state: PanelState?) throws -> PanelState? {
    guard var copy = state, let catalog = copy.conversations.catalog.base as? SQLiteConversations else { return state }
    var all: [Conversation] = []
    try catalog.eachConversation { stored in all.append(copy.conversations[stored.id] ?? stored) }
    try copy.attach(InMemoryConversations(all))
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
        #expect(
            inWorld(of: read, busy) == (try inMemory(read)),
            "a reader sees the save while the writer still holds the lock")
        store = nil
        let reopened = try StateFile(path: file) {
            Issue.record("the file exists: nothing to create")
            return PanelState()
        }
        #expect(inWorld(of: reopened.state, busy) == (try inMemory(reopened.state)))
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
        #expect(inWorld(of: read, noted) == (try inMemory(read)))
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
        #expect(inWorld(of: read, current) == (try inMemory(read)), "every save is committed, flushed or not")
    }

    /// A message is a row of real columns holding the text exactly as received, whatever it holds.
    @Test func aMessageIsARowOfItsTextAsReceived() throws {
        let database = try Database(path: ":memory:", mode: .create)
        try database.execute(ShiftSchema.tables)
        let shape = ShiftShapes.conversationLists[0].shape
        let put = try database.prepare(shape.insert())
        let texts = ["Hi", "", "quote \" and \\ back", "line\nbreak\u{1B}[31m", "日本語 👩‍👩‍👧 \u{202E}", "\u{2028}\u{7F}"]
        var messages: [Message] = []
        for (index, text) in texts.enumerated() {
            let message = Message(sender: index % 2 == 0 ? .customer : .agent, text: text, time: index * 86_399)
            try put.bind(1, at: 1)
            try put.bind(index, at: 2)
            try shape.bind(try JSONValueEncoder().encode(message), to: put, from: 3)
            try put.step()
            put.reset()
            messages.append(message)
        }
        let rows = try database.prepare("SELECT text, \(shape.selected) FROM messages ORDER BY seq")
        var read: [Message] = []
        while try rows.step() {
            #expect(rows.string(at: 0) == texts[read.count], "the column holds the text itself")
            read.append(try JSONValueDecoder().decode(Message.self, from: .object(shape.members(of: rows, from: 1))))
        }
        #expect(read == messages)
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
        // The new message; session 1's unread count; the workspace (unread now, its peak); the new
        // unread span of W1000 in the shift log.
        #expect(try run("message 1 again") == 4)
        #expect(try run("clock advance 10s") == 1)  // the workspace (the clock)
        // The workspace (the focus, unread now); session 1's unread count back to 0; the unread span of
        // W1000, ended (deleted and written again).
        #expect(try run("switch 1") == 4)
        let before = store.rowsWritten
        try store.save(current)
        #expect(store.rowsWritten == before, "an unchanged state writes nothing")
        let read = try StateFile.read(scratch.path("class.db"))
        #expect((try inMemory(read)) == inWorld(of: read, current))
    }

    /// Rows that go away are deleted: a closed session's, a notification answered.
    @Test func removedRowsAreDeleted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        let store = try StateFile(path: file) { PanelState() }
        func count(_ table: String) throws -> Int {
            let statement = try store.database.prepare("SELECT count(*) FROM \(table)")
            return try statement.step() ? statement.int(at: 0) : -1
        }
        let busy = state(after: ["incoming chat", "accept", "open case 42", "incoming sms"])
        try store.save(busy)
        #expect(try count("sessions") == 3 && count("notifications") == 1 && count("shift_log") == 2)
        let fewer = state(after: ["close --yes", "reject"], from: busy)
        try store.save(fewer)
        #expect(try count("sessions") == 2 && count("notifications") == 0)

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
        for item in World.demo.workItems { #expect(try store.state.conversation(item.id) != nil) }
    }

    @Test func aFileThatBreaksTheRulesIsRefusedAndLeftAlone() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        _ = try StateFile(path: file) { PanelState() }
        try Database(path: file).execute("UPDATE workspace SET focused_session = 9")
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
        try Database(path: newer).execute("PRAGMA user_version = \(ShiftSchema.formatVersion + 1)")
        #expect(
            throws: StateFileError(
                newer, .newerVersion(ShiftSchema.formatVersion + 1, readable: ShiftSchema.formatVersion))
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
                return (try? other.execute("UPDATE workspace SET clock = 7")) == nil
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
            "CREATE TRIGGER evil AFTER UPDATE ON workspace BEGIN DELETE FROM sessions; END",
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
