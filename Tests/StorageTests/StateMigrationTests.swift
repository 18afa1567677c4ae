import Foundation
import SessionPanel
import SystemIO
import Testing

@testable import Storage

/// Files of earlier formats open, are migrated once, and keep their original beside them.
@Suite struct StateMigrationTests {
    /// `Tests/Fixtures/NAME` (see `make-shift-v2.omni` there for how they were made).
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)").path
    }

    /// What `export` writes of the state file at `path`.
    static func exported(_ path: String) throws -> String {
        var bytes: [UInt8] = []
        #expect(try StateExport.write(path) { bytes += $0 })
        return String(decoding: bytes, as: UTF8.self)
    }

    static func copy(_ name: String, to path: String) throws {
        try FileManager.default.copyItem(atPath: fixture(name), toPath: path)
    }

    /// A state file main wrote (format 2, a real shift) is migrated to the tables once, and exports the
    /// same JSON as before; the original is kept as `FILE.v2.db`, and still reads as the same state.
    @Test func aFileOfTheFormerLayoutIsMigratedOnce() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        try Self.copy("shift-v2.db", to: file)
        let expected = try String(contentsOfFile: Self.fixture("shift-v1.json"), encoding: .utf8)
        let before = try #require(try StateFile.read(file), "a reader reads the old layout as it is")
        #expect(try Database(path: file, mode: .readOnly).integerPragma("user_version") == 2, "reading changes nothing")

        do {
            let store = try StateFile(path: file) {
                Issue.record("the file exists")
                return PanelState()
            }
            #expect(inWorld(of: store.state, before) == (try inMemory(store.state)))
            #expect(try store.database.integerPragma("user_version") == ShiftSchema.formatVersion)
            let conversations = try store.database.prepare("SELECT count(*) FROM conversations")
            #expect(try conversations.step() && conversations.int(at: 0) < (before.inMemoryConversations?.count ?? 0))
        }
        let kept = file + ".v2.db"
        #expect(try mode(of: kept) == 0o600)
        #expect(try Database(path: kept, mode: .readOnly).integerPragma("user_version") == 2)
        let original = try #require(try StateFile.read(kept))
        #expect(inWorld(of: original, before) == (try inMemory(original)), "the original holds the shift as it was")

        #expect(try Self.exported(file) == expected)
        let reopened = try StateFile(path: file) { PanelState() }
        #expect(
            inWorld(of: reopened.state, before) == (try inMemory(reopened.state)),
            "opened again: nothing more to migrate")
    }

    /// A version-1 JSON file is migrated to the tables in one go, and exports as it was.
    @Test func aVersion1FileIsMigratedToTheTables() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.json")
        try Self.copy("shift-v1.json", to: file)
        let store = try StateFile(path: file) { PanelState() }
        #expect(try store.database.integerPragma("user_version") == ShiftSchema.formatVersion)
        #expect(try store.state.conversation(1002)?.internalMessages.map(\.text) == ["Refund for order 1182: Billing?"])
        #expect(try Self.exported(file) == (try String(contentsOfFile: Self.fixture("shift-v1.json"), encoding: .utf8)))
        #expect(FileManager.default.fileExists(atPath: file + ".v1.json"))
    }

    /// A migration that fails leaves the file at its version, as it was, and keeps no copy.
    @Test func aFailedMigrationLeavesTheFileAsItWas() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.path("class.db")
        try Self.copy("shift-v2.db", to: file)
        try Database(path: file).execute("UPDATE shift SET value = '99' WHERE key = 'focusedSessionID'")
        #expect(throws: StateFileError.self) { try StateFile(path: file) { PanelState() } }
        #expect(try Database(path: file, mode: .readOnly).integerPragma("user_version") == 2)
        #expect(!FileManager.default.fileExists(atPath: file + ".v2.db"))
    }

    /// The migrator runs each step after the file's version once, in order, each in its own
    /// transaction with its version; a step that fails rolls back to the version before it.
    @Test func stepsRunOnceInOrderEachInItsTransaction() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let database = try Database(path: scratch.path("m.db"), mode: .create)
        try database.execute("CREATE TABLE ran (step INTEGER); PRAGMA user_version = 1; BEGIN IMMEDIATE")
        func step(_ version: Int, failing: Bool = false) -> StateMigrator.Step {
            StateMigrator.Step(version: version) { database in
                try database.execute("INSERT INTO ran VALUES (\(version))")
                if failing { throw StorageError("step \(version) failed") }
            }
        }
        let migrator = StateMigrator(steps: [step(1), step(2), step(3), step(4, failing: true)])
        let error = #expect(throws: StorageError.self) { try migrator.migrate(database) }
        #expect(error?.message == "step 4 failed")
        #expect(try database.integerPragma("user_version") == 3)
        try StateMigrator(steps: [step(1), step(2), step(3)]).migrate(database)
        try database.execute("COMMIT")
        let ran = try database.prepare("SELECT step FROM ran ORDER BY rowid")
        var steps: [Int] = []
        while try ran.step() { steps.append(ran.int(at: 0)) }
        #expect(steps == [2, 3], "step 1 was done, step 4 rolled back, nothing ran twice")
    }

    private func mode(of path: String) throws -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { throw StorageError("no \(path)") }
        return status.st_mode & 0o777
    }
}
