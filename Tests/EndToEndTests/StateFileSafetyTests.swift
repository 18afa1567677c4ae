import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The state file is private and never reached through a planted file: symbolic links, other users'
/// files and special files are refused in one line, and nothing beside the file is opened.
@Suite struct StateFileSafetyTests {
    @Test func aNewStateFileIsPrivateEvenUnderAPermissiveUmask() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let result = try runProcess(
            "/bin/sh",
            [
                "-c", "umask 000 && exec \"$0\" --state \"$1\" do incoming chat", Binary.url.path,
                folder.path("class.db"),
            ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try mode(of: folder.path("class.db")) == 0o600)
        let strict = try runProcess(
            "/bin/sh",
            [
                "-c", "umask 077 && exec \"$0\" --state \"$1\" do incoming chat", Binary.url.path,
                folder.path("strict.db"),
            ])
        #expect(strict.status == 0, "\(strict.stderr)")
        #expect(try mode(of: folder.path("strict.db")) == 0o600)
    }

    @Test func aSymbolicLinkIsRefusedAndItsTargetLeftAlone() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        #expect(try Binary.run(["--state", folder.path("real.db"), "do", "incoming", "chat"]).status == 0)
        let before = try #require(folder.bytes("real.db"))
        for target in [folder.path("real.db"), folder.path("missing.db")] {
            unlink(folder.path("link.db"))
            try #require(symlink(target, folder.path("link.db")) == 0)
            let result = try Binary.run(["--state", folder.path("link.db"), "do", "accept"])
            #expect(result.status == 3)
            #expect(
                result.stderr.hasPrefix(
                    "omnipanel: cannot read state file \(folder.path("link.db")): it is a symbolic link"))
            #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        }
        #expect(folder.bytes("real.db") == before)
        #expect(folder.bytes("missing.db") == nil)
    }

    /// Today's names beside the file (`FILE.tmp`, `FILE.lock`) are no longer used at all, so links
    /// planted there lead nowhere; links planted at SQLite's own names are refused.
    @Test func plantedLinksBesideTheFileAreNeverFollowed() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        for name in ["class.db.tmp", "class.db.lock"] {
            try #require(symlink(folder.path("victim-" + name), folder.path(name)) == 0)
        }
        #expect(try Binary.run(["--state", file, "-c", "incoming chat; accept"]).status == 0)
        #expect(try Binary.run(["--state", file, "do", "message", "1", "hi"]).status == 0)
        for name in ["class.db.tmp", "class.db.lock"] {
            #expect(folder.bytes("victim-" + name) == nil)
            var status = stat()
            #expect(
                lstat(folder.path(name), &status) == 0 && status.st_mode & S_IFMT == S_IFLNK,
                "\(name) is still the planted link")
        }
        try #require(symlink(folder.path("victim-wal"), file + "-wal") == 0)
        let result = try Binary.run(["--state", file, "do", "message", "1", "again"])
        #expect(result.status == 3)
        #expect(
            result.stderr == "omnipanel: cannot read state file \(file): \(file)-wal is not a regular file; remove it\n"
        )
        #expect(folder.bytes("victim-wal") == nil)
    }

    @Test func aSpecialFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try #require(mkfifo(folder.path("fifo"), 0o600) == 0)
        let result = try Binary.run(["--state", folder.path("fifo"), "do", "show"])
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "omnipanel: cannot read state file \(folder.path("fifo")): it is a FIFO, not a regular file\n")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func anotherUsersFileIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "incoming", "chat"]).status == 0)
        try #require(chown(file, 65_534, 65_534) == 0)
        let before = try #require(folder.bytes("class.db"))
        let result = try Binary.run(["--state", file, "do", "accept"])
        #expect(result.status == 3)
        #expect(
            result.stderr == "omnipanel: cannot read state file \(file): it belongs to another user (uid 65534), "
                + "not to the user running omnipanel\n")
        #expect(folder.bytes("class.db") == before)
    }

    /// What a run killed while building a state file leaves (`FILE.omnipanel-XXXXXX` and SQLite's files
    /// of it) is removed when the state opens: only names of that form, regular files of ours with one
    /// name, a minute old and not locked by an omnipanel still building them.
    @Test func temporariesLeftByAKilledRunAreSweptWhenTheStateOpens() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "incoming", "chat"]).status == 0)
        let abandoned = ["class.db.omnipanel-Ab12Cd", "class.db.omnipanel-Ab12Cd-wal", "class.db.omnipanel-Ef34Gh-shm"]
        let kept = [
            "class.db.backup", "class.db.omnipanel-Ij56Kl-wal", "class.db.omnipanel-Ij56Kl",
            "class.db.omnipanel-Mn78Op",
            "other.db.omnipanel-Qr90St", "class.db.omnipanel-Uv12Wx.json", "class.db.omnipanel-Yz34Ab",
        ]
        for name in abandoned + kept { try folder.write("left\n", to: name) }
        let hourAgo = [timeval(tv_sec: time(nil) - 3600, tv_usec: 0), timeval(tv_sec: time(nil) - 3600, tv_usec: 0)]
        for name in abandoned + kept where name != "class.db.omnipanel-Mn78Op" {
            try #require(utimes(folder.path(name), hourAgo) == 0)
        }
        // One being built by another omnipanel (locked), one freshly made (Mn78Op), one with a second name.
        let building = open(folder.path("class.db.omnipanel-Ij56Kl"), O_RDONLY)
        defer { close(building) }
        try #require(flock(building, LOCK_EX) == 0)
        try #require(link(folder.path("class.db.omnipanel-Yz34Ab"), folder.path("hard-link")) == 0)
        #expect(try Binary.run(["--state", file, "do", "accept"]).status == 0)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.url.path))
        #expect(left.isDisjoint(with: abandoned), "\(left)")
        #expect(Set(kept).isSubset(of: left), "\(left)")
    }

    @Test(.enabled(if: geteuid() == 0, "only root can give a file to another user"))
    func anotherUsersTemporaryIsLeftAlone() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let file = folder.path("class.db")
        #expect(try Binary.run(["--state", file, "do", "incoming", "chat"]).status == 0)
        let theirs = try folder.write("theirs\n", to: "class.db.omnipanel-Ab12Cd").path
        let hourAgo = [timeval(tv_sec: time(nil) - 3600, tv_usec: 0), timeval(tv_sec: time(nil) - 3600, tv_usec: 0)]
        try #require(utimes(theirs, hourAgo) == 0 && chown(theirs, 65_534, 65_534) == 0)
        #expect(try Binary.run(["--state", file, "do", "accept"]).status == 0)
        #expect(folder.bytes("class.db.omnipanel-Ab12Cd") == Data("theirs\n".utf8))
    }
}
