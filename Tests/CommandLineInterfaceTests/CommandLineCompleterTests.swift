import CommandLineInterface
import SessionPanel
import Testing

@Suite struct CommandLineCompleterTests {
    /// The reply for `words`, starting `-c` from the demo world, or from an empty one when the line
    /// names a world file (`--world`), so a test sees which one was used.
    private func complete(_ words: [String], shell: CompletionShell = .fish) -> CompletionReply {
        CommandLineCompleter.complete(words, for: shell) { options in
            options.worlds.isEmpty ? PanelState(world: .demo) : PanelState()
        }
    }

    private func texts(_ reply: CompletionReply) -> [String] {
        guard case .candidates(let candidates) = reply else { return [] }
        return candidates.map(\.text)
    }

    @Test func optionsCompleteFromTheTableWithTheirHelp() {
        #expect(texts(complete(["--w"])) == ["--world", "--width"])
        #expect(
            complete(["--wo"])
                == .candidates([CompletionCandidate("--world", CommandLineTable.root.option(spelled: "--world")!.help)])
        )
        #expect(texts(complete(["run", "--c"])) == ["--color", "--check", "--cast"])
        #expect(texts(complete(["-"])).contains("-c"))
        #expect(!texts(complete(["run", "-"])).contains("-c"))
    }

    @Test("the words of a one-shot command complete like the prompt, on the state the options describe")
    func oneShotCommandWords() {
        #expect(texts(complete(["sw"])) == ["switch"])
        #expect(texts(complete(["open", "case", ""])) == ["17", "42", "108", "256"])
        #expect(texts(complete(["open", "contact", "Kenny S"])) == ["Kenny Smith"])
        // starts as typed; titles match in any case
        #expect(texts(complete(["open", "contact", "jo"])) == ["josé Núñez"])
        #expect(texts(complete(["close", "1", "--"])) == ["--yes"])
        var seen: ShellOptions?
        _ = CommandLineCompleter.complete(["--world", "w.json", "--strict", "open", "case", ""], for: .bash) {
            options in
            seen = options
            return PanelState()
        }
        #expect(seen?.worlds == ["w.json"] && seen?.strict == true)  // the state comes from the options on the line
        #expect(texts(complete(["--strict", "echo", ""])).isEmpty)  // script directives are not commands
        #expect(texts(complete(["frobnicate", ""])).isEmpty)
    }

    @Test("an option's value after `=`: bash splits the word at `=`, zsh and fish pass it whole")
    func valuesAfterEquals() {
        #expect(texts(complete(["--color", "=", "al"], shell: .bash)) == ["always"])
        #expect(texts(complete(["--color", "="], shell: .bash)) == ["auto", "always", "never"])
        #expect(texts(complete(["run", "--format", "=", "j"], shell: .bash)) == ["json"])
        #expect(texts(complete(["--color=al"], shell: .zsh)) == ["--color=always"])
        #expect(texts(complete(["--strict", "--format="])) == ["--format=text", "--format=json"])
        #expect(complete(["--world", "=", "x"], shell: .bash) == .files(extension: "json"))
        // the shell's file completion cannot take the `--world=` part
        #expect(complete(["--world=x"]) == .candidates([]))
        #expect(texts(complete(["--strict=x"])).isEmpty)  // a flag takes no value
    }

    @Test func subcommandsValuesAndFiles() {
        #expect(texts(complete([""])) == ["run", "completions", "export", "import"])
        // subcommands, then the shell's commands
        #expect(texts(complete(["--strict", "r"])) == ["run", "reject", "reply", "report"])
        #expect(texts(complete(["completions", ""])) == ["bash", "zsh", "fish"])
        #expect(texts(complete(["--color", "a"])) == ["auto", "always"])
        #expect(texts(complete(["run", "--format", ""])) == ["text", "json"])
        #expect(complete(["--world", ""]) == .files(extension: "json"))
        #expect(complete(["run", "--state", "s"]) == .files(extension: "db"))
        #expect(complete(["run", "--echo", ""]) == .files(extension: "omni"))
        #expect(complete(["run", "demo.omni", ""]) == .candidates([]))
        #expect(complete(["--width", ""]) == .candidates([]))
        #expect(complete(["accept", ""]) == .candidates([]))
    }

    @Test func onlySubcommandsThatTakeTheOptionsGivenAreOffered() {
        // `completions` takes no --state: `omnipanel --state f completions` is a usage error
        #expect(!texts(complete(["--state", "f.db", "c"])).contains("completions"))
        #expect(texts(complete(["--state", "f.db", "c"])).contains("close"))
        #expect(!texts(complete(["--state=f.db", ""])).contains("completions"))
        #expect(texts(complete(["--state=f.db", ""])).contains("run"))
        #expect(texts(complete(["c"])).contains("completions"))
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
        let reply = CompletionReply.candidates([CompletionCandidate("a:b\\c", "Does d."), CompletionCandidate("e")])
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
