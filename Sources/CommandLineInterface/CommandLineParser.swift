import SessionPanel

/// Turns the program's arguments into an ``Invocation``, reading every option and subcommand from
/// the ``CommandLineTable``. Options come before command words (`omnipanel --state s.json close 1
/// --yes`: `--yes` belongs to the command); `run` takes its options anywhere.
public struct CommandLineParser {
    /// Parses the arguments after the program's name.
    public static func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        if arguments.first == CommandLineTable.completeCommand {
            guard let name = arguments.dropFirst().first, let shell = CompletionShell(rawValue: name) else {
                throw UsageError(
                    "\(CommandLineTable.completeCommand) needs a shell: \(listed(CompletionShell.allCases.map { $0.rawValue }))"
                )
            }
            return .complete(shell, words: Array(arguments.dropFirst(2)))
        }
        if arguments == [CommandLineTable.manualCommand] { return .printManual }
        var parser = CommandLineParser(arguments: arguments[...])
        return try parser.parse()
    }

    private var arguments: ArraySlice<String>
    private var command = CommandLineTable.root
    private var isRoot = true
    private var options = ShellOptions()
    /// The options given so far, to check that a subcommand takes those given before it.
    private var given: [OptionSpec] = []
    private var commands: String?
    private var check = false
    private var record = false
    private var pace: Double?
    private var cast: String?
    private var report = false
    private var positionals: [String] = []

    private init(arguments: ArraySlice<String>) { self.arguments = arguments }

    private mutating func parse() throws(UsageError) -> Invocation {
        while let argument = arguments.popFirst() {
            if argument == "--" {
                positionals += arguments
                break
            }
            if argument.hasPrefix("-"), argument != "-" {
                if let early = try option(argument) { return early }
                continue
            }
            if isRoot, let subcommand = CommandLineTable.subcommands.first(where: { $0.name == argument }) {
                try enter(subcommand)
                continue
            }
            positionals.append(argument)
            if isRoot {  // the words of one command, options and all
                positionals += arguments
                break
            }
        }
        return try finish()
    }

    /// Reads one option and its value. Returns the invocation when the option answers at once (`--help`).
    private mutating func option(_ argument: String) throws(UsageError) -> Invocation? {
        let equals = argument.hasPrefix("--") ? argument.firstIndex(of: "=") : nil
        let spelling = equals.map { String(argument[..<$0]) } ?? argument
        let inline = equals.map { String(argument[argument.index(after: $0)...]) }
        guard let spec = command.option(spelled: spelling) else { throw unknownOption(spelling) }
        switch spec.key {
        case .help: return .help(command)
        case .version: return .version
        default: break
        }
        var value = ""
        if let placeholder = spec.value.placeholder {
            if let inline {
                value = inline
            } else if let next = arguments.first, command.option(spelled: next) == nil {
                value = next
                arguments.removeFirst()
            } else {
                throw UsageError("\(spec.name) needs a value: \(spec.name) <\(placeholder)>", in: command)
            }
        } else if inline != nil {
            throw UsageError("\(spec.name) takes no value", in: command)
        }
        if case .file = spec.value, value.isEmpty {
            throw UsageError("\(spec.name) needs a file name, not ''", in: command)
        }
        try apply(spec, value)
        given.append(spec)
        return nil
    }

    private mutating func apply(_ spec: OptionSpec, _ value: String) throws(UsageError) {
        switch spec.key {
        case .world: options.worlds.append(value)
        case .state: options.state = value
        case .color: options.color = try choice(value, for: spec)
        case .format: options.format = try choice(value, for: spec)
        case .width:
            guard let columns = Int(value), columns > 0 else {
                throw UsageError("--width takes a number of columns, not '\(value)'", in: command)
            }
            guard columns >= RenderStyle.narrowest else {
                throw UsageError("--width takes at least \(RenderStyle.narrowest) columns, not \(columns)", in: command)
            }
            options.width = columns
        case .strict: options.strict = true
        case .echo: options.echo = true
        case .quiet: options.quiet = true
        case .commands: commands = value
        case .cast: cast = value
        case .check: check = true
        case .record: record = true
        case .report: report = true
        case .pace:
            guard let seconds = Double(value), (0...60).contains(seconds) else {
                throw UsageError("--pace takes 0 to 60 seconds, not '\(value)'", in: command)
            }
            pace = seconds
        case .traffic:
            guard spec.value.choices.contains(value) else {
                throw UsageError(
                    "--traffic takes \(Self.listed(spec.value.choices)), not '\(VisibleText.escaped(value))'",
                    in: command)
            }
            options.live.traffic = value
        case .scenario: options.live.scenario = value
        case .seed:
            guard let seed = UInt64(value) else {
                throw UsageError(
                    "--seed takes a whole number from 0 to \(UInt64.max), not '\(VisibleText.escaped(value))'",
                    in: command)
            }
            options.live.seed = seed
        case .speed:
            guard let speed = Double(value), (0...LiveShiftOptions.maximumSpeed).contains(speed) else {
                throw UsageError(
                    "--speed takes a factor from 0 (the clock stands still) to \(Int(LiveShiftOptions.maximumSpeed)), not '\(VisibleText.escaped(value))'",
                    in: command)
            }
            options.live.speed = speed
        case .help, .version: break
        }
    }

    private func choice<Choice: RawRepresentable<String>>(_ value: String, for spec: OptionSpec) throws(UsageError)
        -> Choice
    {
        guard let choice = Choice(rawValue: value) else {
            throw UsageError("\(spec.name) takes \(Self.listed(spec.value.choices)), not '\(value)'", in: command)
        }
        return choice
    }

    /// Moves on to a subcommand, which must take every option given before it.
    private mutating func enter(_ subcommand: CommandLineCommand) throws(UsageError) {
        if let stray = given.first(where: { subcommand.option(spelled: $0.spellings[0]) == nil }) {
            throw UsageError("\(stray.name) does not go with \(subcommand.name)", in: subcommand)
        }
        command = subcommand
        isRoot = false
    }

    private func finish() throws(UsageError) -> Invocation {
        if options.live.seed != nil, options.live.traffic == nil {
            throw UsageError("--seed goes with --traffic: --traffic <profile> --seed <number>", in: command)
        }
        if isRoot {
            if options.live.isGiven, commands != nil || !positionals.isEmpty {
                throw UsageError(
                    "--traffic, --seed, --scenario and --speed start the interactive prompt, not commands", in: command)
            }
            if let commands {
                guard positionals.isEmpty else {
                    throw UsageError("give one command as words or several with -c, not both")
                }
                return .shell(options, .commands(commands))
            }
            return .shell(options, positionals.isEmpty ? .standardInput : .words(positionals))
        }
        if command.name == CommandLineTable.export.name || command.name == CommandLineTable.import.name {
            guard let path = options.state else {
                throw UsageError("\(command.name) needs --state <file>", in: command)
            }
            if command.name == CommandLineTable.export.name {
                if let extra = positionals.first { throw UsageError("unexpected argument '\(extra)'", in: command) }
                return .exportState(path: path)
            }
        }
        guard let argument = command.argument, let placeholder = argument.value.placeholder else {
            return .help(command)
        }
        guard let value = positionals.first else {
            let help = argument.help.prefix(1).lowercased() + argument.help.dropFirst().dropLast()
            throw UsageError("missing <\(placeholder)>: \(help)", in: command)
        }
        if let extra = positionals.dropFirst().first { throw UsageError("unexpected argument '\(extra)'", in: command) }
        if case .file = argument.value, value.isEmpty {
            throw UsageError("<\(placeholder)> needs a file name, not ''", in: command)
        }
        if command.name == CommandLineTable.completions.name {
            guard let shell = CompletionShell(rawValue: value) else {
                throw UsageError("unknown shell '\(value)'; choose \(Self.listed(argument.value.choices))", in: command)
            }
            return .printCompletionScript(shell)
        }
        if command.name == CommandLineTable.import.name, let path = options.state {
            return .importState(path: path, json: value)
        }
        return .run(options, try runScript(value))
    }

    private func runScript(_ path: String) throws(UsageError) -> RunScript {
        if check, record { throw UsageError("--check and --record do not go together", in: command) }
        if pace != nil, options.format == .json { throw UsageError("--pace plays back text, not json", in: command) }
        if cast != nil, check || !record && pace == nil {
            throw UsageError("--cast records a playback: give it with --pace or --record", in: command)
        }
        guard check || record else { return RunScript(path: path, mode: .play(pace: pace), cast: cast, report: report) }
        if report {
            throw UsageError(
                "--report goes with a plain run, not --check or --record (put `report` in the script)", in: command)
        }
        if path == "-" { throw UsageError("--check and --record need a script file, not '-'", in: command) }
        if pace != nil && cast == nil || options.state != nil || options.format == .json {
            throw UsageError(
                "--check and --record run from a fresh state in text; drop --pace, --state and --format", in: command)
        }
        return RunScript(path: path, mode: check ? .check : .record(pace: pace ?? 1), cast: cast)
    }

    /// An unknown option, with the closest one this command takes, or the subcommand that takes it.
    private func unknownOption(_ spelling: String) -> UsageError {
        let message = "unknown option '\(spelling)'"
        if let owner = CommandLineTable.subcommands.first(where: { $0.option(spelled: spelling) != nil }), isRoot {
            return UsageError("\(message); it is an option of '\(owner.fullName)'", in: command)
        }
        let spellings = command.options.flatMap { $0.spellings }
        let scored = spellings.map { ($0, CommandParser.editDistance(Array(spelling), Array($0))) }
        if let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= max(1, spelling.count / 3) {
            return UsageError("\(message); did you mean '\(best.0)'?", in: command)
        }
        return UsageError(message, in: command)
    }

    /// `a, b or c`.
    static func listed(_ words: [String]) -> String {
        words.count < 2 ? words.joined() : words.dropLast().joined(separator: ", ") + " or " + words.last!
    }
}
