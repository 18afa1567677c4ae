import ArgumentParser
import Testing

@testable import omnipanel

/// Two state files: which one is loaded and saved would be a guess, so neither is.
private let stateTwice = "--state is given 2 times (a.db, b.db); give one state file"

/// The command line as argument-parser parses it with our commands (``Omnipanel``): what each
/// form runs, and the usage errors, in the program's words or argument-parser's.
@Suite struct CommandLineParsingTests {
    private func parse(_ arguments: [String]) throws -> ParsableCommand { try Omnipanel.parseAsRoot(arguments) }

    private func prompt(_ arguments: [String]) throws -> PromptCommand {
        try #require(try parse(arguments) as? PromptCommand)
    }

    private func oneCommand(_ arguments: [String]) throws -> DoCommand {
        try #require(try parse(arguments) as? DoCommand)
    }

    private func run(_ arguments: [String]) throws -> RunCommand {
        try #require(try parse(arguments) as? RunCommand)
    }

    /// Whether `command` is argument-parser's help (its `HelpCommand` is internal).
    private func isHelp(_ command: ParsableCommand) -> Bool { String(describing: type(of: command)) == "HelpCommand" }

    /// The options' values, for comparing two parses.
    private func values(_ options: RunOptions) -> String {
        "\(options.worlds) \(options.color) \(options.width as Int?) \(options.strict) \(options.echo) "
            + "\(options.stateFiles) \(options.format) \(options.quiet)"
    }

    @Test func wordsAfterDoAreOneCommandWithTheirOwnOptions() throws {
        let close = try oneCommand(["--state", "s.db", "do", "close", "1", "--yes"])
        #expect(close.root.options.state == "s.db" && close.words == ["close", "1", "--yes"])
        let odd = try oneCommand(["--state=s.db", "do", "--", "--odd"])
        #expect(odd.root.options.state == "s.db" && odd.words == ["--odd"])
        let notRun = try oneCommand(["do", "run", "x.omni"])  // after `do`, `run` is a word
        #expect(notRun.words == ["run", "x.omni"])
        let traffic = try oneCommand(["do", "traffic", "steady", "--seed", "7", "--format", "json"])
        #expect(traffic.words == ["traffic", "steady", "--seed", "7", "--format", "json"])
        #expect(traffic.root.options.format == .text)  // not the program's --format
        let bare = try prompt(["--state", "s.db"])
        #expect(bare.words.isEmpty && bare.commands == nil && bare.options.state == "s.db")
        #expect(isHelp(try parse(["help", "run"])))  // argument-parser's help
    }

    /// `omnipanel` alone starts without parsing (`Omnipanel.main`): with the options parsing nothing gives.
    @Test func noArgumentsAreTheDefaultOptions() throws {
        let bare = try prompt([])
        #expect(values(bare.options) == values(try RunOptions.parse([])))
        #expect(bare.live.firstGiven == nil && bare.live.speed == 1 && bare.live.traffic == nil)
        #expect(bare.words.isEmpty && bare.commands == nil)
    }

    @Test func everyOptionTakesItsValueSpaceOrEqualsSeparated() throws {
        let spaced = [
            "--world", "w.json", "--world", "c.csv", "--color", "never", "--width", "100", "--strict", "--echo",
            "--format", "json", "--quiet",
        ]
        let joined = [
            "--world=w.json", "--world=c.csv", "--color=never", "--width=100", "--strict", "--echo", "--format=json",
            "--quiet",
        ]
        for arguments in [spaced, joined] {
            let parsed = try prompt(arguments + ["-c", "a; b"])
            let options = parsed.options
            #expect(options.worlds == ["w.json", "c.csv"] && options.color == .never && options.width == 100)
            #expect(options.strict && options.echo && options.format == .json && options.quiet)
            #expect(options.state == nil && parsed.commands == "a; b")
        }
        let live = try prompt(["--traffic", "rush", "--seed=7", "--speed", "2.5", "--scenario", "s.omni"]).live
        #expect(live.traffic == .rush && live.seed == 7 && live.speed == 2.5 && live.scenario == "s.omni")
    }

    @Test func optionsGoBeforeOrAfterTheSubcommandAndAreParsedOnce() throws {
        let before = try run(["--echo", "--world", "a.json", "run", "--world", "w.json", "demo.omni", "--strict"])
        #expect(before.options.echo && before.options.strict && before.options.worlds == ["a.json", "w.json"])
        #expect(before.script == "demo.omni" && !before.check && before.pace == nil)
        let paced = try run(["run", "demo.omni", "--pace", "1.5", "--cast=d.cast"])
        #expect(paced.pace == 1.5 && paced.cast == "d.cast")
        #expect(try run(["run", "--check", "demo.omni"]).check)
        #expect(try run(["run", "--record", "--pace", "0.5", "--cast", "d.cast", "d.omni"]).record)
        #expect(try run(["run", "-"]).script == "-")
        #expect(try run(["run", "--color", "never", "x.omni", "--color", "always"]).options.color == .always)
        let after = try prompt(["-c", "show", "--world", "w.json"])
        #expect(after.options.worlds == ["w.json"] && after.commands == "show")
    }

    @Test func stateTransferTakesTheStateBeforeOrAfter() throws {
        let export = try #require(try parse(["--state", "s.db", "export"]) as? ExportCommand)
        #expect(try export.root.options.onlyStateFile(for: "export") == "s.db")
        let imported = try #require(try parse(["import", "x.json", "--state", "s.db"]) as? ImportCommand)
        #expect(try imported.root.options.onlyStateFile(for: "import") == "s.db" && imported.json == "x.json")
        #expect((try parse(["completions", "zsh"]) as? CompletionsCommand)?.shell == .zsh)
    }

    @Test func helpAndVersionAnswerAtOnceWithStatusZero() throws {
        for arguments in [["--help"], ["--world", "w.json", "-h"], ["run", "--help"], ["help"], ["help", "do"]] {
            #expect(isHelp(try parse(arguments)), "\(arguments)")  // whatever else is on the line
        }
        for arguments in [["--version"], ["do", "--help"]] {
            do {
                _ = try parse(arguments)
                Issue.record("\(arguments) parsed")
            } catch {
                #expect(Omnipanel.exitCode(for: error) == .success)
                #expect(arguments != ["--version"] || Omnipanel.fullMessage(for: error) == "0.1.0")
            }
        }
    }

    @Test(
        arguments: [
            (["accept"], "'accept' is a panel command: give it after 'do' (omnipanel [<options>] do accept …)"),
            (["--state", "s.db", "close", "1", "--yes"], "'close' is a panel command: give it after 'do'"),
            (["do"], "do needs a panel command, e.g. 'do show'"),
            (["do", "--world", "w.json", "show"], "'--world' goes before 'do'"),
            (["--bogus"], "Unknown option '--bogus'"),
            (["--colr", "never"], "Unknown option '--colr'. Did you mean '--color'?"),
            (["--state", "s.db", "--qiet", "do", "show"], "Unknown option '--qiet'. Did you mean '--quiet'?"),
            (["--tarffic=rush"], "Unknown option '--tarffic'. Did you mean '--traffic'?"),
            (["--world"], "Missing value for '--world <file>'"),
            (["--strict=yes"], "The option '--strict' does not take any value, but 'yes' was specified."),
            (["--color", "purple"], "The value 'purple' is invalid for '--color <when>'"),
            (["--format", "yaml", "do", "show"], "The value 'yaml' is invalid for '--format <format>'"),
            (["--width", "wide"], "The value 'wide' is invalid for '--width <columns>'"),
            (["--width", "5"], "--width takes at least 20 columns, not 5"),
            (["--state", ""], "--state needs a file name, not ''"),
            (["-c", "show", "do", "accept"], "-c does not go with do"),
            (["-c", "show", "run", "x.omni"], "-c does not go with run"),
            (["--traffic", "rush", "do", "accept"], "--traffic does not go with do"),
            (
                ["--traffic", "rush", "-c", "show"],
                "--traffic, --seed, --scenario and --speed start the interactive prompt, not -c's commands"
            ),
            (["--seed", "7"], "--seed goes with --traffic: --traffic <profile> --seed <number>"),
            (["run"], "Missing expected argument '<script>'"),
            (["run", "a.omni", "b.omni"], "Unexpected argument 'b.omni'"),
            (["run", "--check", "--record", "x.omni"], "--check and --record do not go together"),
            (["run", "--pace", "61", "x.omni"], "--pace takes 0 to 60 seconds, not 61.0"),
            (["run", "--pace", "1", "--format", "json", "x.omni"], "--pace plays back text, not json"),
            (["run", "--check", "-"], "--check, --record and --cast need a script file, not '-'"),
            (["run", "--cast", "x.cast", "-"], "--check, --record and --cast need a script file, not '-'"),
            (["run", "--check", "--cast", "x.cast", "x.omni"], "--cast records a playback, not --check"),
            (
                ["run", "--cast", "x.cast", "--report", "x.omni"],
                "--report goes with a plain run, not --check, --record or --cast"
            ),
            (
                ["run", "--record", "--state", "s.db", "x.omni"],
                "--check, --record and --cast run from a fresh state in text; drop --pace, --state and --format"
            ),
            (["completions", "tcsh"], "The value 'tcsh' is invalid for '<shell>'"),
            (["completions"], "Missing expected argument '<shell>'"),
            (["--world", "w.json", "completions", "bash"], "--world does not go with completions"),
            (["export"], "export needs --state <file>"),
            (["--world", "w.json", "--state", "s.db", "export"], "--world does not go with export"),
            (["--state", "a.db", "--state", "b.db", "do", "show"], stateTwice),
            (["--state", "a.db", "--state=b.db"], stateTwice),
            (["--state", "a.db", "run", "--state", "b.db", "x.omni"], stateTwice),
            (["run", "x.omni", "--state", "a.db", "--state", "b.db"], stateTwice),
            (["--state", "a.db", "export", "--state", "b.db"], stateTwice),
            (["import", "x.json", "--state", "a.db", "--state", "b.db"], stateTwice),
            (["__complete", "bash", "0", "omnipanel"], "<index> is the place of a word after the program's name"),
            (
                ["__complete", "bash", "3", "omnipanel", "-c"],
                "<index> is the place of a word after the program's name"
            ),
            (["__complete", "tcsh", "1", "omnipanel", ""], "The value 'tcsh' is invalid for '<shell>'"),
        ] as [([String], String)])
    func usageErrorsNameTheProblem(arguments: [String], message: String) {
        do {
            _ = try parse(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(Omnipanel.exitCode(for: error) == .validationFailure, "\(arguments)")
            #expect(Omnipanel.message(for: error).hasPrefix(message), "\(arguments): \(Omnipanel.message(for: error))")
        }
    }
}
