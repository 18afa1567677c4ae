import Foundation
import Testing

/// `completions/omnipanel.bash` (each Tab asks `omnipanel __complete bash …`) in a real bash, with
/// and without the bash-completion package: the script is sourced, `COMP_WORDS`/`COMP_CWORD`/
/// `COMP_LINE`/`COMP_POINT` are set as bash sets them, the function `complete -p` names is called,
/// and `COMPREPLY` is read back.
@Suite(.requiresShell(.bash))
struct BashCompletionTests {
    static let bashCompletion = "/usr/share/bash-completion/bash_completion"

    /// With the bash-completion package loaded first (as on most systems), and without it.
    static let setups: [Bool] = FileManager.default.fileExists(atPath: bashCompletion) ? [false, true] : [false]

    /// `COMPREPLY` for completing the last of `words`; `current` is that word as bash hands it to the
    /// function (quotes removed; bash keeps them in `COMP_WORDS`).
    private func complete(
        _ words: [String], current: String? = nil, withBashCompletion: Bool, in given: CompletionWorkspace? = nil
    ) throws -> [String] {
        let workspace = try given ?? CompletionWorkspace()
        defer { if given == nil { workspace.remove() } }
        let harness = """
            \(withBashCompletion ? "source \(Self.bashCompletion) || exit 3" : "")
            source "$1" || exit 3
            current="$2"
            shift 2
            COMP_WORDS=("$@")
            COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            COMP_LINE="${COMP_WORDS[*]}"
            COMP_POINT=${#COMP_LINE}
            COMPREPLY=()
            function="$(complete -p omnipanel)"
            function="${function##*-F }"
            "${function%% *}" omnipanel "$current" "${COMP_WORDS[COMP_CWORD - 1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let result = try runProcess(
            Tool.path("bash")!,
            [
                "--norc", "--noprofile", "-c", harness, "bash", CompletionWorkspace.script("omnipanel.bash"),
                current ?? words.last!,
            ] + words,
            environment: ["PATH": CompletionWorkspace.path, "HOME": workspace.url.path], directory: workspace.url)
        #expect(result.status == 0, "bash: \(result.stderr)")
        #expect(result.stderr.isEmpty, "bash: \(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test(arguments: setups)
    func optionsAndSubcommandsComeFromArgumentParser(withBashCompletion: Bool) throws {
        #expect(
            try complete(["omnipanel", "--w"], withBashCompletion: withBashCompletion).sorted() == [
                "--width", "--world",
            ])
        // An empty word offers the subcommands and the options.
        let first = Set(try complete(["omnipanel", ""], withBashCompletion: withBashCompletion))
        #expect(first.isSuperset(of: ["prompt", "do", "run", "completions", "export", "import", "--world", "-c"]))
        let options = try complete(["omnipanel", "-"], withBashCompletion: withBashCompletion)
        #expect(Set(options).isSuperset(of: ["--world", "--color", "--strict", "--echo", "-c"]))
        #expect(
            try complete(["omnipanel", "completions", ""], withBashCompletion: withBashCompletion).sorted() == [
                "bash", "fish", "zsh",
            ])
        #expect(
            try complete(["omnipanel", "--color", ""], withBashCompletion: withBashCompletion) == [
                "auto", "always", "never",
            ])
        let runOptions = try complete(["omnipanel", "run", "--"], withBashCompletion: withBashCompletion)
        #expect(Set(runOptions).isSuperset(of: ["--world", "--color", "--width", "--strict", "--echo", "--help"]))
    }

    @Test("the words after do: the shell's commands and their values", arguments: setups)
    func oneShotCommandWords(withBashCompletion: Bool) throws {
        #expect(
            try complete(["omnipanel", "--strict", "do", "sw"], withBashCompletion: withBashCompletion) == ["switch"])
        #expect(
            try complete(["omnipanel", "do", "open", "case", "2"], withBashCompletion: withBashCompletion) == [
                "256", "2048",
            ])
        #expect(
            try complete(["omnipanel", "do", "open", "contact", "Ke"], withBashCompletion: withBashCompletion) == [
                "'Kenny Smith'"
            ])
    }

    @Test("values after `=`: bash splits `--color=al` at the `=`", arguments: setups)
    func valuesAfterEquals(withBashCompletion: Bool) throws {
        #expect(
            try complete(["omnipanel", "--color", "=", "al"], withBashCompletion: withBashCompletion) == ["always"])
        #expect(
            try complete(["omnipanel", "--color", "="], current: "", withBashCompletion: withBashCompletion) == [
                "auto", "always", "never",
            ])
        #expect(
            try complete(["omnipanel", "--world", "=", ""], withBashCompletion: withBashCompletion).sorted() == [
                "sub", "w.json",
            ])
        #expect(
            try complete(["omnipanel", "run", "--format", "=", "j"], withBashCompletion: withBashCompletion) == [
                "json"
            ])
    }

    @Test(arguments: setups)
    func runOffersScriptsAndWorldOffersJSONFiles(withBashCompletion: Bool) throws {
        #expect(
            try complete(["omnipanel", "run", ""], withBashCompletion: withBashCompletion).sorted() == [
                "demo.omni", "sub",
            ])
        #expect(
            try complete(["omnipanel", "--world", ""], withBashCompletion: withBashCompletion).sorted() == [
                "sub", "w.json",
            ])
        #expect(
            try complete(["omnipanel", "run", "--world", "w"], withBashCompletion: withBashCompletion) == ["w.json"])
    }

    @Test(arguments: setups)
    func theCommandsAfterDashCComeFromTheBinary(withBashCompletion: Bool) throws {
        #expect(try complete(["omnipanel", "-c", "sw"], withBashCompletion: withBashCompletion) == ["switch"])
        #expect(
            try complete(
                ["omnipanel", "-c", "'open case 42; switch P"], current: "open case 42; switch P",
                withBashCompletion: withBashCompletion)
                == [#"'open case 42; switch Printer\ on\ fire'"#])
        #expect(
            try complete(
                ["omnipanel", "-c", "\"open contact Jo"], current: "open contact Jo",
                withBashCompletion: withBashCompletion)
                == [#""open contact José\\ Núñez""#])
        #expect(
            try complete(["omnipanel", "-c", #"open\ contact\ Jo"#], withBashCompletion: withBashCompletion)
                == [#"'open contact José\ Núñez'"#])
    }

    @Test(arguments: setups)
    func caseNumbersComeFromTheWorldOnTheCommandLine(withBashCompletion: Bool) throws {
        let words = ["omnipanel", "--world", "w.json", "-c", "'open case "]
        #expect(
            try complete(words, current: "open case ", withBashCompletion: withBashCompletion) == [
                "'open case 7'", "'open case 77'",
            ])
        let demo = try complete(
            ["omnipanel", "-c", "'open case 2"], current: "open case 2", withBashCompletion: withBashCompletion)
        #expect(demo == ["'open case 256'", "'open case 2048'"])
    }

    /// Installed as the README says, in bash-completion's user folder, the script loads on demand.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: bashCompletion),
            "bash-completion is not installed (apt-get install bash-completion)"))
    func installedInBashCompletionsFolderItLoadsOnDemand() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        let installed = workspace.url.appendingPathComponent("data/bash-completion/completions/omnipanel")
        try FileManager.default.createDirectory(
            at: installed.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: CompletionWorkspace.script("omnipanel.bash"), toPath: installed.path)
        let result = try runProcess(
            Tool.path("bash")!,
            [
                "--norc", "--noprofile", "-c",
                "source \(Self.bashCompletion); __load_completion omnipanel; complete -p omnipanel",
            ],
            environment: [
                "PATH": CompletionWorkspace.path, "HOME": workspace.url.path,
                "XDG_DATA_HOME": workspace.url.path + "/data",
            ])
        #expect(
            result.stdout == "complete -o filenames -F _omnipanel omnipanel\n", "bash: \(result.stderr)")
    }

    /// An interactive bash in `workspace` with the committed script sourced, at an empty `$ ` prompt.
    private func interactiveBash(_ workspace: CompletionWorkspace) throws -> TerminalSession {
        let terminal = try TerminalSession(
            ["bash", "--norc", "--noprofile", "-i"],
            environment: ["PATH": CompletionWorkspace.path, "HOME": workspace.url.path],
            workingDirectory: workspace.url)
        try terminal.type("PS1='$ '; source \(CompletionWorkspace.script("omnipanel.bash")); clear")
        try terminal.press("Enter")
        try terminal.wait(for: "the bash prompt") { $0.beforeCursor == "$ " && !$0.text.contains("source") }
        return terminal
    }

    /// readline puts in the quoted word (after an opening quote too), the completed line runs, and
    /// every Tab in the one shell completes.
    @Test(.requiresTerminal)
    func hostileNamesCompleteQuotedInAnInteractiveBash() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try HostileNames.checkCompletion(in: try interactiveBash(workspace), prompt: "$ ", workspace: workspace)
    }

    /// The same in an interactive bash, where readline re-quotes the candidate; the completed
    /// command line then runs and focuses the session it named.
    @Test(.requiresTerminal)
    func aCompletedCommandLineRunsInAnInteractiveBash() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        let terminal = try interactiveBash(workspace)
        try terminal.complete("omnipanel -c 'open case 42; switch 0; switch P", expecting: "the title completed") {
            $0.beforeCursor == #"$ omnipanel -c 'open case 42; switch 0; switch Printer\ on\ fire' "#
        }
        try terminal.press("Enter")
        try terminal.wait(for: "the case session focused") { screen in
            screen.rows.contains { $0.contains("▶") && $0.contains("Printer on fire") && !$0.contains("Home") }
        }
    }

    /// The words bash makes of `text` (as it reads a command line) in `workspace`.
    private func words(_ text: String, in workspace: CompletionWorkspace) throws -> [String] {
        let result = try runProcess(
            Tool.path("bash")!,
            ["--norc", "--noprofile", "-c", #"eval "words=($1)"; printf '%s\0' "${words[@]}""#, "bash", text],
            directory: workspace.url)
        #expect(result.status == 0 && result.stderr.isEmpty, "bash: \(result.stderr)")
        return result.stdout.split(separator: "\0", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    @Test("a name that hides a command, a separator, quotes or a pattern: bash reads back exactly the name")
    func hostileNamesAreQuoted() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try HostileNames.writeWorld(into: workspace.url)
        let line = ["omnipanel", "--world", "evil.json", "do", "open", "contact"]
        for name in HostileNames.all where name.first != "-" {
            let letter = String(name.prefix(1))
            for (typed, quote) in [(letter, ""), ("'" + letter, "'"), ("\"" + letter, "\"")] {
                let replies = try complete(line + [typed], current: letter, withBashCompletion: false, in: workspace)
                #expect(replies.count == 1, "\(typed): \(replies)")
                // After an opening quote, readline drops it when the reply begins with it.
                for reply in replies {
                    #expect(reply.hasPrefix(quote), "\(typed): \(reply)")
                    #expect(try words(reply, in: workspace) == [HostileNames.completed(name)], "\(typed): \(reply)")
                }
            }
        }
        // All at once, the leading `-` among them: each reply is one word, the names, nothing expanded.
        let all = try complete(line + [""], withBashCompletion: false, in: workspace)
        let read = try all.map { try words($0, in: workspace) }
        #expect(read == HostileNames.all.sorted().map { [HostileNames.completed($0)] })
        #expect(!HostileNames.ranIn(workspace.url))
    }

    @Test("session titles and -c's commands are quoted too")
    func hostileTitlesAndCommandsAreQuoted() throws {
        let workspace = try CompletionWorkspace()
        defer { workspace.remove() }
        try HostileNames.writeWorld(into: workspace.url)
        let names = ["Kim`touch PWNED`", "Lee$(touch PWNED)", #"Pat "O'Neil""#, #"Quin\Back\"#]
        try workspace.saveSessions(names.map(HostileNames.open), world: "evil.json")
        for name in names {
            let letter = String(name.prefix(1))
            let titles = try complete(
                ["omnipanel", "--state", "s.db", "do", "switch", letter], withBashCompletion: false, in: workspace)
            #expect(try titles.map { try words($0, in: workspace) } == [[name]])
            for typed in ["open contact " + letter, "'open contact " + letter] {
                let commands = try complete(
                    ["omnipanel", "--world", "evil.json", "-c", typed], current: "open contact " + letter,
                    withBashCompletion: false, in: workspace)
                #expect(commands.count == 1, "\(typed): \(commands)")
                let read = try commands.map { try words($0, in: workspace) }
                #expect(
                    read.count == 1 && read[0].count == 1 && read[0][0].hasPrefix("open contact " + letter), "\(read)")
                let ran = try runProcess(
                    Binary.url.path, ["--world", "evil.json", "-c"] + read[0], directory: workspace.url)
                #expect(
                    ran.stdout.contains("Started session 1: \(HostileNames.shown(name))."),
                    "\(ran.stdout) \(ran.stderr)")
            }
        }
        #expect(!HostileNames.ranIn(workspace.url))
    }
}
