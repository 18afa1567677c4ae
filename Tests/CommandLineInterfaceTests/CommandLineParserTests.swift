import CommandLineInterface
import SessionPanel
import Testing

@Suite struct CommandLineParserTests {
    private func parse(_ arguments: [String]) throws -> Invocation { try CommandLineParser.parse(arguments) }

    @Test func wordsAfterTheOptionsAreOneCommandWithTheirOwnOptions() throws {
        var options = ShellOptions()
        options.state = "s.json"
        #expect(
            try parse(["--state", "s.json", "close", "1", "--yes"]) == .shell(options, .words(["close", "1", "--yes"])))
        #expect(try parse(["--state=s.json", "--", "--odd"]) == .shell(options, .words(["--odd"])))
        #expect(try parse(["--state", "s.json"]) == .shell(options, .standardInput))
        #expect(try parse(["help", "run"]) == .shell(ShellOptions(), .words(["help", "run"])))
    }

    @Test func everyShellOptionTakesItsValueSpaceOrEqualsSeparated() throws {
        var options = ShellOptions()
        options.worlds = ["w.json"]
        options.color = .never
        options.width = 100
        options.strict = true
        options.echo = true
        options.format = .json
        options.quiet = true
        let spaced = [
            "--world", "w.json", "--color", "never", "--width", "100", "--strict", "--echo", "--format", "json",
            "--quiet",
        ]
        let joined = [
            "--world=w.json", "--color=never", "--width=100", "--strict", "--echo", "--format=json", "--quiet",
        ]
        #expect(try parse(spaced + ["-c", "a; b"]) == .shell(options, .commands("a; b")))
        #expect(try parse(joined + ["-c", "a; b"]) == .shell(options, .commands("a; b")))
    }

    @Test func runTakesTheShellOptionsBeforeAndAfterItAndOneScript() throws {
        var options = ShellOptions()
        options.echo = true
        options.worlds = ["w.json"]
        #expect(
            try parse(["--echo", "run", "--world", "w.json", "demo.omni"])
                == .run(options, RunScript(path: "demo.omni", mode: .play(pace: nil))))
        #expect(
            try parse(["run", "demo.omni", "--pace", "1.5"])
                == .run(ShellOptions(), RunScript(path: "demo.omni", mode: .play(pace: 1.5))))
        #expect(
            try parse(["run", "--check", "demo.omni"])
                == .run(ShellOptions(), RunScript(path: "demo.omni", mode: .check)))
        options.echo = false
        #expect(
            try parse(["run", "--record", "--world", "w.json", "d.omni"])
                == .run(options, RunScript(path: "d.omni", mode: .record(pace: 1))))
        #expect(try parse(["run", "-"]) == .run(ShellOptions(), RunScript(path: "-", mode: .play(pace: nil))))
        #expect(
            try parse(["run", "--pace", "2", "--cast", "d.cast", "d.omni"])
                == .run(ShellOptions(), RunScript(path: "d.omni", mode: .play(pace: 2), cast: "d.cast")))
        #expect(
            try parse(["run", "--record", "--cast=d.cast", "d.omni"])
                == .run(ShellOptions(), RunScript(path: "d.omni", mode: .record(pace: 1), cast: "d.cast")))
        #expect(
            try parse(["run", "--record", "--pace", "0.5", "--cast", "d.cast", "d.omni"])
                == .run(ShellOptions(), RunScript(path: "d.omni", mode: .record(pace: 0.5), cast: "d.cast")))
    }

    @Test func helpVersionAndCompletionsAnswerAtOnce() throws {
        #expect(try parse(["--help"]) == .help(CommandLineTable.root))
        #expect(try parse(["--world", "w.json", "-h", "--bogus"]) == .help(CommandLineTable.root))
        #expect(try parse(["run", "--help"]) == .help(CommandLineTable.run))
        #expect(try parse(["completions", "--help"]) == .help(CommandLineTable.completions))
        #expect(try parse(["--version"]) == .version)
        #expect(try parse(["completions", "zsh"]) == .printCompletionScript(.zsh))
        #expect(try parse(["__complete", "fish", "--color", ""]) == .complete(.fish, words: ["--color", ""]))
    }

    @Test(arguments: [
        (["--bogus"], "unknown option '--bogus'", "omnipanel"),
        (["--colr", "never"], "unknown option '--colr'; did you mean '--color'?", "omnipanel"),
        (["--check", "x.omni"], "unknown option '--check'; it is an option of 'omnipanel run'", "omnipanel"),
        (["--world"], "--world needs a value: --world <file>", "omnipanel"),
        (["--world", "--strict"], "--world needs a value: --world <file>", "omnipanel"),
        (["--strict=yes"], "--strict takes no value", "omnipanel"),
        (["--color", "purple"], "--color takes auto, always or never, not 'purple'", "omnipanel"),
        (["--format", "yaml", "show"], "--format takes text or json, not 'yaml'", "omnipanel"),
        (["--width", "wide"], "--width takes a number of columns, not 'wide'", "omnipanel"),
        (["-c", "show", "accept"], "give one command as words or several with -c, not both", "omnipanel"),
        (["-c", "show", "run", "x.omni"], "-c does not go with run", "omnipanel run"),
        (["run"], "missing <script>: the script to run ('-' for standard input)", "omnipanel run"),
        (["run", "a.omni", "b.omni"], "unexpected argument 'b.omni'", "omnipanel run"),
        (["run", "--check", "--record", "x.omni"], "--check and --record do not go together", "omnipanel run"),
        (["run", "--pace", "-1", "x.omni"], "--pace takes 0 to 60 seconds, not '-1'", "omnipanel run"),
        (["run", "--pace", "61", "x.omni"], "--pace takes 0 to 60 seconds, not '61'", "omnipanel run"),
        (["run", "--pace", "1", "--format", "json", "x.omni"], "--pace plays back text, not json", "omnipanel run"),
        (["run", "--check", "-"], "--check and --record need a script file, not '-'", "omnipanel run"),
        (
            ["run", "--cast", "x.cast", "x.omni"], "--cast records a playback: give it with --pace or --record",
            "omnipanel run"
        ),
        (
            ["run", "--check", "--cast", "x.cast", "x.omni"],
            "--cast records a playback: give it with --pace or --record", "omnipanel run"
        ),
        (
            ["run", "--record", "--pace", "1", "x.omni"],
            "--check and --record run from a fresh state in text; drop --pace, --state and --format", "omnipanel run"
        ),
        (
            ["run", "--record", "--state", "s.json", "x.omni"],
            "--check and --record run from a fresh state in text; drop --pace, --state and --format", "omnipanel run"
        ),
        (["completions", "tcsh"], "unknown shell 'tcsh'; choose bash, zsh or fish", "omnipanel completions"),
        (["completions"], "missing <shell>: the shell: bash, zsh or fish", "omnipanel completions"),
    ])
    func usageErrorsNameTheProblemAndTheHelpToRead(arguments: [String], message: String, command: String) {
        #expect(throws: UsageError(message, in: Self.command(named: command))) {
            try CommandLineParser.parse(arguments)
        }
    }

    @Test func aUsageErrorIsOneLineAndAHint() {
        let error = UsageError("--pace takes 0 to 60 seconds, not '-1'", in: CommandLineTable.run)
        #expect(
            error.lines == [
                "omnipanel: --pace takes 0 to 60 seconds, not '-1'", "Run 'omnipanel run --help' for usage.",
            ])
    }

    private static func command(named name: String) -> CommandLineCommand {
        ([CommandLineTable.root] + CommandLineTable.subcommands).first { $0.fullName == name }!
    }
}
