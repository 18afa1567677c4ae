import ArgumentParser
import SessionPanel

/// What `omnipanel` does without a subcommand (argument-parser's default subcommand, hidden): one
/// command given as words, `-c`, a script on standard input, or the prompt on a terminal.
///
/// The words are captured for passthrough: after the first word, everything is the command's, its
/// own options included (`omnipanel --state s.db close 1 --yes`). argument-parser stops the root's
/// parsing at that first word, so `run`, `export` and the rest still work as subcommands. An
/// unknown option stops it too and arrives here as the first word: ``RootOptions`` names it.
///
/// It declares no options of its own (the root's are read through `@ParentCommand`): argument-parser
/// builds each command's argument set by reflection several times per start, and the root's
/// thirteen options declared here again cost about a third of the parse (README: Performance).
struct PromptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "__prompt", abstract: "The prompt, a script on standard input, -c, or one command.",
        shouldDisplay: false)

    /// The options given before the words: the root's.
    @ParentCommand var root: Omnipanel

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("One panel command and its words, e.g. accept.", valueName: "command"),
        completion: .custom(CommandLineCompletion.commandWord))
    var arguments: [String] = []

    /// The command's words: what followed the options, without the `--` that may have ended them.
    var words: [String] { arguments.first == "--" ? Array(arguments.dropFirst()) : arguments }

    func validate() throws {
        if let first = arguments.first, first.hasPrefix("-"), first != "-", first != "--" {
            throw RootOptions.unknown(first)
        }
        if root.start.commands != nil, !words.isEmpty {
            throw ValidationError("give one command as words or several with -c, not both")
        }
        if root.start.live.isGiven, root.start.commands != nil || !words.isEmpty {
            throw ValidationError(
                "--traffic, --seed, --scenario and --speed start the interactive prompt, not commands")
        }
    }

    func run() throws {
        let input: CommandSource =
            words.isEmpty ? root.start.commands.map { .commands($0) } ?? .standardInput : .words(words)
        var options = root.panel.merged()
        options.live = root.start.live
        let status = try Self.run(options, input)
        if status != 0 { throw ExitStatus(status) }
    }

    /// One command given as words, `-c`, a script on standard input, or the prompt on a terminal.
    static func run(_ options: RunOptions, _ input: CommandSource) throws -> Int32 {
        let interactive = input == .standardInput && Terminal.isInteractive
        if interactive, options.format != .text { throw UsageError("--format json needs a command, -c or a script") }
        if !interactive, options.live.isGiven {
            throw UsageError(
                "--traffic, --seed, --scenario and --speed need a terminal for the prompt; a script writes 'traffic …' and 'at …' lines, or runs with 'omnipanel run FILE'"
            )
        }
        let context = try RunContext(options: options, interactive: interactive)
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

/// `omnipanel help [<command>]` (hidden): the panel's `help`, as one-shot words, as before the move
/// to argument-parser, whose own `help` subcommand this one comes before (`--help` is argument-parser's).
/// `omnipanel help run` (a subcommand, as argument-parser's help page suggests) prints its `--help`.
struct PromptHelpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "help", abstract: "The panel commands, or one command's help.", shouldDisplay: false)

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
        let context = try RunContext(options: panel.merged())
        let status = context.runScript(named: "<command>", lines: [InputLine(words: ["help"] + words)])
        if status != 0 { throw ExitStatus(status) }
    }
}

/// The root's options alone, for argument-parser to name an unknown option that reached the command
/// words and suggest the closest (`--colr`: "Did you mean '--color'?"). Parsed only then.
struct RootOptions: ParsableArguments {
    @OptionGroup var panel: PanelOptions<Omnipanel>
    @OptionGroup var start: StartOptions

    init() {}

    /// The error for `option`, in argument-parser's words; `--help` and `--version` answer as usual.
    static func unknown(_ option: String) -> Error {
        if option == "--version" { return CleanExit.message(Omnipanel.configuration.version) }
        do {
            _ = try parse([option])
        } catch {
            if exitCode(for: error) == .success { return CleanExit.helpRequest(Omnipanel.self) }
            return ValidationError(message(for: error))
        }
        return ValidationError("Unknown option '\(option)'")
    }
}
