import Foundation
import Testing

/// A script read from a pipe that stays open (a FIFO, a coprocess): what it did is saved when the
/// input pauses and when SIGTERM or SIGHUP ends it, and with `--format json` each reply comes at once.
/// The tests wait on what can be seen (a row in the state file, a reply), with a generous limit.
@Suite(.requiresTool("sqlite3"))
struct ScriptInputIdleTests {
    static let lines = "incoming chat\naccept\nmessage 1 \"still there?\"\n"
    /// How long a test waits for something it expects, however loaded the machine.
    static let patience = 60.0

    /// The number `query` gives on the state file, read as another program would while omnipanel runs.
    static func count(_ query: String, in path: String) -> Int? {
        let result = try? runProcess(Tool.path("sqlite3")!, ["-readonly", path, query])
        return result.flatMap { Int($0.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// Waits until the state file holds the session and the message the lines made; false after ``patience``.
    static func savedLines(in path: String) -> Bool {
        // Every 20 ms: each look runs sqlite3.
        waitUntil(timeout: patience, every: 0.02) {
            count("SELECT count(*) FROM sessions", in: path) == 2
                && count("SELECT count(*) FROM messages", in: path).map({ $0 > 0 }) == true
        }
    }

    @Test("lines followed by a pause are saved while the input stays open")
    func aPauseSavesTheGroup() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try Coprocess(["--state", "s.db"], directory: folder.url)
        defer { run.stop() }
        run.send(Self.lines)
        #expect(Self.savedLines(in: folder.path("s.db")))
        #expect(run.closeInput() == 0)
    }

    @Test(
        "SIGTERM or SIGHUP saves what ran, then ends the run by the signal",
        arguments: [SIGTERM, SIGHUP])
    func aSignalSavesTheGroup(signal: Int32) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try Coprocess(["--format", "json", "--state", "s.db"], directory: folder.url)
        defer { run.stop() }
        run.send(Self.lines)
        for line in 1...3 {
            let reply = try #require(run.nextLine(within: Self.patience), "no reply to line \(line)")
            #expect(reply.contains(#""line":\#(line),"#), "\(reply)")
        }
        let ending = run.end(by: signal)
        #expect(ending.reason == .uncaughtSignal && ending.status == signal)
        #expect(Self.count("SELECT count(*) FROM sessions", in: folder.path("s.db")) == 2)
        #expect(Self.count("SELECT count(*) FROM messages", in: folder.path("s.db")).map { $0 > 0 } == true)
    }

    @Test("with --format json a program gets each reply before it sends the next line")
    func aCoprocessGetsEachReply() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let run = try Coprocess(["--format", "json"], directory: folder.url)
        defer { run.stop() }
        for (number, line) in ["incoming chat", "accept", "show"].enumerated() {
            run.send(line + "\n")
            let reply = try #require(run.nextLine(within: Self.patience), "no reply to \(line)")
            #expect(reply.hasPrefix("{") && reply.contains(#""line":\#(number + 1),"#), "\(reply)")
            #expect(reply.contains(#""ok":true"#), "\(reply)")
        }
        #expect(run.closeInput() == 0)
    }
}
