import Foundation
import Testing

/// The live shift at the interactive prompt, in a real pseudo-terminal (tmux, 100×40): event lines
/// printed above the line being edited, which stays as it was; the status beside the prompt; the
/// start options. Scenario times are short and run at `--speed`; waits poll the screen, never sleep.
@Suite(.enabled(if: TerminalSession.isAvailable, "tmux is not installed (apt-get install tmux)"))
struct LivePromptTests {
    static let prompt = "omnipanel> "

    /// Starts `omnipanel` with `arguments` in a fresh home and waits for its first prompt.
    private func start(_ arguments: [String] = [], in folder: TemporaryDirectory) throws -> TerminalSession {
        let terminal = try TerminalSession(
            [Binary.url.path] + arguments, environment: ["HOME": folder.url.path, "XDG_STATE_HOME": folder.path("state")],
            workingDirectory: folder.url)
        try terminal.wait(for: "the prompt") { $0.beforeCursor == Self.prompt }
        return terminal
    }

    @Test("Alt-<digit> switches and keeps the half-typed line, cursor and all (issue 10)")
    func altDigitKeepsTheLine() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try start(in: folder)
        try terminal.type("open case 42")
        try terminal.press("Enter")
        try terminal.wait(for: "the case session") { $0.beforeCursor == Self.prompt && $0.text.contains("Printer on fire") }

        try terminal.type("message 1 \"On my wa")
        try terminal.press("Left", "Left")
        try terminal.press("M-0")
        let screen = try terminal.wait(for: "Home focused, the line kept") { screen in
            screen.rows.contains { $0.hasPrefix(Self.prompt + "switch home") } && screen.rows.last { $0.contains("▶") && $0.contains("│") }?.contains("0  Ho") == true
        }
        #expect(screen?.cursorLine == Self.prompt + "message 1 \"On my wa")
        #expect(screen?.beforeCursor == Self.prompt + "message 1 \"On my ")
        try terminal.press("C-e")
        try terminal.type("y\"")
        try terminal.press("Enter")
        try terminal.wait(for: "the whole line run") { $0.text.contains(Self.prompt + "message 1 \"On my way\"\n") }
    }
}
