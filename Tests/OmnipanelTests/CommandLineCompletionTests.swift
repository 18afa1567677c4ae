import Foundation
import SessionPanel
import TestSupport
import Testing

@testable import omnipanel

/// The candidates the completion scripts get from the binary (``CommandLineCompletion``), for the
/// words of a one-shot command and for `-c`, on the state the options on the line describe.
@Suite struct CommandLineCompletionTests {
    /// The candidates for the last of `words` (after `omnipanel`) as a one-shot command word.
    private func word(_ words: [String]) -> [String] {
        CommandLineCompletion.commandWord(["omnipanel"] + words, words.count, words.last ?? "")
    }

    /// The candidates for the last of `words` as `-c`'s value.
    private func commands(_ words: [String]) -> [String] {
        CommandLineCompletion.commandList(["omnipanel"] + words, words.count, words.last ?? "")
    }

    @Test("the words of a one-shot command complete like the prompt")
    func oneShotCommandWords() {
        #expect(word(["sw"]) == ["switch"])
        #expect(word(["open", "case", "2"]) == ["256", "2048"])
        #expect(word(["--strict", "open", "contact", "Kenny S"]) == ["Kenny Smith"])
        #expect(word(["open", "contact", "jo"]) == ["josé Núñez"])  // starts as typed; titles match in any case
        #expect(word(["close", "1", "--"]) == ["--yes", "--disposition"])
        #expect(word(["--strict", "echo", ""]).isEmpty)  // script directives are not commands
        #expect(word(["frobnicate", ""]).isEmpty)
    }

    @Test("the first word offers the subcommands too; other words are left to the script")
    func notACommandWord() {
        #expect(word(["--strict", "r"]) == ["run", "reject", "reply", "report"])
        #expect(word([""]).isEmpty)  // the script lists the subcommands and options
        #expect(word(["--c"]).isEmpty)
        #expect(word(["--world", ""]).isEmpty)  // a value: files
        #expect(word(["run", ""]).isEmpty)  // run's script
        #expect(word(["completions", "b"]).isEmpty)
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
        #expect(word(["--world=\(world)", "open", "case", ""]) == ["7"])
        #expect(word(["--world", folder.path("missing.json"), "open", "case", "2"]) == ["256", "2048"])
    }

    /// A state file that cannot be read gives no candidates: those of a fresh shift would not be the
    /// ones the command sees.
    @Test func aStateFileThatCannotBeReadOffersNothing() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let link = folder.path("link.db")
        try #require(symlink(folder.path("elsewhere.db"), link) == 0)
        #expect(word(["--state", link, "open", "contact", "Kenny S"]).isEmpty)
        #expect(commands(["--state", link, "-c", "open contact Kenny S"]).isEmpty)
        #expect(word(["--state", folder.path("new.db"), "open", "contact", "Kenny S"]) == ["Kenny Smith"])
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
