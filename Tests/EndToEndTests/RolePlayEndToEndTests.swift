import Foundation
import SessionPanel
import Testing

/// Role-play (issue 19): a trainee's prompt and a trainer's `omnipanel customer` on the same state
/// file, each in its own pseudo-terminal (tmux); waits poll the screens, never sleep.
@Suite(.requiresTerminal)
struct RolePlayEndToEndTests {
    static let prompt = PromptText.prompt

    /// The trainer's prompt, in `folder`, on the state file `shift.db` there.
    private func trainer(in folder: TemporaryDirectory) throws -> TerminalSession {
        let terminal = try TerminalSession(
            [Binary.url.path, "--state", "shift.db", "customer"],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state")],
            workingDirectory: folder.url)
        try terminal.wait(for: "the trainer's prompt") { $0.beforeCursor == "customer> " }
        return terminal
    }

    /// Runs `omnipanel customer -c` on `folder`'s state file.
    /// The trainee's prompt on `shift.db` in `folder` and a trainer beside it, who has just brought
    /// Kenny Smith's chat request.
    private func kennyArrives(in folder: TemporaryDirectory) throws -> (
        trainee: TerminalSession, trainer: TerminalSession
    ) {
        let trainee = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        let trainer = try trainer(in: folder)
        try trainer.enter(#"arrive chat "Kenny Smith""#)
        return (trainee, trainer)
    }

    private func customer(_ commands: String, in folder: TemporaryDirectory) throws -> Binary.Result {
        try Binary.run(["--state", folder.path("shift.db"), "customer", "-c", commands])
    }

    @Test(
        "Done when: the trainer's arrive and say reach the trainee; the trainee accepts and replies; the trainer sees the reply, never a note"
    )
    func twoTerminals() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (trainee, trainer) = try kennyArrives(in: folder)
        try trainer.wait(for: "the arrival confirmed") { $0.text.contains("Kenny Smith: incoming Chat") }
        try trainee.wait(for: "the notification") { $0.text.contains("🔔 Kenny Smith: incoming Chat") }
        #expect(try trainee.bellRang())

        try trainee.type("acc")  // half typed while the customer writes
        try trainee.wait(for: "the half-typed line") { $0.beforeCursor == Self.prompt + "acc" }
        try trainer.enter(#"say "Kenny Smith" "my parcel never came""#)
        try trainee.wait(for: "the customer's message above the line, the half-typed line kept") {
            $0.text.contains("Kenny Smith (waiting for an agent): my parcel never came")
                && $0.beforeCursor == Self.prompt + "acc"
        }
        try trainee.enter("ept")
        try trainer.wait(for: "the customer sees the agent accept") {
            $0.text.contains("Kenny Smith: an agent accepted the chat")
        }

        try trainee.enter(#"note "customer sounds upset""#)
        try trainee.enter(#"reply "Sorry to hear that, let me check""#)
        try trainer.wait(for: "the reply") { $0.text.contains("Agent → Kenny Smith: Sorry to hear that, let me check") }
        try trainer.enter(#"leave "Kenny Smith""#)
        try trainee.wait(for: "the customer left") { $0.text.contains("Kenny Smith") && $0.text.contains("Wrap-up") }
        let seen = try trainer.wait(for: "the end, as the customer sees it") {
            $0.text.contains("Kenny Smith: the conversation ended")
        }
        #expect(seen?.text.contains("upset") == false)

        try trainee.enter("quit")
        trainee.waitUntilEnded()
        try trainer.wait(for: "the trainer told") {
            $0.text.contains("The trainee's prompt has ended the connection; Enter leaves.")
        }
        try trainer.press("Enter")
        trainer.waitUntilEnded()
    }

    @Test(
        "-c sends lines one after the other, each answered; the trainee's next commit saves them; the socket goes at exit"
    )
    func oneShotAndSaved() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let trainee = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        var status = stat()
        #expect(lstat(folder.path("shift.db.sock"), &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFSOCK && status.st_mode & 0o777 == 0o600)

        let sent = try customer(#"arrive "Kenny Smith"; say "Kenny Smith" "hello?"; status"#, in: folder)
        #expect(sent.status == 0)
        #expect(
            sent.stdout == """
                Kenny Smith: incoming Chat; accept or reject within 2m.
                Kenny Smith (waiting for an agent): hello?
                Waiting: Kenny Smith (chat)

                """)
        let refused = try customer(#"say "Nobody Known" "hi""#, in: folder)
        #expect(refused.status == 1)
        #expect(refused.stdout.hasPrefix("refused: \"Nobody Known\" never arrives"))
        // Leaving twice: the second finds no conversation when it falls due.
        let skipped = try customer(#"leave "Abraham McCormick"; leave "Abraham McCormick""#, in: folder)
        #expect(skipped.status == 1)
        #expect(skipped.stdout.contains("\nrefused: \"Abraham McCormick\" has no Open or Active conversation"))
        let piped = try Binary.run(
            ["--state", folder.path("shift.db"), "customer"], input: Data("# lines piped in\nstatus\n".utf8))
        #expect(piped.status == 0)
        #expect(piped.stdout == "Waiting: Kenny Smith (chat)\n")
        let second = try Binary.run(["--state", folder.path("shift.db"), "do", "show"])
        #expect(second.status == 5)  // the state lock comes first, as before role-play

        try trainee.wait(for: "the message") { $0.text.contains("hello?") }
        try trainee.enter("quit")
        trainee.waitUntilEnded()
        #expect(access(folder.path("shift.db.sock"), F_OK) != 0)
        let saved = try Binary.run(["--state", folder.path("shift.db"), "export"])
        #expect(saved.stdout.contains("hello?"))
        let gone = try customer("status", in: folder)
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("there is no socket: is the trainee's prompt running?"))
    }

    @Test("a trainer suspended, then killed, changes nothing for the trainee, who goes on working")
    func stalledTrainer() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let (trainee, trainer) = try kennyArrives(in: folder)
        try trainee.wait(for: "the notification") { $0.text.contains("Kenny Smith: incoming Chat") }
        let pid = try trainer.processID()
        kill(pid, SIGSTOP)
        try trainee.enter("accept")
        for number in 1...20 {
            try trainee.enter("reply \"answer \(number)\"")
        }
        try trainee.wait(for: "every reply") { $0.text.contains("You → Kenny Smith: answer 20") }
        kill(pid, SIGKILL)
        trainer.waitUntilEnded()
        try trainee.enter("notifications")
        try trainee.wait(for: "the prompt answering") { $0.text.contains("No pending notifications") }
        let status = try customer("status", in: folder)
        #expect(status.stdout == "Session 1: Kenny Smith, Active, focused\n")
    }

    @Test("a file or a link planted at the socket's path is left alone: the prompt runs without role-play and says why")
    func plantedPath() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("notes\n", to: "shift.db.sock")
        let trainee = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        try trainee.wait(for: "the warning") {
            $0.rows.joined().contains(
                "omnipanel: warning: role-play is off: cannot listen on 'shift.db.sock': it is a regular file, not a socket; omnipanel does not replace it"
            )
        }
        #expect(try String(contentsOfFile: folder.path("shift.db.sock"), encoding: .utf8) == "notes\n")
        try trainee.enter("quit")
        trainee.waitUntilEnded()
        #expect(try String(contentsOfFile: folder.path("shift.db.sock"), encoding: .utf8) == "notes\n")

        try FileManager.default.removeItem(atPath: folder.path("shift.db.sock"))
        try #require(symlink(folder.path("elsewhere.sock"), folder.path("shift.db.sock")) == 0)
        let linked = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        try linked.wait(for: "the warning") { $0.rows.joined().contains("it is a symbolic link") }
        #expect(access(folder.path("elsewhere.sock"), F_OK) != 0)
    }

    @Test(
        "Done when: one trainer, a class of three: the same customer lines reach every trainee; replies come back named"
    )
    func classOfThree() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let trainees = try ["ann", "bob", "cyd"].map {
            try TerminalSession.omnipanel(["--state", "\($0).db"], in: folder)
        }
        let sent = try Binary.run([
            "customer", "--class", folder.url.path, "-c", #"arrive "Kenny Smith"; say "Kenny Smith" "hello class""#,
        ])
        #expect(sent.status == 0)
        #expect(
            sent.stdout.split(separator: "\n").sorted() == [
                "ann: Kenny Smith (waiting for an agent): hello class",
                "ann: Kenny Smith: incoming Chat; accept or reject within 2m.",
                "bob: Kenny Smith (waiting for an agent): hello class",
                "bob: Kenny Smith: incoming Chat; accept or reject within 2m.",
                "cyd: Kenny Smith (waiting for an agent): hello class",
                "cyd: Kenny Smith: incoming Chat; accept or reject within 2m.",
            ])
        for trainee in trainees {
            try trainee.wait(for: "the class's customer") {
                $0.text.contains("Kenny Smith (waiting for an agent): hello class")
            }
        }
        let trainer = try TerminalSession(
            [Binary.url.path, "customer", "--class", "."],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state")], workingDirectory: folder.url
        )
        try trainer.wait(for: "the trainer's prompt") { $0.beforeCursor == "customer> " }
        try trainees[1].enter("accept")
        try trainees[1].enter(#"reply "Hi, Bob here""#)
        try trainer.wait(for: "Bob's reply, named") { $0.text.contains("bob: ← Agent → Kenny Smith: Hi, Bob here") }
    }

    @Test("a socket left by a killed prompt is replaced by the next one")
    func staleSocket() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let killed = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        kill(try killed.processID(), SIGKILL)
        killed.waitUntilEnded()
        #expect(access(folder.path("shift.db.sock"), F_OK) == 0)
        let stale = try customer("status", in: folder)
        #expect(stale.stderr.contains("nobody listens on it"))

        let trainee = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        let status = try customer("status", in: folder)
        #expect(status.status == 0)
        #expect(status.stdout == "The trainee has no session open and no request waiting.\n")
        _ = trainee
    }

    @Test(
        "a malformed, unknown or oversized line closes that connection with one error line; a notice for the trainee; nothing else changes"
    )
    func protocolErrors() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let trainee = try TerminalSession.omnipanel(["--state", "shift.db"], in: folder)
        let script = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX)
            s.connect(sys.argv[1])
            s.sendall(sys.argv[2].encode() + b"\\n")
            print(s.makefile().readline(), end="")
            print(repr(s.recv(100)))
            """
        let cases = [
            ("{", "not a request"), (#"{"command":"dance"}"#, "unknown command \\\"dance\\\""),
            (String(repeating: "x", count: 70_000), "longer than 64 KiB"),
        ]
        for (line, error) in cases {
            let result = try runProcess(
                "/usr/bin/python3", ["-c", script, folder.path("shift.db.sock"), line])
            #expect(result.stdout.hasPrefix("{\"error\":\"") && result.stdout.contains(error), "\(result)")
            #expect(result.stdout.hasSuffix("\nb''\n"), "the connection is closed after the error line")
        }
        try trainee.wait(for: "three notices") {
            $0.rows.filter { $0.hasPrefix("role-play: a trainer was disconnected") }.count == 3
        }
        #expect(try trainee.screen().beforeCursor == Self.prompt)
        let status = try customer("status", in: folder)
        #expect(status.stdout == "The trainee has no session open and no request waiting.\n")
    }
}
