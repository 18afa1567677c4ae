import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A state file this user cannot write (a read-only folder, a read-only file) is still read: commands
/// that change nothing run, a change is refused when it would be saved (status 6), and shell completion
/// offers nothing rather than candidates from a fresh shift when the state file cannot be read at all.
///
/// Root ignores permission bits, so the runs that need a read-only folder are made as another user
/// (uid 65534, with `setpriv`): that is the condition the program meets, not a simulation of it.
@Suite struct ReadOnlyStateTests {
    static let setpriv = "/usr/bin/setpriv"
    static let canRunAsAnotherUser = geteuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv)

    /// Runs the binary as uid and gid 65534.
    private func asNobody(_ arguments: [String]) throws -> Binary.Result {
        try runProcess(
            Self.setpriv, ["--reuid", "65534", "--regid", "65534", "--clear-groups", Binary.url.path] + arguments)
    }

    @Test(.enabled(if: canRunAsAnotherUser, "needs root and setpriv to run as another user"))
    func aStateInAReadOnlyFolderIsReadAndNeverChanged() throws {
        let folder = try TemporaryDirectory()
        defer {
            chmod(folder.path("class"), 0o755)
            folder.remove()
        }
        let file = folder.path("class/class.db")
        try FileManager.default.createDirectory(atPath: folder.path("class"), withIntermediateDirectories: false)
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        try #require(chown(folder.path("class"), 65_534, 65_534) == 0 && chown(file, 65_534, 65_534) == 0)
        try #require(chmod(folder.path("class"), 0o555) == 0)
        let before = try #require(folder.bytes("class/class.db"))

        let shown = try asNobody(["--state", file, "do", "show"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Visitor 1"))
        let exported = try asNobody(["export", "--state", file])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.contains("\"Visitor 1\""))
        let changed = try asNobody(["--state", file, "do", "incoming", "sms"])
        #expect(changed.status == 6)
        #expect(
            changed.stderr == "omnipanel: cannot save state file \(file): it can only be read here: this user cannot "
                + "write its folder (Permission denied); the changes since the last save were NOT saved (the file "
                + "keeps the state before them)\n")
        #expect(folder.bytes("class/class.db") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("class")) == ["class.db"])
    }

    @Test(.enabled(if: canRunAsAnotherUser, "needs root and setpriv to run as another user"))
    func aReadOnlyStateFileIsRead() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        try #require(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        try #require(chown(folder.url.path, 65_534, 65_534) == 0 && chown(file, 65_534, 65_534) == 0)
        try #require(chmod(file, 0o400) == 0)
        let shown = try asNobody(["--state", file, "do", "show"])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.contains("Visitor 1"))
        let changed = try asNobody(["--state", file, "do", "incoming", "sms"])
        #expect(changed.status == 6)
        #expect(changed.stderr.contains("it can only be read here: this user cannot write it (Permission denied)"))
    }
}
