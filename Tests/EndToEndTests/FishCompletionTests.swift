import Foundation
import Testing

/// `completions/omnipanel.fish` in a real fish, installed where the README says (fish's
/// `completions` folder under `$XDG_CONFIG_HOME`) and loaded by fish on demand: `complete -C` lists
/// the candidates for a line.
/// Fish 3 cannot tell a script the cursor's place in a word outside an interactive session, which
/// the `-c` completion needs, so that one is checked by pressing Tab in an interactive fish.
@Suite(.requiresShell(.fish))
struct FishCompletionTests {
    /// The candidates `complete -C` gives for `line` (without their descriptions).
    private func complete(_ line: String, in workspace: CompletionWorkspace) throws -> [String] {
        let result = try runProcess(
            Tool.path("fish")!, ["-c", "complete -C $argv[1]", line], environment: try environment(workspace),
            directory: workspace.url)
        #expect(result.status == 0, "fish: \(result.stderr)")
        #expect(result.stderr.isEmpty, "fish: \(result.stderr)")
        return result.stdout.split(separator: "\n").map { String($0.prefix { $0 != "\t" }) }
    }

    /// A home of its own, apart from the workspace (fish writes files there), with the script installed.
    private func environment(_ workspace: CompletionWorkspace) throws -> [String: String] {
        let home = workspace.url.path + ".home"
        let installed = URL(fileURLWithPath: home + "/config/fish/completions/omnipanel.fish")
        if !FileManager.default.fileExists(atPath: installed.path) {
            try FileManager.default.createDirectory(
                at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                atPath: CompletionWorkspace.script("omnipanel.fish"), toPath: installed.path)
        }
        return [
            "PATH": CompletionWorkspace.path, "HOME": home, "XDG_CONFIG_HOME": home + "/config",
            "XDG_DATA_HOME": home + "/data",
        ]
    }

    @Test func optionsSubcommandsAndFilesComplete() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        #expect(try complete("omnipanel --w", in: workspace).sorted() == ["--width", "--world"])
        let first = Set(try complete("omnipanel ", in: workspace))
        #expect(first.isSuperset(of: ["prompt", "do", "run", "completions", "export", "import"]))
        let shells = try complete("omnipanel completions ", in: workspace)
        #expect(shells.sorted() == ["bash", "fish", "zsh"])
        #expect(try complete("omnipanel do open case ", in: workspace).prefix(4) == ["17", "42", "108", "256"])
        #expect(try complete("omnipanel do sw", in: workspace) == ["switch"])
        #expect(try complete("omnipanel --color=a", in: workspace) == ["--color=auto", "--color=always"])
        let colors = try complete("omnipanel --color ", in: workspace)
        #expect(colors == ["auto", "always", "never"])
        let scripts = try complete("omnipanel run ", in: workspace)
        #expect(scripts.sorted() == ["demo.omni", "sub/"])
        let worlds = try complete("omnipanel --world ", in: workspace)
        #expect(worlds.sorted() == ["sub/", "w.json"])
        let runOptions = Set(try complete("omnipanel run --", in: workspace))
        #expect(runOptions.isSuperset(of: ["--world", "--color", "--width", "--strict", "--echo", "--help"]))
    }

    /// An interactive fish in `workspace`, at an empty `> ` prompt, without autosuggestions.
    private func interactiveFish(_ workspace: CompletionWorkspace) throws -> TerminalSession {
        let terminal = try TerminalSession(
            ["fish"], environment: try environment(workspace), workingDirectory: workspace.url)
        try terminal.type("function fish_prompt; echo -n '> '; end; set -g fish_autosuggestion_enabled 0; clear")
        try terminal.press("Enter")
        try terminal.wait(for: "the fish prompt") { $0.beforeCursor == "> " && !$0.text.contains("autosuggestion") }
        return terminal
    }

    /// fish escapes each hostile name it inserts; the completed line runs as typed; every Tab in the
    /// one shell completes.
    @Test(.requiresTerminal)
    func hostileNamesCompleteQuoted() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try HostileNames.checkCompletion(
            in: try interactiveFish(workspace), prompt: "> ", workspace: workspace, emptyWordCompletesAlone: false)
    }

    @Test(.requiresTerminal)
    func theCommandsAfterDashCComeFromTheBinary() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        let terminal = try interactiveFish(workspace)

        try terminal.complete("omnipanel -c 'open case 42; switch P", expecting: "the title completed") {
            $0.beforeCursor == #"> omnipanel -c 'open case 42; switch Printer\\ on\\ fire' "#
        }
        try terminal.press("C-u")

        try terminal.complete("omnipanel --world w.json -c 'open case ", expecting: "the world's cases") { screen in
            // The pager shortens the shared start of long candidates to `…`.
            screen.rows.contains { $0.contains("case 77") } && !screen.text.contains("case 42")
        }
    }
}
