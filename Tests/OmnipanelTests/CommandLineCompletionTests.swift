import Foundation
import SessionPanel
import TestSupport
import Testing

@testable import omnipanel

/// What the completion scripts get from the binary (``ShellCompletion``) at each Tab: argument-parser's
/// subcommands, options and values, and, after `do` and `-c`, the panel's words on the state the
/// options on the line describe.
@Suite struct CommandLineCompletionTests {
    /// The reply for the last of `words` (after `omnipanel`), as fish gets it.
    private func reply(_ words: [String]) -> [String] {
        ShellCompletion(shell: .fish, tool: ToolInfo.commandLine).reply(to: ["omnipanel"] + words, at: words.count)
    }

    /// The candidates offered for the last of `words`, without their descriptions.
    private func word(_ words: [String]) -> [String] {
        let reply = reply(words)
        #expect(reply.first == "words", "\(words): \(reply)")
        return reply.dropFirst().map { String($0.prefix { $0 != "\t" }) }
    }

    /// The candidates for the last of `words` as `-c`'s value.
    private func commands(_ words: [String]) -> [String] { word(words) }

    @Test("the words of do's command complete like the prompt")
    func oneShotCommandWords() {
        #expect(word(["do", "sw"]) == ["switch"])
        #expect(word(["do", "open", "case", "2"]) == ["256", "2048"])
        #expect(word(["--strict", "do", "open", "contact", "Kenny S"]) == ["Kenny Smith"])
        #expect(word(["do", "open", "contact", "jo"]) == ["josé Núñez"])  // starts as typed; titles match in any case
        #expect(word(["do", "close", "1", "--"]) == ["--yes", "--disposition"])
        #expect(word(["do", "--", "sw"]) == ["switch"])
        #expect(word(["--strict", "do", "echo", ""]).isEmpty)  // script directives are not commands
        #expect(word(["do", "frobnicate", ""]).isEmpty)
    }

    @Test("subcommands, options and their values come from argument-parser's description")
    func subcommandsOptionsAndValues() {
        #expect(word(["--strict", "r"]) == ["run"])
        #expect(Set(word([""])).isSuperset(of: ["prompt", "do", "run", "completions", "export", "import", "-c"]))
        #expect(!word([""]).contains("__complete") && !word([""]).contains("__manual"))
        #expect(word(["--c"]) == ["--color"])
        #expect(word(["run", "--c"]) == ["--color", "--check", "--cast"])
        #expect(word(["--color", "a"]) == ["auto", "always"])
        #expect(word(["--color=a"]) == ["--color=auto", "--color=always"])
        #expect(word(["completions", "b"]) == ["bash"])
        #expect(word(["help", "r"]) == ["run"])
        #expect(word(["--width", ""]).isEmpty)
        #expect(word(["--", ""]).isEmpty)
        #expect(reply(["--world", ""]) == ["files json csv"])
        #expect(reply(["--world=w"]) == ["files json csv"])
        #expect(reply(["--strict", "run", ""]) == ["files omni"])
        #expect(reply(["run", "--cast", "x"]) == ["files cast"])
        #expect(reply(["--state", "s.db", "import", ""]) == ["files json"])
    }

    @Test("bash splits `--color=al` at the `=`: the value is completed alone")
    func bashValuesAfterEquals() {
        let bash = ShellCompletion(shell: .bash, tool: ToolInfo.commandLine)
        #expect(bash.reply(to: ["omnipanel", "--color", "=", "al"], at: 3) == ["words", "always"])
        #expect(bash.reply(to: ["omnipanel", "--color", "="], at: 2) == ["words", "auto", "always", "never"])
        #expect(bash.reply(to: ["omnipanel", "--world", "=", ""], at: 3) == ["files json csv"])
    }

    @Test func dashCCompletesCommandsAfterTheEarlierOnesRan() {
        #expect(commands(["-c", "sw"]) == ["switch"])
        #expect(commands(["-c", "'open case 42; switch P"]) == [#"open case 42; switch Printer\ on\ fire"#])
        #expect(commands(["-c", "\"open contact Jo"]) == [#"open contact José\ Núñez"#])
        #expect(
            commands(["--strict", "-c", "open case "])
                == World.demo.cases.map(\.number).sorted().map { "open case \($0)" })
    }

    @Test func theStateComesFromTheOptionsOnTheLine() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let world = try folder.write(
            #"{"contacts": [], "accounts": [], "cases": [{"number": 7, "title": "Seven"}], "workItems": []}"#,
            to: "w.json"
        ).path
        #expect(commands(["--world", world, "-c", "open case "]) == ["open case 7"])
        #expect(word(["--world=\(world)", "do", "open", "case", ""]) == ["7"])
        #expect(word(["--world", folder.path("missing.json"), "do", "open", "case", "2"]) == ["256", "2048"])
    }

    /// A state file that cannot be read gives no candidates: those of a fresh shift would not be the
    /// ones the command sees.
    @Test func aStateFileThatCannotBeReadOffersNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let link = folder.path("link.db")
        try #require(symlink(folder.path("elsewhere.db"), link) == 0)
        #expect(word(["--state", link, "do", "open", "contact", "Kenny S"]).isEmpty)
        #expect(commands(["--state", link, "-c", "open contact Kenny S"]).isEmpty)
        #expect(word(["--state", folder.path("new.db"), "do", "open", "contact", "Kenny S"]) == ["Kenny Smith"])
    }

    /// bash's words: quoted all alike when any needs it, in the quote the word was begun with, a
    /// character the terminal must not see raw as ANSI-C text. (BashCompletionTests has bash read them.)
    @Test func bashQuoting() {
        #expect(BashQuoting.replacements(["17", "42"], typed: "") == ["17", "42"])
        #expect(BashQuoting.replacements(["Kenny", "Kenny Smith"], typed: "K") == ["'Kenny'", "'Kenny Smith'"])
        #expect(BashQuoting.replacements(["O'Neil"], typed: "O") == [#"'O'\''Neil'"#])
        #expect(BashQuoting.replacements(["ab$x!"], typed: #"a"b"#) == [#""b\$x"'!'"""#])
        #expect(BashQuoting.replacements(["a b"], typed: #"a\ 'b"#) == ["'b'"])
        #expect(BashQuoting.replacements(["a\nb\u{202E}"], typed: "a") == [#"'a'$'\u000A''b'$'\u202E'''"#])
    }
}
