import Foundation
import Testing

/// The real binary in a real terminal: resizing, Ctrl-C, SIGTERM and SIGHUP.
@Suite(.enabled(if: TmuxTerminal.isAvailable, "needs tmux"), .serialized)
struct TerminalBehaviourTests {
    private let omnipanel = BinaryHarness.omnipanel

    private func prompt(_ screen: [String]) -> Bool { screen.contains { $0.hasPrefix("omnipanel>") } }

    /// The top border of the last panel on screen, if any.
    private func lastTopBorder(_ screen: [String]) -> String? { screen.last { $0.hasPrefix("╭") && $0.hasSuffix("╮") } }

    @Test("the panel re-fits after the terminal is resized")
    func refitsAfterResize() throws {
        let terminal = try TmuxTerminal("'\(omnipanel)'", columns: 100)
        try terminal.waitFor("the prompt", prompt)
        #expect(lastTopBorder(try terminal.screen())?.count == 78)  // the panel is at most 78 columns wide
        try terminal.resize(columns: 50)
        try terminal.type("show")
        try terminal.press("Enter")
        try terminal.waitFor("a 50-column panel") { lastTopBorder($0)?.count == 50 }
    }

    @Test("Ctrl-C at the prompt clears the line and keeps the shell running")
    func interruptClearsTheLine() throws {
        let terminal = try TmuxTerminal("'\(omnipanel)'", columns: 100)
        try terminal.waitFor("the prompt", prompt)
        try terminal.type("open case 4")
        try terminal.press("C-c")
        try terminal.type("open case 17")
        try terminal.press("Enter")
        try terminal.waitFor("the case session") { $0.contains { $0.contains("Refund for order 1182") } }
        let screen = try terminal.screen().joined(separator: "\n")
        #expect(!screen.contains("error") && !screen.contains("Printer on fire"))
    }

    @Test("SIGTERM and SIGHUP save the history, give the terminal back and end the shell by the signal",
          arguments: [SIGTERM, SIGHUP])
    func terminationSavesHistory(signal: Int32) throws {
        let scratch = try BinaryHarness.Scratch()
        defer { scratch.remove() }
        let after = "echo $? > '\(scratch.file("status").path)'; stty -a > '\(scratch.file("stty").path)'"
        // With job control on (`set -m`), as at an interactive prompt, the program gets a process group of
        // its own; libedit passes the signal on to that group once it has put the terminal back.
        let terminal = try TmuxTerminal(
            "set -m; '\(omnipanel)'; \(after)", columns: 100, environment: ["XDG_STATE_HOME": scratch.url.path])
        try terminal.waitFor("the prompt", prompt)
        try terminal.type("open case 42")
        try terminal.press("Enter")
        try terminal.waitFor("the case session") { $0.contains { $0.contains("Printer on fire") } }
        try terminal.type("switch ho")  // half typed when the signal comes
        let shell = try terminal.shellProcess()
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let program = try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
        #expect(kill(program, signal) == 0)

        #expect(BinaryHarness.eventually { scratch.read("stty") != nil })
        #expect(scratch.read("status") == "\(128 + signal)\n")
        let history = scratch.read("omnipanel/history") ?? ""
        #expect(history.contains(#"open\040case\04042"#) || history.contains("open case 42"), "history: \(history)")
        let modes = (scratch.read("stty") ?? "").split(whereSeparator: \.isWhitespace)
        #expect(modes.contains("icanon") && modes.contains("echo") && !modes.contains("-icanon") && !modes.contains("-echo"))
    }
}
