import Foundation
import SystemIO
import Testing

/// Private files: created 0600 through mkstemp, never through a link, only regular files we own.
struct PrivateFileTests {
    private let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "systemio-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    private func path(_ name: String) -> String { folder + "/" + name }

    private func mode(_ name: String) throws -> mode_t {
        var status = stat()
        try #require(lstat(path(name), &status) == 0)
        return status.st_mode & 0o7777
    }

    private func contents(_ name: String) -> String? {
        FileManager.default.contents(atPath: path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    private func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    @Test("a new file is created with mode 0600 and nothing else is left in the folder")
    func newFileIsPrivate() throws {
        defer { removeFolder() }
        try PrivateFile.replace(path("state.json"), with: Array("new\n".utf8))
        #expect(contents("state.json") == "new\n")
        #expect(try mode("state.json") == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["state.json"])
    }

    @Test("an existing file is replaced whole and keeps its read and write bits")
    func existingFileKeepsItsMode() throws {
        defer { removeFolder() }
        try "old".write(toFile: path("t.out"), atomically: false, encoding: .utf8)
        try #require(chmod(path("t.out"), 0o640) == 0)
        try PrivateFile.replace(path("t.out"), with: Array("new".utf8))
        #expect(contents("t.out") == "new")
        #expect(try mode("t.out") == 0o640)
    }

    @Test("a symbolic link where the file goes is refused, and its target is untouched")
    func symbolicLinkIsRefused() throws {
        defer { removeFolder() }
        try "precious".write(toFile: path("target"), atomically: false, encoding: .utf8)
        try #require(symlink(path("target"), path("t.out")) == 0)
        #expect(throws: PrivateFile.Problem.symbolicLink) { try PrivateFile.replace(path("t.out"), with: [0x41]) }
        #expect(throws: PrivateFile.Problem.symbolicLink) { try PrivateFile.open(path("t.out"), for: .appending) }
        #expect(throws: PrivateFile.Problem.symbolicLink) { try PrivateFile.read(path("t.out"), limit: 100) }
        #expect(contents("target") == "precious")
        // A dangling link is refused too, and its target is not created.
        try #require(symlink(path("nowhere"), path("t.lock")) == 0)
        #expect(throws: PrivateFile.Problem.symbolicLink) { try PrivateFile.open(path("t.lock"), for: .updating) }
        #expect(!FileManager.default.fileExists(atPath: path("nowhere")))
    }

    @Test("a FIFO, a folder and a device are refused at once, without blocking")
    func specialFilesAreRefused() throws {
        defer { removeFolder() }
        try #require(mkfifo(path("fifo"), 0o600) == 0)
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)
        #expect(throws: PrivateFile.Problem.notRegular(kind: "a FIFO")) {
            try PrivateFile.open(path("fifo"), for: .reading)
        }
        #expect(throws: PrivateFile.Problem.notRegular(kind: "a FIFO")) {
            try PrivateFile.replace(path("fifo"), with: [])
        }
        #expect(throws: PrivateFile.Problem.notRegular(kind: "a directory")) {
            try PrivateFile.read(path("dir"), limit: 10)
        }
        #expect(throws: PrivateFile.Problem.notRegular(kind: "a character device")) {
            try PrivateFile.read("/dev/zero", limit: 10)
        }
    }

    @Test("another user's file is refused", .enabled(if: geteuid() == 0, "needs root to give a file away"))
    func anotherUsersFileIsRefused() throws {
        defer { removeFolder() }
        try "theirs".write(toFile: path("state.json"), atomically: false, encoding: .utf8)
        try #require(chown(path("state.json"), 65534, 65534) == 0)
        #expect(throws: PrivateFile.Problem.notOwned(owner: 65534)) {
            try PrivateFile.read(path("state.json"), limit: 100)
        }
        #expect(throws: PrivateFile.Problem.notOwned(owner: 65534)) {
            try PrivateFile.replace(path("state.json"), with: [])
        }
        #expect(contents("state.json") == "theirs")
    }

    @Test("a missing file reads as nil; a file over the limit is refused")
    func missingAndTooLarge() throws {
        defer { removeFolder() }
        #expect(try PrivateFile.read(path("none"), limit: 10) == nil)
        try PrivateFile.replace(path("big"), with: Array(repeating: 0x61, count: 11))
        #expect(throws: PrivateFile.Problem.tooLarge(limit: 10)) { try PrivateFile.read(path("big"), limit: 10) }
        #expect(try PrivateFile.read(path("big"), limit: 11)?.count == 11)
    }

    @Test("a failed replace leaves the file as it was and no temporary file behind")
    func failedReplaceChangesNothing() throws {
        defer { removeFolder() }
        #expect(throws: PrivateFile.Problem.self) { try PrivateFile.replace(path("missing/inside.json"), with: [0x41]) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}
