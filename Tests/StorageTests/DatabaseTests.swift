import Foundation
import SessionPanel
import Storage
import SystemIO
import Testing

@Suite struct DatabaseTests {
    @Test func aCreatedFileIsPrivateAndHoldsWhatWasCommitted() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("world.db")
        let database = try Database(path: path, mode: .create)
        try WorldSchema.create(in: database)
        try database.transaction { try WorldWriter(into: database).write(World.demo) }
        var status = stat()
        #expect(stat(path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        let reopened = SQLiteWorldCatalog(database: try Database(path: path, mode: .readOnly))
        #expect(try reopened.caseRecord(42)?.title == "Printer on fire")
    }

    @Test func aSymbolicLinkIsNeverOpened() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder
        _ = try Database(path: folder + "/real.db", mode: .create)
        #expect(symlink(folder + "/real.db", folder + "/link.db") == 0)
        for mode in [Database.Mode.readOnly, .readWrite, .create, .immutable] {
            #expect(throws: StorageError.self) { try Database(path: folder + "/link.db", mode: mode) }
        }
    }

    /// `.immutable` opens the file by a `file:` URI: every character a URI gives a meaning (`%`, `?`,
    /// `#`, a space) is escaped, so it is the named file that is read.
    @Test func anImmutableFileIsOpenedByItsExactName() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let path = scratch.path("a b%41?mode=rwc#é.db")
        let database = try Database(path: path, mode: .create)
        try database.execute("CREATE TABLE t (x); INSERT INTO t VALUES (7)")
        let immutable = try Database(path: path, mode: .immutable)
        let statement = try immutable.prepare("SELECT x FROM t")
        #expect(try statement.step() && statement.int(at: 0) == 7)
        #expect(throws: StorageError.self) { try immutable.execute("INSERT INTO t VALUES (8)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.folder) == ["a b%41?mode=rwc#é.db"])
    }

    @Test func errorsAreOneLineNamingTheFile() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let folder = scratch.folder
        do {
            _ = try Database(path: folder + "/missing.db", mode: .readOnly)
            Issue.record("a missing file opened")
        } catch {
            #expect(error.message.hasPrefix(folder + "/missing.db: "))
            #expect(!error.message.contains("\n"))
        }
        let garbage = folder + "/garbage.db"
        let descriptor = try PrivateFile.open(garbage, for: .updating)
        try descriptor.write(Array(repeating: UInt8(ascii: "x"), count: 4096))
        try descriptor.close()
        #expect(throws: StorageError.self) { try Database(path: garbage, mode: .readOnly) }
    }

    @Test func aFailedTransactionLeavesNothing() throws {
        let database = try Database(path: ":memory:", mode: .create)
        let writer = try WorldWriter(into: database)
        #expect(throws: StorageError.self) {
            try database.transaction {
                try writer.write(World.Contact(name: "Ann"))
                try writer.write(World.Contact(name: "ann"))
                try writer.finish()
            }
        }
        #expect(try SQLiteWorldCatalog(database: database).count(.contact, startingWith: "") == 0)
    }
}
