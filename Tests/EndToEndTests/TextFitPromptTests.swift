import Foundation
import SessionPanel
import Testing

/// Issue 20 in a real terminal (tmux): the prompt's own text is wrapped at word boundaries, never
/// broken mid-word by the terminal, and the status beside the prompt shortens on a narrow terminal.
@Suite(.requiresTerminal)
struct TextFitPromptTests {
    static let prompt = PromptText.prompt

    private func words(_ rows: some Sequence<String>) -> [String] {
        rows.flatMap { $0.split(separator: " ").map(String.init) }
    }

    @Test("at 80 columns the welcome line and help wrap at word boundaries, later lines indented")
    func welcomeAndHelpAt80() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let terminal = try TerminalSession.omnipanel(in: folder, columns: 80, rows: 120)
        let screen = try #require(try terminal.run("help"))
        let rows = screen.rows

        let top = try #require(rows.firstIndex { $0.hasPrefix("╭") })
        let welcome = rows[..<top].filter { !$0.allSatisfy { $0 == " " } }
        let sentence = "omnipanel — the session panel. Type 'help' for commands, Tab to complete, Ctrl-D to leave."
        #expect(words(welcome) == words([sentence]), "split mid-word:\n\(welcome.joined(separator: "\n"))")
        #expect(welcome.count == 2 && welcome.last?.hasPrefix("  ") == true, "a hanging indent")

        let typed = try #require(rows.firstIndex { $0.hasPrefix(Self.prompt + "help") })
        let help = rows[(typed + 1)..<screen.cursorRow]
        let whole = try Binary.run(["-c", "help"]).stdout.split(separator: "\n").map(String.init)
        #expect(whole.contains { $0.count > 80 }, "help has lines longer than the terminal: the test proves nothing")
        #expect(words(help) == words(whole), "split mid-word:\n\(help.joined(separator: "\n"))")
        #expect(help.count > whole.count, "the long lines wrapped")
        #expect(
            help.contains { $0.hasPrefix(String(repeating: " ", count: 17)) && $0.dropFirst(17).first != " " },
            "a summary's later lines start under the summaries")
        #expect(!help.contains { $0.contains("`") }, "no backticks")
    }

    @Test("at 30 columns the status beside the prompt is the short form, not dropped")
    func shortStatusAt30() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.write(
            "incoming chat \"Kenny Smith\"\naccept\nswitch home\nmessage 1 hello\nincoming chat\n", to: "s.omni")
        let terminal = try TerminalSession.omnipanel(
            ["--scenario", "s.omni", "--speed", "0"], in: folder, columns: 30, rows: 120)
        // `1 waiting (2:00) · 1 unread` does not fit beside the prompt at 30 columns
        let screen = try terminal.wait(for: "the short status") { $0.rows[$0.cursorRow].contains("1⏳2:00 1✉") }
        #expect(screen?.rows[screen?.cursorRow ?? 0].contains("waiting") == false)
        #expect(screen?.rows.allSatisfy { !$0.contains("`") } == true)
    }
}
