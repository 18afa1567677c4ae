import Foundation
import SessionPanel
import Testing

/// Files omnipanel writes (transcripts, history, state, lock) are private, never opened through a
/// planted link or FIFO, and never receive output meant for a closed standard descriptor.
struct FileSafetyTests {
    private func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test(
        "run --record writes its transcript 0600, through a new temporary file: a link planted at FILE.out.tmp is not followed"
    )
    func transcriptIsPrivateAndIgnoresPlantedTemporaryFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("show\n", to: "demo.omni").path
        try folder.write("precious\n", to: "precious")
        try FileManager.default.createSymbolicLink(
            atPath: script + ".out.tmp", withDestinationPath: folder.path("precious"))
        let result = try Binary.run(["run", "--record", script])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(String(decoding: folder.bytes("precious") ?? Data(), as: UTF8.self) == "precious\n")
        #expect(try mode(script + ".out") == 0o600)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
                == ["demo.omni", "demo.omni.out", "demo.omni.out.tmp", "precious"])
        // A stricter umask wins.
        try FileManager.default.removeItem(atPath: script + ".out")
        let strict = try runProcess(
            "/bin/sh", ["-c", #"umask 0277; exec "$0" run --record "$1""#, Binary.url.path, script])
        #expect(strict.status == 0)
        #expect(try mode(script + ".out") == 0o400)
    }

    @Test("a transcript that is a symbolic link, a FIFO or someone else's file is refused in one line and left alone")
    func transcriptThatIsNotOursIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let script = try folder.write("show\n", to: "demo.omni").path
        try folder.write("precious\n", to: "precious")
        try FileManager.default.createSymbolicLink(
            atPath: script + ".out", withDestinationPath: folder.path("precious"))
        let linked = try Binary.run(["run", "--record", script])
        #expect(linked.status == 1)
        #expect(
            linked.stderr
                == "omnipanel: cannot write transcript \(script).out: it is a symbolic link, which omnipanel does not follow for its own files\n"
        )
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: script + ".out") == folder.path("precious"))
        #expect(String(decoding: folder.bytes("precious") ?? Data(), as: UTF8.self) == "precious\n")

        try FileManager.default.removeItem(atPath: script + ".out")
        #expect(mkfifo(script + ".out", 0o600) == 0)
        let fifo = try Binary.run(["run", "--record", script])
        #expect(fifo.status == 1)
        #expect(fifo.stderr == "omnipanel: cannot write transcript \(script).out: it is a FIFO, not a regular file\n")

        guard geteuid() == 0 else { return }  // only root can give a file away
        try FileManager.default.removeItem(atPath: script + ".out")
        try folder.write("theirs\n", to: "demo.omni.out")
        #expect(chown(script + ".out", 65534, 65534) == 0)
        let theirs = try Binary.run(["run", "--record", script])
        #expect(theirs.status == 1)
        #expect(theirs.stderr.hasSuffix("it belongs to another user (uid 65534), not to the user running omnipanel\n"))
        #expect(String(decoding: folder.bytes("demo.omni.out") ?? Data(), as: UTF8.self) == "theirs\n")
    }

    @Test(
        "with standard input, output or error closed, the lock file receives nothing and runs nothing",
        arguments: ["<&-", ">&-", "2>&-", "<&- >&- 2>&-"])
    func closedStandardDescriptors(closing: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.path("class.json")
        // what a lock file taken as standard input would run
        try folder.write("incoming chat\n", to: "class.json.lock")
        // `swich` writes to standard error
        let script = try folder.write("incoming sms\nswich 1\n", to: "script.omni").path
        let result = try runProcess(
            "/bin/sh", ["-c", #"exec "$0" --state "$1" < "$2" \#(closing)"#, Binary.url.path, state, script])
        let inputClosed = closing.hasPrefix("<&-")
        #expect(result.status == (inputClosed ? 0 : 1))
        #expect(String(decoding: folder.bytes("class.json.lock") ?? Data(), as: UTF8.self) == "incoming chat\n")
        let after = try Binary.run(["--state", state, "-c", "notifications"])
        #expect(after.stdout.contains("SMS from") == !inputClosed)
        #expect(!after.stdout.contains("Chat from"))
    }

    @Test(
        "a FIFO or a symbolic link as history file: one warning, the prompt starts without history, the file is left alone",
        .requiresTerminal, arguments: ["fifo", "link"])
    func historyFileThatIsNotOurs(kind: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let history = folder.path("state/omnipanel/history")
        try FileManager.default.createDirectory(
            atPath: folder.path("state/omnipanel"), withIntermediateDirectories: true)
        try folder.write("_HiStOrY_V2_\nprecious\n", to: "precious")
        if kind == "fifo" {
            #expect(mkfifo(history, 0o600) == 0)
        } else {
            try FileManager.default.createSymbolicLink(atPath: history, withDestinationPath: folder.path("precious"))
        }
        let terminal = try TerminalSession(
            ["/bin/sh", "-c", #""$0"; echo $? > status"#, Binary.url.path],
            environment: ["XDG_STATE_HOME": folder.path("state")], workingDirectory: folder.url, columns: 400)
        let start = try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
        let warnings = start?.rows.filter { $0.hasPrefix("omnipanel: history file") } ?? []
        let reason =
            kind == "fifo"
            ? "it is a FIFO, not a regular file"
            : "it is a symbolic link, which omnipanel does not follow for its own files"
        #expect(
            warnings == ["omnipanel: history file \(history) is not used (\(reason)); history is off for this session"])
        try terminal.run("show")
        try terminal.press("C-d")
        terminal.waitUntilEnded()
        #expect(folder.bytes("status") == Data("0\n".utf8))
        var status = stat()
        #expect(lstat(history, &status) == 0 && status.st_mode & S_IFMT == (kind == "fifo" ? S_IFIFO : S_IFLNK))
        #expect(folder.bytes("precious") == Data("_HiStOrY_V2_\nprecious\n".utf8))
    }

    @Test(
        "the history file is saved 0600 through a new temporary file, and read back next time",
        .requiresTerminal)
    func historyIsPrivate() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let environment = ["XDG_STATE_HOME": folder.path("state")]
        for _ in 0..<2 {
            let terminal = try TerminalSession(
                [Binary.url.path], environment: environment, workingDirectory: folder.url)
            try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
            try terminal.run("show")
            try terminal.press("C-d")
            terminal.waitUntilEnded()
        }
        let history = folder.path("state/omnipanel/history")
        #expect(try mode(history) == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("state/omnipanel")) == ["history"])
        #expect(
            String(decoding: FileManager.default.contents(atPath: history) ?? Data(), as: UTF8.self)
                == "_HiStOrY_V2_\nshow\n")
        let terminal = try TerminalSession([Binary.url.path], environment: environment, workingDirectory: folder.url)
        try terminal.wait(for: "the prompt") { $0.beforeCursor == PromptText.prompt }
        try terminal.press("Up")
        try terminal.wait(for: "the saved line") { $0.beforeCursor == "omnipanel> show" }
    }
}
