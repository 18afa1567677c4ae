import Foundation
import Testing

/// `completions/_omnipanel` in a real interactive zsh (`zsh -f`, compinit, the script's folder in
/// `fpath`) in a pseudo-terminal: type a line, press Tab, read the line and the listing.
@Suite(
    .requiresShell(.zsh),
    .requiresTerminal)
struct ZshCompletionTests {
    /// An interactive zsh with the committed completion loaded, in a workspace folder, at an empty `%` prompt.
    private func zsh(_ workspace: CompletionWorkspace) throws -> TerminalSession {
        let completions = Binary.packageRoot.appendingPathComponent("completions").path
        let terminal = try TerminalSession(
            ["zsh", "-f", "-i"], environment: ["PATH": CompletionWorkspace.path, "HOME": workspace.url.path],
            workingDirectory: workspace.url)
        try terminal.type(
            "fpath=(\(completions) $fpath); autoload -Uz compinit; compinit -u -D; PS1='%% '; clear")
        try terminal.press("Enter")
        try terminal.wait(for: "the zsh prompt") { $0.cursorLine == "%" && !$0.text.contains("compinit") }
        return terminal
    }

    /// Types `line` at a fresh prompt and presses Tab; returns the screen once `condition` holds.
    @discardableResult
    private func tab(
        _ terminal: TerminalSession, _ line: String, sourceLocation: SourceLocation = #_sourceLocation,
        until condition: (Screen) -> Bool
    ) throws -> Screen? {
        let screen = try terminal.complete(
            line, expecting: "completion of `\(line)`", sourceLocation: sourceLocation, until: condition)
        try terminal.press("C-u", "C-l")
        try terminal.wait(for: "a clear prompt", sourceLocation: sourceLocation) {
            $0.text.trimmingCharacters(in: .whitespacesAndNewlines) == "%"
        }
        return screen
    }

    @Test func optionsSubcommandsAndFilesComplete() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        let terminal = try zsh(workspace)
        try tab(terminal, "omnipanel --w") {
            $0.text.contains("--width") && $0.text.contains("--world") && $0.text.contains("Load the world")
        }
        try tab(terminal, "omnipanel completions ") { ["bash", "zsh", "fish"].allSatisfy($0.text.contains) }
        try tab(terminal, "omnipanel --color a") { $0.text.contains("always") && $0.text.contains("auto") }
        let run = try tab(terminal, "omnipanel run ") { $0.text.contains("demo.omni") && $0.text.contains("sub/") }
        #expect(run?.text.contains("notes.txt") == false)
        try tab(terminal, "omnipanel --world w") { $0.cursorLine == "% omnipanel --world w.json" }
    }

    @Test func theCommandsAfterDashCComeFromTheBinary() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        let terminal = try zsh(workspace)
        try tab(terminal, "omnipanel -c 'open case 42; switch P") {
            $0.cursorLine == #"% omnipanel -c 'open case 42; switch Printer\ on\ fire'"#
        }
        try tab(terminal, "omnipanel -c \"open contact Jo") {
            $0.cursorLine == #"% omnipanel -c "open contact José\\ Núñez""#
        }
        // Cases 7 and 77 of the world file: the first Tab inserts their common prefix, the second lists them.
        try terminal.complete("omnipanel --world w.json -c 'open case ", expecting: "the common prefix") {
            $0.beforeCursor == "% omnipanel --world w.json -c 'open case 7"
        }
        try terminal.press("Tab")
        try terminal.wait(for: "the listing of the world's cases") { screen in
            screen.rows.contains { $0.contains("open case 77") } && !screen.text.contains("open case 42")
        }
    }

    /// The file is autoloaded on the first Tab; every later Tab in the same shell completes too
    /// (the function it defines under the autoloaded name is the one that asks for the command words).
    @Test func everyTabInOneShellCompletesTheCommandWords() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try workspace.saveSessions(["open case 42"])
        let terminal = try zsh(workspace)
        for _ in 1...3 {
            try tab(terminal, "omnipanel do sw") { $0.cursorLine == "% omnipanel do switch" }
        }
        try tab(terminal, "omnipanel --state s.db do switch P") {
            $0.cursorLine == #"% omnipanel --state s.db do switch Printer\ on\ fire"#
        }
        try tab(terminal, "omnipanel --world w.json do open case 7") { $0.text.contains("77") }
        try tab(terminal, "omnipanel --w") { $0.text.contains("--width") && $0.text.contains("--world") }
        try tab(terminal, "omnipanel --world w") { $0.cursorLine == "% omnipanel --world w.json" }
        try tab(terminal, "omnipanel ru") { $0.cursorLine == "% omnipanel run" }
        try tab(terminal, "omnipanel do sw") { $0.cursorLine == "% omnipanel do switch" }
    }

    /// zsh quotes each hostile name it inserts; the completed line runs as typed.
    @Test func hostileNamesCompleteQuoted() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try HostileNames.checkCompletion(in: try zsh(workspace), prompt: "% ", workspace: workspace)
    }
}
