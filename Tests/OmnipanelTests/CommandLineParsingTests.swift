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

    private func run(_ arguments: [String]) throws -> RunCommand {
        try #require(try parse(arguments) as? RunCommand)
    }

    @Test func wordsAfterTheOptionsAreOneCommandWithTheirOwnOptions() throws {
        let close = try prompt(["--state", "s.db", "close", "1", "--yes"])
        #expect(close.root.panel.state == ["s.db"] && close.words == ["close", "1", "--yes"])
        let odd = try prompt(["--state=s.db", "--", "--odd"])
        #expect(odd.root.panel.state == ["s.db"] && odd.words == ["--odd"])
        let notRun = try prompt(["--", "run", "x.omni"])  // `--` ends the options: `run` is a word
        #expect(notRun.words == ["run", "x.omni"])
        let traffic = try prompt(["traffic", "steady", "--seed", "7"])  // not the root's --seed
        #expect(traffic.root.start.seed == nil && traffic.words == ["traffic", "steady", "--seed", "7"])
        let bare = try prompt(["--state", "s.db"])
        #expect(bare.words.isEmpty && bare.root.start.commands == nil)
        let help = try #require(try parse(["help", "run"]) as? PromptHelpCommand)  // the shell's help, not ours
        #expect(help.words == ["run"])
    }

    /// `omnipanel` alone starts without parsing (`Omnipanel.main`): with the options parsing nothing gives.
    @Test func noArgumentsAreTheDefaultOptions() throws {
        let bare = try prompt([])
        var options = bare.root.panel.merged()
        options.live = bare.root.start.live
        #expect(options == RunOptions() && bare.words.isEmpty && bare.root.start.commands == nil)
    }

    @Test func everyOptionTakesItsValueSpaceOrEqualsSeparated() throws {
        var expected = RunOptions()
        expected.worlds = ["w.json", "c.csv"]
        expected.color = .never
        expected.width = 100
        expected.strict = true
        expected.echo = true
        expected.format = .json
        expected.quiet = true
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
            #expect(parsed.root.panel.merged() == expected && parsed.root.start.commands == "a; b")
        }
        let live = try prompt(["--traffic", "rush", "--seed=7", "--speed", "2.5", "--scenario", "s.omni"])
        #expect(live.root.start.live.trafficCommand == "traffic rush --seed 7")
        #expect(live.root.start.live.speed == 2.5 && live.root.start.live.scenario == "s.omni")
    }

    @Test func runTakesTheOptionsBeforeAndAfterItAndOneScript() throws {
        let before = try run(["--echo", "--world", "a.json", "run", "--world", "w.json", "demo.omni", "--strict"])
        let options = before.root.panel.merged(with: before.panel)
        #expect(options.echo && options.strict && options.worlds == ["a.json", "w.json"])
        #expect(before.script == "demo.omni" && !before.check && before.pace == nil)
        let paced = try run(["run", "demo.omni", "--pace", "1.5", "--cast=d.cast"])
        #expect(paced.pace == 1.5 && paced.cast == "d.cast")
        #expect(try run(["run", "--check", "demo.omni"]).check)
        #expect(try run(["run", "--record", "--pace", "0.5", "--cast", "d.cast", "d.omni"]).record)
        #expect(try run(["run", "-"]).script == "-")
        #expect(try run(["run", "--color", "never", "x.omni", "--color", "always"]).panel.color == .always)
    }

    @Test func stateTransferTakesTheStateBeforeOrAfter() throws {
        let export = try #require(try parse(["--state", "s.db", "export"]) as? ExportCommand)
        #expect(try export.state.path(given: export.root, to: "export") == "s.db")
        let imported = try #require(try parse(["import", "x.json", "--state", "s.db"]) as? ImportCommand)
        #expect(try imported.state.path(given: imported.root, to: "import") == "s.db" && imported.json == "x.json")
        #expect((try parse(["completions", "zsh"]) as? CompletionsCommand)?.shell == .zsh)
    }

    @Test func helpAndVersionAnswerAtOnceWithStatusZero() throws {
        for arguments in [["--help"], ["--world", "w.json", "-h"], ["run", "--help"], ["help"]] {
            let command = try parse(arguments)  // argument-parser's help, whatever else is on the line
            #expect(
                String(describing: type(of: command)) == (arguments == ["help"] ? "PromptHelpCommand" : "HelpCommand"))
        }
        do {
            _ = try parse(["--version"])
            Issue.record("--version parsed")
        } catch {
            #expect(Omnipanel.exitCode(for: error) == .success)
            #expect(Omnipanel.fullMessage(for: error) == "0.1.0")
        }
    }

    @Test(
        arguments: [
            (["--bogus"], "Unknown option '--bogus'"),
            (["--colr", "never"], "Unknown option '--colr'. Did you mean '--color'?"),
            (["--state", "s.db", "--qiet", "show"], "Unknown option '--qiet'. Did you mean '--quiet'?"),
            (["--tarffic=rush"], "Unknown option '--tarffic'. Did you mean '--traffic'?"),
            (["--world"], "Missing value for '--world <file>'"),
            (["--strict=yes"], "The option '--strict' does not take any value, but 'yes' was specified."),
            (["--color", "purple"], "The value 'purple' is invalid for '--color <when>'"),
            (["--format", "yaml", "show"], "The value 'yaml' is invalid for '--format <format>'"),
            (["--width", "wide"], "The value 'wide' is invalid for '--width <columns>'"),
            (["--width", "5"], "--width takes at least 20 columns, not 5"),
            (["--state", ""], "--state needs a file name, not ''"),
            (["-c", "show", "accept"], "give one command as words or several with -c, not both"),
            (["-c", "show", "run", "x.omni"], "-c does not go with run"),
            (
                ["--traffic", "rush", "accept"],
                "--traffic, --seed, --scenario and --speed start the interactive prompt"
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
            (["--state", "a.db", "--state", "b.db", "show"], stateTwice),
            (["--state", "a.db", "--state=b.db"], stateTwice),
            (["--state", "a.db", "run", "--state", "b.db", "x.omni"], stateTwice),
            (["run", "x.omni", "--state", "a.db", "--state", "b.db"], stateTwice),
            (["--state", "a.db", "export", "--state", "b.db"], stateTwice),
            (["import", "x.json", "--state", "a.db", "--state", "b.db"], stateTwice),
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
