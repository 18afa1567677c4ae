import ArgumentParser
import SessionPanel

/// What `omnipanel` does without a subcommand (argument-parser's default subcommand, hidden): one
/// command given as words, `-c`, a script on standard input, or the prompt on a terminal.
///
/// The words are captured for passthrough: after the first word, everything is the command's, its
/// own options included (`omnipanel --state s.db close 1 --yes`). argument-parser stops the root's
/// parsing at that first word, so `run`, `export` and the rest still work as subcommands.
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__prompt", abstract: "The prompt, a script on standard input, -c, or one command.",
        shouldDisplay: false)

    /// The root's options (decoded once, by the root); declared here too so that argument-parser
    /// suggests them for a misspelt option (`--colr`: did you mean `--color`?).
    @OptionGroup var panel: PanelOptions<Omnipanel>
    @OptionGroup var start: StartOptions

    @Argument(
        help: ArgumentHelp("One shell command, e.g. accept.", valueName: "command"),
        completion: .custom(CommandLineCompletion.commandWord))
    var command: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Its words.", valueName: "word"))
    var words: [String] = []

    func validate() throws {
        if start.commands != nil, command != nil {
            throw ValidationError("give one command as words or several with -c, not both")
        }
        if start.live.isGiven, start.commands != nil || command != nil {
            throw ValidationError(
                "--traffic, --seed, --scenario and --speed start the interactive prompt, not commands")
        }
    }

    func run() throws {
        let input: CommandSource =
            if let command { .words([command] + words) } else { start.commands.map { .commands($0) } ?? .standardInput }
        var options = panel.merged()
        options.live = start.live
        let status = try Self.run(options, input)
        if status != 0 { throw ExitStatus(status) }
    }

    /// One command given as words, `-c`, a script on standard input, or the prompt on a terminal.
    static func run(_ options: RunOptions, _ input: CommandSource) throws -> Int32 {
        let interactive = input == .standardInput && Terminal.isInteractive
        if interactive, options.format != .text { throw UsageError("--format json needs a command, -c or a script") }
        if !interactive, options.live.isGiven {
            throw UsageError(
                "--traffic, --seed, --scenario and --speed need a terminal for the prompt; a script writes `traffic …` and `at …` lines, or runs with `omnipanel run FILE`"
            )
        }
        let shell = try RunContext(options: options, interactive: interactive)
        switch input {
        case .words(let words):
            return shell.runScript(named: "<command>", lines: [InputLine(words: words)])
        case .commands(let commands):
            return shell.runScript(
                named: "-c", lines: TokenizedLine.splitCommands(commands).map { InputLine(Array($0.utf8)) })
        case .standardInput:
            if interactive { return Prompt(context: shell).run() }
            return shell.runScript(named: "<stdin>", lines: LineReader(descriptor: .standardInput))
        }
    }
}

/// `omnipanel help [<command>]` (hidden): the shell's `help`, as one-shot words, as before the move
/// to argument-parser, whose own `help` subcommand this one comes before (`--help` is argument-parser's).
/// `omnipanel help run` (a subcommand, as argument-parser's help page suggests) prints its `--help`.
struct PromptHelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "The shell's commands, or one command's help.", shouldDisplay: false)

    @OptionGroup var panel: PanelOptions<Omnipanel>

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("A command or topic.", valueName: "word"))
    var words: [String] = []

    func run() throws {
        let subcommand = Omnipanel.configuration.subcommands.first { subcommand in
            subcommand.configuration.shouldDisplay && subcommand.configuration.commandName == words.first
        }
        if let subcommand, words.count == 1 {
            Output.print([Omnipanel.helpMessage(for: subcommand)])
            return
        }
        let shell = try RunContext(options: panel.merged())
        let status = shell.runScript(named: "<command>", lines: [InputLine(words: ["help"] + words)])
        if status != 0 { throw ExitStatus(status) }
    }
}
