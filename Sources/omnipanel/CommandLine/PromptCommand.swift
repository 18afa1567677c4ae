import ArgumentParser
import SessionPanel

/// `omnipanel [prompt]` (the default subcommand): the prompt on a terminal, a script on standard
/// input, or `-c`'s commands; `--traffic`, `--scenario` and the rest start the prompt with a live shift.
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prompt", abstract: "The prompt, a script on standard input, or -c's commands.")

    @OptionGroup var options: RunOptions

    @Option(
        name: .customShort("c"),
        help: ArgumentHelp("Run these commands, separated by ';', and exit.", valueName: "commands"))
    var commands: String?

    @OptionGroup(title: "Live shift") var live: LiveShiftOptions

    /// Words after the options, which the prompt does not take: a panel command's are refused with
    /// the way to run it (`omnipanel do accept`), and a subcommand's after `-c` or a live option
    /// with what does not go with it.
    @Argument(help: .hidden) var words: [String] = []

    func validate() throws {
        if let first = words.first {
            if CommandTable.spec(for: first) != nil {
                throw ValidationError(
                    "'\(first)' is a panel command: give it after 'do' (omnipanel [<options>] do \(first) …)")
            }
            let given = commands.map { _ in "-c" } ?? live.firstGiven
            if let given, Omnipanel.configuration.subcommands.contains(where: { $0._commandName == first }) {
                throw ValidationError("\(given) does not go with \(first)")
            }
        }
        if commands != nil, live.firstGiven != nil {
            throw ValidationError(
                "--traffic, --seed, --scenario and --speed start the interactive prompt, not -c's commands")
        }
    }

    func run() throws {
        if let word = words.first { throw UsageError("Unexpected argument '\(word)'") }
        let status = try Self.run(options, live, commands.map { .commands($0) } ?? .standardInput)
        if status != 0 { throw ExitStatus(status) }
    }

    /// One command given as words, `-c`, a script on standard input, or the prompt on a terminal.
    static func run(_ options: RunOptions, _ live: LiveShiftOptions, _ input: CommandSource) throws -> Int32 {
        let interactive = input == .standardInput && Terminal.isInteractive
        if interactive, options.format != .text { throw UsageError("--format json needs a command, -c or a script") }
        if !interactive, live.firstGiven != nil {
            throw UsageError(
                "--traffic, --seed, --scenario and --speed need a terminal for the prompt; a script writes 'traffic …' and 'at …' lines, or runs with 'omnipanel run FILE'"
            )
        }
        let context = try RunContext(options: options, live: live, interactive: interactive)
        switch input {
        case .words(let words):
            return context.runScript(named: "<command>", lines: [InputLine(words: words)])
        case .commands(let commands):
            return context.runScript(
                named: "-c", lines: TokenizedLine.splitCommands(commands).map { InputLine(Array($0.utf8)) })
        case .standardInput:
            if interactive { return Prompt(context: context).run() }
            return context.runScript(named: "<stdin>", lines: LineReader(descriptor: .standardInput))
        }
    }
}

/// `omnipanel [<options>] do <command> …`: one panel command, given as words. Everything after `do`
/// is the command's, its own options too (`omnipanel --state s.db do close 1 --yes`), so the
/// program's options go before `do`.
struct DoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "do", abstract: "Run one panel command, given as words (omnipanel do help lists them).",
        usage: "omnipanel [<options>] do <command> ...")

    /// The options, given before `do`.
    @ParentCommand var root: Omnipanel

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("A panel command and its words, e.g. accept, or close 1 --yes.", valueName: "command"))
    var arguments: [String] = []

    /// The command's words, without a `--` that may start them.
    var words: [String] { arguments.first == "--" ? Array(arguments.dropFirst()) : arguments }

    func validate() throws {
        guard let first = words.first else { throw ValidationError("do needs a panel command, e.g. 'do show'") }
        if arguments.first == "--help" || arguments.first == "-h" { throw CleanExit.helpRequest(self) }
        if first.hasPrefix("-"), arguments.first != "--" {
            throw ValidationError("'\(first)' goes before 'do': omnipanel [<options>] do <command> ...")
        }
    }

    func run() throws {
        let status = try PromptCommand.run(root.options, .parse([]), .words(words))
        if status != 0 { throw ExitStatus(status) }
    }
}
