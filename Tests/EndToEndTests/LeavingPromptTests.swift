import Foundation
import SessionPanel
import Testing

/// Leaving and tidying the live prompt, in a real pseudo-terminal (tmux): `quit` and Ctrl-D ask once
/// before losing a shift nothing saves, `clear` clears the screen, and a submitted line keeps no
/// countdown beside it. Waits poll the screen, never sleep.
@Suite(.requiresTerminal)
struct LeavingPromptTests {
    static let question = "The shift is not saved (no --state). Quit anyway? [y/N, r: report, then quit] "

    @Test("quit with unsaved work asks once; r prints the report and leaves")
    func quitAsksAndOffersTheReport() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(in: folder)
        _ = try terminal.run("incoming chat")
        try terminal.type("quit")
        try terminal.press("Enter")
        try terminal.wait(for: "the question") { $0.beforeCursor == Self.question }
        try terminal.type("r")
        try terminal.press("Enter")
        terminal.waitUntilEnded()
    }

    @Test("Ctrl-D twice leaves a shift nothing saves; n keeps it going")
    func controlDTwice() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(in: folder)
        _ = try terminal.run("incoming chat")
        try terminal.press("C-d")
        try terminal.wait(for: "the question") { $0.beforeCursor == Self.question }
        _ = try terminal.run("n")
        #expect(try terminal.screen().text.contains("The shift goes on."))
        try terminal.press("C-d")
        try terminal.wait(for: "the question again") { $0.beforeCursor == Self.question }
        try terminal.press("C-d")
        terminal.waitUntilEnded()
    }

    @Test("with --state the shift is saved: quit leaves at once")
    func savedShiftLeavesAtOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(["--state", "s.db"], in: folder)
        _ = try terminal.run("incoming chat")
        try terminal.type("quit")
        try terminal.press("Enter")
        terminal.waitUntilEnded()
    }

    @Test("clear clears the screen, leaving the prompt at the top")
    func clearClears() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(in: folder)
        _ = try terminal.run("show")
        try terminal.type("clear")
        try terminal.press("Enter")
        let cleared = try terminal.wait(for: "a clear screen") {
            $0.cursorRow == 0 && $0.beforeCursor == PromptText.prompt
        }
        #expect(cleared.map { !$0.text.contains("Sessions") } == true)
    }

    @Test("a submitted line keeps no countdown beside it in the scrollback")
    func noStaleCountdown() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write("incoming chat \"Kenny Smith\"\n", to: "s.omni")
        let terminal = try TerminalSession.omnipanel(["--scenario", "s.omni", "--speed", "5"], in: folder)
        try terminal.type("dashboard")
        try terminal.wait(for: "the countdown") { $0.rows[$0.cursorRow].contains("1 waiting (") }
        try terminal.press("Enter")
        let after = try #require(
            try terminal.wait(for: "the next prompt") { screen in
                screen.beforeCursor == PromptText.prompt
                    && screen.rows.contains { $0.hasPrefix(PromptText.prompt + "dashboard") }
            })
        let submitted = try #require(after.rows.first { $0.hasPrefix(PromptText.prompt + "dashboard") })
        #expect(!submitted.contains("waiting"), "the submitted line: \(submitted)")
    }
}
