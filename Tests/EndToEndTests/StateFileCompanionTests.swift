import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// SQLite's own files beside a state file (`FILE-wal`, `FILE-shm`, `FILE-journal`) are checked as the
/// file itself is before SQLite opens them: a WAL planted by someone else would be replayed into the
/// state, a hard link at one of those names would be overwritten, and a WAL left by a killed run must
/// not come back into a new state after its file was removed.
@Suite struct StateFileCompanionTests {
    /// A state file with Visitor 1 in session 1.
    private func savedState(in folder: TemporaryDirectory) throws -> String {
        let file = folder.path("class.db")
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        return file
    }

    @Test(arguments: ["-wal", "-shm", "-journal"])
    func aHardLinkAtSQLitesNameIsRefusedAndItsFileLeftAlone(suffix: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try savedState(in: folder)
        let victim = try folder.write("precious\n", to: "victim").path
        try #require(link(victim, file + suffix) == 0)
        let before = try #require(folder.bytes("class.db"))
        let result = try Binary.run(["--state", file, "do", "message", "1", "hello"])
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "omnipanel: cannot read state file \(file): \(file)\(suffix) has 2 names (a hard link to another file); remove it\n"
        )
        #expect(folder.bytes("victim") == Data("precious\n".utf8))
        #expect(folder.bytes("class.db") == before)
    }

    @Test func aCompanionFileOthersCanWriteIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try savedState(in: folder)
        try folder.write("", to: "class.db-wal")
        try #require(chmod(file + "-wal", 0o666) == 0)
        let result = try Binary.run(["--state", file, "do", "show"])
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "omnipanel: cannot read state file \(file): \(file)-wal can be written by other users; remove it\n")
        // SQLite gives its files the state file's mode: a state file the user shares is not refused so.
        try #require(chmod(file, 0o666) == 0)
        let shared = try Binary.run(["--state", file, "do", "show"])
        #expect(shared.status == 0, "\(shared.stderr)")
    }

    /// The attack of a shared (1777) folder: another user plants `FILE-wal` holding a save of their
    /// own; SQLite would replay it as if this user had saved it.
    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func anotherUsersWALIsNotReplayed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try savedState(in: folder)
        // Their WAL: a copy of this file with a save of theirs left in its WAL by a killed run.
        let theirs = folder.path("theirs.db")
        try #require(copyfile(file, theirs))
        let wal = try walLeftByAKilledRun(of: theirs)
        try #require(copyfile(wal, file + "-wal"))
        try #require(chown(file + "-wal", 65_534, 65_534) == 0 && chmod(file + "-wal", 0o666) == 0)
        let message =
            "omnipanel: cannot read state file \(file): \(file)-wal belongs to another user (uid 65534); remove it\n"
        for arguments in [["--state", file, "do", "show"], ["export", "--state", file]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 3)
            #expect(result.stderr == message)
            #expect(!result.stdout.contains("INJECTED"))
        }
    }

    /// Kill a run, remove the state file, start again: the removed shift must not come back from the
    /// WAL left beside it, and nothing is created until the WAL is removed as the error says.
    @Test func aLeftoverWALIsNotReplayedIntoANewState() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = try savedState(in: folder)
        _ = try walLeftByAKilledRun(of: file)
        try #require(unlink(file) == 0)
        let message =
            "omnipanel: cannot read state file \(file): there is no such file, but \(file)-wal and \(file)-shm "
            + "are left from an earlier one (a new state would start from it); remove them to start afresh\n"
        for arguments in [["--state", file, "do", "show"], ["export", "--state", file]] {
            let result = try Binary.run(arguments)
            #expect(result.status == 3)
            #expect(result.stderr == message)
            #expect(!result.stdout.contains("INJECTED"))
        }
        #expect(folder.bytes("class.db") == nil, "no new file is made beside the old WAL")
        for suffix in ["-wal", "-shm"] { try #require(unlink(file + suffix) == 0) }
        #expect(try Binary.run(["--state", file, "do", "show"]).status == 0)
        let fresh = try Binary.run(["export", "--state", file])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(!fresh.stdout.contains("INJECTED") && !fresh.stdout.contains("Visitor 1"))
    }

    /// Runs a script on `file` that saves messages `INJECTED…` to Visitor 1 and kills it once its WAL
    /// holds a save (seen in the file's size, not guessed from a delay); returns the WAL's path.
    private func walLeftByAKilledRun(of file: String) throws -> String {
        let script = (1...20_000).map { "message 1 INJECTED\($0)" }.joined(separator: "\n")
        let running = try Binary.start(["--state", file, "run", "-"], input: Data(script.utf8))
        var status = stat()
        waitUntil { !running.process.isRunning || (stat(file + "-wal", &status) == 0 && status.st_size > 8192) }
        kill(running.process.processIdentifier, SIGKILL)
        #expect(running.finish().killed, "the run ended before its WAL could be left behind")
        try #require(stat(file + "-wal", &status) == 0 && status.st_size > 8192)
        return file + "-wal"
    }

    private func copyfile(_ from: String, _ to: String) -> Bool {
        (try? FileManager.default.copyItem(atPath: from, toPath: to)) != nil
    }
}
