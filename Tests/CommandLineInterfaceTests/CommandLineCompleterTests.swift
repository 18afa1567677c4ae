import CommandLineInterface
import SessionPanel
import Testing

@Suite struct CommandLineCompleterTests {
    /// The reply for `words`, starting `-c` from the demo world, or from an empty one when the line
    /// names a world file (`--world`), so a test sees which one was used.
    private func complete(_ words: [String], shell: CompletionShell = .fish) -> CompletionReply {
        CommandLineCompleter.complete(words, for: shell) { options in
            options.world == nil ? PanelState(world: .demo) : PanelState()
        }
    }

    private func texts(_ reply: CompletionReply) -> [String] {
        guard case .candidates(let candidates) = reply else { return [] }
        return candidates.map(\.text)
    }

    @Test func optionsCompleteFromTheTableWithTheirHelp() {
        #expect(texts(complete(["--w"])) == ["--world", "--width"])
        #expect(complete(["--wo"]) == .candidates([CompletionCandidate("--world", description: CommandLineTable.root.option(spelled: "--world")!.help)]))
        #expect(texts(complete(["run", "--c"])) == ["--color", "--check"])
        #expect(texts(complete(["-"])).contains("-c"))
        #expect(!texts(complete(["run", "-"])).contains("-c"))
    }

    @Test("an option's value after `=`: bash splits the word at `=`, zsh and fish pass it whole")
    func valuesAfterEquals() {
        #expect(texts(complete(["--color", "=", "al"], shell: .bash)) == ["always"])
        #expect(texts(complete(["--color", "="], shell: .bash)) == ["auto", "always", "never"])
        #expect(texts(complete(["run", "--format", "=", "j"], shell: .bash)) == ["json"])
        #expect(texts(complete(["--color=al"], shell: .zsh)) == ["--color=always"])
        #expect(texts(complete(["--strict", "--format="])) == ["--format=text", "--format=json"])
        #expect(complete(["--world", "=", "x"], shell: .bash) == .files(extension: "json"))
        #expect(complete(["--world=x"]) == .candidates([]))  // the shell's file completion cannot take the `--world=` part
        #expect(texts(complete(["--strict=x"])).isEmpty)  // a flag takes no value
    }

    @Test func subcommandsValuesAndFiles() {
        #expect(texts(complete([""])) == ["run", "completions"])
        #expect(texts(complete(["--strict", "r"])) == ["run"])
        #expect(texts(complete(["completions", ""])) == ["bash", "zsh", "fish"])
        #expect(texts(complete(["--color", "a"])) == ["auto", "always"])
        #expect(texts(complete(["run", "--format", ""])) == ["text", "json"])
        #expect(complete(["--world", ""]) == .files(extension: "json"))
        #expect(complete(["run", "--state", "s"]) == .files(extension: "json"))
        #expect(complete(["run", "--echo", ""]) == .files(extension: "omni"))
        #expect(complete(["run", "demo.omni", ""]) == .candidates([]))
        #expect(complete(["--width", ""]) == .candidates([]))
        #expect(complete(["accept", ""]) == .candidates([]))
    }

    @Test func dashCCompletesCommandsAfterTheEarlierOnesRanInTheLinesWorld() {
        #expect(texts(complete(["-c", "sw"])) == ["switch"])
        #expect(texts(complete(["-c", "'open case 42; switch P"])) == [#"open case 42; switch Printer\ on\ fire"#])
        #expect(texts(complete(["-c", "\"open contact Jo"])) == [#"open contact José\ Núñez"#])
        #expect(texts(complete(["-c", "\"switch \\\"Ho"])) == [#"switch "Home""#])
        #expect(texts(complete(["-c", "'open contact \"Jo"], shell: .bash)) == [#"open contact José\ Núñez"#])
        #expect(!texts(complete(["--world", "w.json", "-c", "open case "])).contains("open case 42"))
    }

    @Test func eachShellGetsTheCandidatesInItsOwnForm() {
        let reply = CompletionReply.candidates([CompletionCandidate("a:b\\c", description: "Does d."), CompletionCandidate("e")])
        #expect(reply.lines(for: .bash) == ["candidates", "a:b\\c", "e"])
        #expect(reply.lines(for: .zsh) == ["candidates", #"a\:b\\c:Does d."#, "e"])
        #expect(reply.lines(for: .fish) == ["candidates", "a:b\\c\tDoes d.", "e"])
        #expect(CompletionReply.files(extension: "omni").lines(for: .zsh) == ["files omni"])
    }

    @Test(arguments: CompletionShell.allCases)
    func everyScriptAsksTheBinary(shell: CompletionShell) {
        let script = CompletionScript.text(for: shell)
        #expect(script.contains("__complete \(shell.rawValue) "))
        #expect(script.contains("candidates") && script.contains("files"))
    }
}
