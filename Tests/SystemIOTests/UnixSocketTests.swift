import Foundation
import SystemIO
import Testing

/// The role-play socket: made 0600 where nothing is or over a stale socket of ours, never through a
/// link nor over another file, removed at the end; same-user peers only.
struct UnixSocketTests {
    private let folder: String

    init() throws {
        // Short: a socket's path holds at most 107 bytes.
        folder = "/tmp/sock-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
    }

    private func path(_ name: String) -> String { folder + "/" + name }
    private func removeFolder() { try? FileManager.default.removeItem(atPath: folder) }

    private func status(_ name: String) throws -> stat {
        var status = stat()
        try #require(lstat(path(name), &status) == 0)
        return status
    }

    /// A connection accepted by `socket`, waiting for it as long as it takes to arrive.
    private func accepted(_ socket: ListeningSocket) throws -> FileDescriptor {
        var poller = pollfd(fd: socket.descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        try #require(poll(&poller, 1, -1) == 1)
        guard case .connection(let connection) = try socket.accept() else {
            Issue.record("no connection accepted")
            throw SystemError(code: EIO)
        }
        return connection
    }

    @Test("the socket is made 0600, accepts a connection of ours and is removed at the end")
    func listensPrivately() throws {
        defer { removeFolder() }
        let socket = try ListeningSocket(path: path("s.sock"))
        let made = try status("s.sock")
        #expect(made.st_mode & S_IFMT == S_IFSOCK)
        #expect(made.st_mode & 0o777 == 0o600)
        #expect(try socket.accept() == .none)
        let client = try UnixSocket.connect(to: path("s.sock"))
        let server = try accepted(socket)
        #expect(UnixSocket.peerUser(of: server) == geteuid())
        try client.close()
        try server.close()
        socket.close()
        #expect(access(path("s.sock"), F_OK) != 0)
    }

    @Test(
        "a peer of another user is refused by its credentials, even through a socket opened to everyone",
        .enabled(if: geteuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func otherUserIsRefused() throws {
        defer { removeFolder() }
        let socket = try ListeningSocket(path: path("s.sock"))
        try #require(chmod(folder, 0o755) == 0 && chmod(path("s.sock"), 0o666) == 0)
        let other = Process()
        other.executableURL = URL(fileURLWithPath: "/usr/sbin/runuser")
        other.arguments = [
            "-u", "nobody", "--", "/usr/bin/python3", "-c",
            "import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.recv(1)", path("s.sock"),
        ]
        try other.run()
        var poller = pollfd(fd: socket.descriptor.rawValue, events: Int16(POLLIN), revents: 0)
        try #require(poll(&poller, 1, -1) == 1)
        #expect(try socket.accept() == .refused(uid: 65534))
        other.waitUntilExit()
        socket.close()
    }

    @Test("a socket left by a killed process is recognised and replaced")
    func staleSocketIsReplaced() throws {
        defer { removeFolder() }
        let stale = try ListeningSocket(path: path("s.sock"))
        try stale.descriptor.close()  // the process is gone; its file stays
        #expect(throws: UnixSocket.Problem.nobodyListens) { try UnixSocket.connect(to: path("s.sock")) }
        let socket = try ListeningSocket(path: path("s.sock"))
        let client = try UnixSocket.connect(to: path("s.sock"))
        try client.close()
        socket.close()
    }

    @Test("a socket another process listens on is not taken over")
    func liveSocketIsKept() throws {
        defer { removeFolder() }
        let first = try ListeningSocket(path: path("s.sock"))
        #expect(throws: UnixSocket.Problem.inUse) { try ListeningSocket(path: path("s.sock")) }
        let client = try UnixSocket.connect(to: path("s.sock"))
        try client.close()
        first.close()
    }

    @Test("a symbolic link at the path is neither followed nor replaced, even dangling")
    func symbolicLinkIsRefused() throws {
        defer { removeFolder() }
        try #require(symlink(path("target.sock"), path("s.sock")) == 0)
        #expect(throws: UnixSocket.Problem.symbolicLink) { try ListeningSocket(path: path("s.sock")) }
        #expect(throws: UnixSocket.Problem.symbolicLink) { try UnixSocket.connect(to: path("s.sock")) }
        #expect(access(path("target.sock"), F_OK) != 0)
        #expect(try status("s.sock").st_mode & S_IFMT == S_IFLNK)
    }

    @Test("a regular file at the path is kept, not replaced")
    func regularFileIsKept() throws {
        defer { removeFolder() }
        try Data("notes".utf8).write(to: URL(fileURLWithPath: path("s.sock")))
        #expect(throws: UnixSocket.Problem.notSocket(kind: "a regular file")) {
            try ListeningSocket(path: path("s.sock"))
        }
        #expect(FileManager.default.contents(atPath: path("s.sock")) == Data("notes".utf8))
    }

    @Test("closing removes only the socket made: a file put in its place stays")
    func closeKeepsAReplacement() throws {
        defer { removeFolder() }
        let socket = try ListeningSocket(path: path("s.sock"))
        try #require(unlink(path("s.sock")) == 0)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path("s.sock")))
        socket.close()
        #expect(FileManager.default.contents(atPath: path("s.sock")) == Data("mine".utf8))
    }

    @Test("a path longer than a socket address holds is refused")
    func longPathIsRefused() throws {
        defer { removeFolder() }
        let long = path(String(repeating: "x", count: 120))
        #expect(throws: UnixSocket.Problem.pathTooLong(limit: 107)) { try ListeningSocket(path: long) }
        #expect(throws: UnixSocket.Problem.pathTooLong(limit: 107)) { try UnixSocket.connect(to: long) }
    }

    @Test("no socket: connecting says so")
    func missingSocket() throws {
        defer { removeFolder() }
        #expect(throws: UnixSocket.Problem.missing) { try UnixSocket.connect(to: path("s.sock")) }
    }

    @Test("lines cross the connection both ways, however they are split")
    func linesCross() throws {
        defer { removeFolder() }
        let socket = try ListeningSocket(path: path("s.sock"))
        let client = LineConnection(try UnixSocket.connect(to: path("s.sock")), lineLimit: 100)
        let server = LineConnection(try accepted(socket), lineLimit: 100)
        try client.descriptor.write(Array("{\"a\":1}\n{\"b\"".utf8))
        var lines: [[UInt8]] = []
        while lines.count < 1 { lines += try server.receive().lines }
        try client.descriptor.write(Array(":2}\n".utf8))
        while lines.count < 2 { lines += try server.receive().lines }
        #expect(lines.map { String(decoding: $0, as: UTF8.self) } == ["{\"a\":1}", "{\"b\":2}"])
        try server.send(Array("ok".utf8))
        var back: [[UInt8]] = []
        while back.isEmpty { back += try client.receive().lines }
        #expect(back == [Array("ok".utf8)])
        client.close()
        var ended = false
        while !ended { ended = try server.receive().ended }
        server.close()
        socket.close()
    }

    @Test("a peer that stops reading never blocks a send; past the backlog limit it is reported stalled")
    func stalledPeer() throws {
        defer { removeFolder() }
        let socket = try ListeningSocket(path: path("s.sock"))
        let client = try UnixSocket.connect(to: path("s.sock"))
        let server = LineConnection(try accepted(socket), lineLimit: 100)
        let line = [UInt8](repeating: 0x61, count: 1 << 16)
        var failure: LineConnection.Failure?
        for _ in 0..<64 where failure == nil {
            do { try server.send(line) } catch { failure = error }
        }
        #expect(failure == .stalled)
        #expect(server.hasBacklog)
        try client.close()
        server.close()
        socket.close()
    }
}

/// Listing a folder.
struct FolderListingTests {
    @Test("the names in a folder, without . and ..; a missing folder is an error")
    func names() throws {
        let folder = "/tmp/list-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["a.db", "a.db.sock", "Zoë"] { try Data().write(to: URL(fileURLWithPath: folder + "/" + name)) }
        #expect(try FolderListing.names(in: folder).sorted() == ["Zoë", "a.db", "a.db.sock"].sorted())
        #expect(throws: SystemError(code: ENOENT)) { try FolderListing.names(in: folder + "/missing") }
    }
}
