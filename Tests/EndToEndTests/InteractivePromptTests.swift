import Foundation
import SessionPanel
import Testing

/// The interactive prompt in a real pseudo-terminal (tmux, 100×40, TERM=xterm-256color, LANG=C.UTF-8),
/// with HOME and XDG_STATE_HOME in a temporary folder so that history is the test's own.
@Suite(.requiresTerminal)
struct InteractivePromptTests {
    static let prompt = PromptText.prompt

    /// A temporary home whose history file the shells started in it share.
    private struct Home {
        let directory: TemporaryDirectory
        init() throws { directory = try TemporaryDirectory() }
        var historyFile: String { directory.path("state/omnipanel/history") }
        var environment: [String: String] { ["HOME": directory.url.path, "XDG_STATE_HOME": directory.path("state")] }
    }

    /// Starts `omnipanel` and waits for its first prompt.
    private func start(in home: Home) throws -> TerminalSession {
        let terminal = try TerminalSession([Binary.url.path], environment: home.environment)
        try terminal.wait(for: "the prompt") { $0.beforeCursor == Self.prompt }
        return terminal
    }

    /// Types a command and presses Enter, then waits for the next empty prompt.
    private func run(_ command: String, in terminal: TerminalSession, sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        try terminal.type(command)
        try terminal.press("Enter")
        try terminal.wait(for: "the prompt after `\(command)`", sourceLocation: sourceLocation) { screen in
            screen.beforeCursor == Self.prompt && screen.rows.contains { $0.hasPrefix(Self.prompt + command) }
        }
    }

    /// The panel row of the focused session (the one with the ▶ marker and a position).
    private func focusedRow(_ screen: Screen) -> String? {
        screen.rows.last { $0.contains("▶") && $0.contains("│") }
    }

    @Test func tabCompletesCommandsAndQuotedTitlesAndAltDigitSwitches() throws {
        let home = try Home()
        defer { home.directory.remove() }
        let terminal = try start(in: home)

        try terminal.complete("sw", expecting: "`sw` completed to `switch `") {
            $0.beforeCursor == Self.prompt + "switch "
        }
        try terminal.press("C-u")

        try run("open contact \"Kenny Smith\"", in: terminal)
        try run("open case 42", in: terminal)

        try terminal.complete("switch Ke", expecting: "the full title, quoted") {
            $0.beforeCursor == Self.prompt + "switch \"Kenny Smith\" "
        }
        try terminal.press("Enter")
        let switched = try terminal.wait(for: "Kenny Smith focused") { focusedRow($0)?.contains("1  Ke") == true }
        #expect(switched.flatMap(focusedRow)?.contains("Kenny Smith") == true)

        try terminal.press("M-2")
        let altTwo = try terminal.wait(for: "Alt-2 to focus session 2") { focusedRow($0)?.contains("2  Pr") == true }
        #expect(altTwo?.rows.contains { $0.hasPrefix(Self.prompt + "switch 2") } == true)

        try terminal.press("M-0")
        try terminal.wait(for: "Alt-0 to focus Home") { focusedRow($0)?.contains("0  Ho") == true }
    }

    @Test func severalCandidatesAreListedAndAUnicodeNameCompletes() throws {
        let home = try Home()
        defer { home.directory.remove() }
        let terminal = try start(in: home)

        let listing = try terminal.complete("open case 2", expecting: "the cases listed with their titles") {
            $0.text.contains("256   — Delivery arrived damaged")
        }
        #expect(listing?.text.contains("2048  — Wrong size delivered") == true)
        #expect(listing?.beforeCursor == Self.prompt + "open case 2")
        try terminal.press("C-u")

        try terminal.complete("open contact Jo", expecting: "José Núñez, quoted") {
            $0.cursorLine == Self.prompt + "open contact \"José Núñez\""
        }
        // Editing steps over whole characters: three backspaces take the space, the quote and the z.
        try terminal.press("BSpace", "BSpace", "BSpace")
        try terminal.wait(for: "three characters erased") {
            $0.beforeCursor == Self.prompt + "open contact \"José Núñe"
        }
        try terminal.type("z\"")
        try terminal.press("Enter")
        try terminal.wait(for: "José Núñez's session") { focusedRow($0)?.contains("José Núñez") == true }

        try terminal.type("zzz")
        try terminal.press("Tab")
        try terminal.type("!")
        try terminal.wait(for: "nothing inserted for an unknown word") { $0.beforeCursor == Self.prompt + "zzz!" }
    }

    @Test func historyRecallsCtrlCClearsAndHistoryOutlivesTheShell() throws {
        let home = try Home()
        defer { home.directory.remove() }
        let terminal = try start(in: home)
        try run("open case 42", in: terminal)
        try run("show", in: terminal)

        try terminal.press("Up")
        try terminal.wait(for: "Up to recall `show`") { $0.beforeCursor == Self.prompt + "show" }
        try terminal.press("Up")
        try terminal.wait(for: "Up again to recall `open case 42`") { $0.beforeCursor == Self.prompt + "open case 42" }
        try terminal.press("C-u")

        try terminal.type("open ca")
        try terminal.press("C-c")
        try terminal.wait(for: "Ctrl-C to leave a fresh prompt") {
            $0.beforeCursor == Self.prompt && $0.cursorLine == Self.prompt.dropLast()
        }
        try run("help keys", in: terminal)
        #expect(try terminal.screen().text.contains("Alt-1…Alt-9"))

        try terminal.type("quit --yes")  // the shift, unsaved, would ask first
        try terminal.press("Enter")
        terminal.waitUntilEnded()
        // libedit's history file writes a space as \040.
        let saved = try String(contentsOfFile: home.historyFile, encoding: .utf8).replacingOccurrences(
            of: "\\040", with: " ")
        #expect(saved.contains("open case 42\n") && saved.contains("help keys\n"))
        #expect(!saved.contains("open ca\n"), "a line cleared with Ctrl-C is not history")

        let again = try start(in: home)
        try again.press("Up")
        try again.wait(for: "the last command of the previous run") { $0.beforeCursor == Self.prompt + "quit --yes" }
        try again.press("Up")
        try again.wait(for: "the one before it") { $0.beforeCursor == Self.prompt + "help keys" }
    }

    /// The prompt hands the bytes of a line to the interpreter undecoded. (libedit itself drops bytes
    /// that are not UTF-8 in a UTF-8 locale, so the plain prompt, which reads bytes as they come, shows it.)
    @Test func aLineThatIsNotUTF8GetsTheScriptsErrorAndChangesNothing() throws {
        let home = try Home()
        defer { home.directory.remove() }
        let terminal = try TerminalSession(
            [Binary.url.path],
            environment: home.environment.merging(["OMNIPANEL_LIBEDIT": "/nonexistent/libedit.so.2"]) { $1 })
        try terminal.wait(for: "the prompt") { $0.beforeCursor == Self.prompt }
        try terminal.type("open case 4")
        try terminal.send(bytes: [0xFF])
        try terminal.press("Enter")
        let screen = try terminal.wait(for: "the error and the next prompt") { screen in
            screen.beforeCursor == Self.prompt && screen.rows.contains { $0.hasPrefix("error: ") }
        }
        #expect(screen?.rows.contains("error: line is not valid UTF-8") == true, "\(screen?.text ?? "")")
        #expect(screen?.text.contains("Printer on fire") == false, "no case was opened")
        let script = try Binary.run([], input: Data(Array("open case 4".utf8) + [0xFF, 0x0A]))
        #expect(script.stderr == "<stdin>:1: error: line is not valid UTF-8\n")
    }
}
