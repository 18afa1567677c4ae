import Foundation
import SessionPanel
import Testing

/// The live shift at the interactive prompt, in a real pseudo-terminal (tmux, 100×40): event lines
/// printed above the line being edited, which stays as it was; the status beside the prompt; the
/// start options. Scenario times are short and run at `--speed`; waits poll the screen, never sleep.
@Suite(.requiresTerminal)
struct LivePromptTests {
    static let prompt = PromptText.prompt

    @Test("Alt-<digit> switches and keeps the half-typed line, cursor and all (issue 10)")
    func altDigitKeepsTheLine() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(in: folder)
        try terminal.type("open case 42")
        try terminal.press("Enter")
        try terminal.wait(for: "the case session") {
            $0.beforeCursor == Self.prompt && $0.text.contains("Printer on fire")
        }

        try terminal.type("message 1 \"On my wa")
        try terminal.press("Left", "Left")
        try terminal.press("M-0")
        let screen = try terminal.wait(for: "Home focused, the line kept") { screen in
            screen.rows.contains { $0.hasPrefix(Self.prompt + "switch home") }
                && screen.rows.last { $0.contains("▶") && $0.contains("│") }?.contains("0  Ho") == true
        }
        #expect(screen?.cursorLine == Self.prompt + "message 1 \"On my wa")
        #expect(screen?.beforeCursor == Self.prompt + "message 1 \"On my ")
        try terminal.press("C-e")
        try terminal.type("y\"")
        try terminal.press("Enter")
        try terminal.wait(for: "the whole line run") { $0.text.contains(Self.prompt + "message 1 \"On my way\"\n") }
    }

    /// The event lines on the screen (they start with their simulated time, `[00:01:30]`).
    private func eventLines(_ screen: Screen) -> [String] { screen.rows.filter { $0.hasPrefix("[00:") } }

    /// Requests arrive every 30 simulated seconds (3 s at `--speed 10`): whenever the line is typed,
    /// the next arrival comes while it is half typed — no race with a fixed delay. Kenny Smith's is the first.
    @Test(
        "Done when: an arrival while a line is half typed prints above the prompt; the line stays, cursor at its end; Enter runs it"
    )
    func arrivalWhileTyping() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let arrivals = (2...40).map { "at \($0 * 30)s incoming chat" }
        try folder.write(
            ([
                "# Kenny writes in half a minute into the shift, then visitors every half minute",
                #"at 30s incoming chat "Kenny Smith""#,
            ] + arrivals).joined(separator: "\n") + "\n", to: "s.omni")
        let terminal = try TerminalSession.omnipanel(["--scenario", "s.omni", "--speed", "10"], in: folder)
        try terminal.type("acc")
        let typed = try #require(
            try terminal.wait(for: "the half-typed line") { $0.beforeCursor == Self.prompt + "acc" })
        let before = eventLines(typed).count
        if before == 0 { #expect(try !terminal.bellRang()) }

        let arrived = try #require(
            try terminal.wait(for: "an arrival above the half-typed line, the line drawn again") {
                eventLines($0).count > before && $0.beforeCursor == Self.prompt + "acc"
                    && $0.rows[$0.cursorRow].contains(" waiting (")
            })
        #expect(arrived.rows[arrived.cursorRow - 1].hasPrefix("[00:"))
        #expect(
            arrived.rows[arrived.cursorRow - 1].contains(
                before == 0 ? "🔔 Kenny Smith: incoming Chat" : ": incoming Chat"))
        #expect(arrived.beforeCursor == Self.prompt + "acc", "the line as it was")
        #expect(arrived.cursorColumn == (Self.prompt + "acc").count, "the cursor at its end")
        #expect(arrived.rows[arrived.cursorRow].contains(" waiting ("), "the status beside the prompt")
        #expect(try terminal.bellRang(), "a new request rings the bell")

        try terminal.type("ept")
        try terminal.press("Enter")
        let accepted = try terminal.wait(for: "Kenny Smith's request accepted") { screen in
            screen.beforeCursor == Self.prompt
                && screen.rows.contains { $0.contains("▶") && $0.contains("Kenny Smith") }
        }
        #expect(accepted?.rows.contains { $0.hasPrefix(Self.prompt + "accept") } == true)
        let listed = try terminal.run("notifications")
        let listing = listed.map { screen in
            screen.rows.suffix(from: screen.rows.lastIndex { $0.hasPrefix(Self.prompt + "notifications") } ?? 0)
        }
        #expect(listing?.contains { $0.contains("Kenny Smith") } == false, "Kenny's request no longer waits")
    }

    @Test(
        "a generated request rings the bell; with `config bell off` (a scenario's setup line) it does not",
        arguments: [true, false])
    func bell(on: Bool) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(on ? "# the defaults\n" : "config bell off\n", to: "setup.omni")
        let terminal = try TerminalSession.omnipanel(
            ["--scenario", "setup.omni", "--traffic", "rush", "--seed", "7", "--speed", "15"], in: folder)
        #expect(try !terminal.bellRang())
        try terminal.wait(for: "a request") { $0.text.contains(": incoming ") }
        #expect(try terminal.bellRang() == on)
    }

    @Test("the status counts the most urgent request down, redrawing only the prompt's row")
    func statusCountsDown() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("incoming chat \"Kenny Smith\"\n", to: "s.omni")
        let terminal = try TerminalSession.omnipanel(["--scenario", "s.omni", "--speed", "20"], in: folder)
        try terminal.type("show")
        let first = try #require(
            try terminal.wait(for: "the countdown") { $0.rows[$0.cursorRow].contains("1 waiting (") })
        let status = first.rows[first.cursorRow]
        let later = try terminal.wait(for: "the countdown to move on") { screen in
            screen.rows[screen.cursorRow].contains("1 waiting (") && screen.rows[screen.cursorRow] != status
        }
        #expect(later?.beforeCursor == Self.prompt + "show")
        #expect(
            later.map { $0.rows.count { $0.hasPrefix(Self.prompt) } } == 1,
            "the prompt is drawn in place, not again below")
        let timedOut = try terminal.wait(for: "the request to time out", timeout: 30) { $0.text.contains("timed out") }
        #expect(timedOut.map { !$0.rows[$0.cursorRow].contains("waiting") } == true)
    }

    @Test("Ctrl-C, Alt-<digit>, resizing and completion keep working while events keep arriving")
    func keysWhileEventsArrive() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(
            ["--traffic", "rush", "--seed", "7", "--speed", "200"], in: folder)
        try terminal.type("open ca")
        let before = try #require(try terminal.wait(for: "a first event") { !eventLines($0).isEmpty })
        try terminal.wait(for: "another event while the line is half typed") {
            eventLines($0).count > eventLines(before).count
        }
        try terminal.press("C-c")
        try terminal.wait(for: "a fresh prompt after Ctrl-C") { $0.beforeCursor == Self.prompt }

        try terminal.complete("open case 17", expecting: "case 17 completed") {
            $0.beforeCursor == Self.prompt + "open case 17 "
        }
        try terminal.press("Enter")
        try terminal.wait(for: "the case session") {
            $0.beforeCursor == Self.prompt && $0.text.contains("Refund for order 1182")
        }

        try terminal.type("hel")
        try terminal.press("M-0")
        let home = try #require(
            try terminal.wait(for: "Alt-0 to switch home") { screen in
                screen.rows.contains { $0.hasPrefix(Self.prompt + "switch home") }
                    && screen.beforeCursor == Self.prompt + "hel"
            })
        try terminal.resize(columns: 70)
        try terminal.wait(for: "an event after the resize, the line kept") { screen in
            eventLines(screen).count > eventLines(home).count && screen.beforeCursor == Self.prompt + "hel"
        }
        try terminal.type("p")
        try terminal.press("Enter")
        try terminal.wait(for: "help") { $0.text.contains("Ctrl-D") && $0.beforeCursor == Self.prompt }
    }

    @Test(
        "a scenario that cannot be read, or has a bad line, is one error and no prompt",
        arguments: [
            ("nowhere.omni", nil, "omnipanel: cannot read nowhere.omni: ", 2),
            ("bad.omni", "at soon incoming chat\n", "bad.omni:1: error: ", 1),
            ("ghost.omni", "at 1m message \"Nobody Atall\" \"Hello?\"\n", "ghost.omni:1: error: ", 1),
        ] as [(String, String?, String, Int)])
    func badScenario(file: String, content: String?, message: String, status: Int) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        if let content { try folder.write(content, to: file) }
        let terminal = try TerminalSession(
            ["/bin/bash", "-c", #""$0" --scenario "$1"; echo "exit $?"; read"#, Binary.url.path, file],
            environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state")],
            workingDirectory: folder.url,
            columns: 250)  // wide enough for the error to show on one row
        let screen = try terminal.wait(for: "the program to end") { $0.text.contains("exit ") }
        let rows = screen?.rows.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? []
        #expect(rows.count == 2, "one error line, then the status: \(rows)")
        #expect(rows.first?.hasPrefix(message) == true, "\(rows)")
        #expect(rows.last == "exit \(status)")
    }
}
