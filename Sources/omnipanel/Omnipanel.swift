import ArgumentParser
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import SessionPanel

/// `omnipanel`: the session panel of Omnichannel for Customer Service, in the terminal.
@main
struct Omnipanel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "omnipanel",
        abstract: "The Omnichannel session panel in your terminal: accept, open, switch and close customer sessions.",
        usage: """
            omnipanel [<options>]                   the shell (or a script on standard input)
            omnipanel [<options>] <command> ...     one command, e.g. omnipanel --state class.json accept
            omnipanel [<options>] -c <commands>     several, separated by ';'
            omnipanel run [<options>] <script>      a script file (see run --help)
            omnipanel completions <shell>
            """,
        discussion: """
            With no arguments and a terminal on standard input, starts the interactive shell.
            With standard input from a file or pipe, runs it as a script, one command per line.
            Type `help` in the shell for the commands.

            Words after the options are one command, e.g. `omnipanel --state class.json open case 42`; \
            -c runs several, separated by ';'.

            Exit status: 0 all good; 1 a command or expectation failed; 2 usage error; 3 the state file \
            is unreadable or not a usable state; 4 it is from a newer omnipanel; 5 it is in use by another \
            omnipanel; 6 it cannot be saved.
            """,
        version: "0.1.0",
        subcommands: [Run.self, Completions.self]
    )

    @OptionGroup var options: ShellOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these commands, separated by ';', and exit.", valueName: "commands"),
            completion: .custom(CommandLineCompletion.commands))
    var commands: String?

    mutating func run() throws {
        try run(command: [])
    }

    /// Runs one command given as words (see ``CommandWords``), `-c`, standard input, or the prompt.
    func run(command words: [String]) throws {
        if commands != nil, !words.isEmpty { throw ValidationError("Give one command as words or several with -c, not both.") }
        let shell = try ShellContext(options: options)
        if !words.isEmpty {
            throw ExitCode(shell.runScript(named: "<command>", lines: [Array(TokenizedLine.joining(words).utf8)]))
        }
        if let commands {
            let lines = TokenizedLine.splitCommands(commands)
            throw ExitCode(shell.runScript(named: "-c", lines: lines.lazy.map { Array($0.utf8) }))
        }
        if Terminal.isInteractive {
            guard options.format == .text else { throw ValidationError("--format json needs a command, -c or a script.") }
            throw ExitCode(InteractiveShell(context: shell).run())
        }
        throw ExitCode(shell.runScript(named: "<stdin>", lines: LineReader(descriptor: STDIN_FILENO)))
    }

    /// Runs the command line: words after the options are one command; anything else is
    /// argument-parser's to parse (options, subcommands, help).
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let (options, words) = CommandWords.split(arguments) else { execute(arguments) }
        execute(options) { command in try (command as? Omnipanel)?.run(command: words) }
    }
}

extension ParsableCommand {
    /// Parses `arguments` as this command and runs it (or `run` instead), then exits. Argument-parser's
    /// usage errors (status 64) end with status 2.
    static func execute(
        _ arguments: [String], run: (inout any ParsableCommand) throws -> Void = { command in try command.run() }
    ) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try run(&command)
            Output.flush()
            exit()
        } catch {
            Output.flush()
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            Output.error(fullMessage(for: error))
            exit(withError: ExitCode(2))
        }
    }
}

/// `omnipanel run FILE`: run a script file.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a script of shell commands, one per line.",
        usage: "omnipanel run [<options>] <script>")

    @OptionGroup var options: ShellOptions

    @Flag(help: "Check the script's expectations and compare with FILE.out when it exists; print 'N passed, M failed'.")
    var check = false

    @Flag(help: "Write the script's transcript to FILE.out.")
    var record = false

    @Option(help: ArgumentHelp("Play back live: type each command, then wait this long after its output.", valueName: "seconds"))
    var pace: Double?

    @Argument(help: ArgumentHelp("The script to run ('-' for standard input).", valueName: "script"),
              completion: .file(extensions: ["omni"]))
    var script: String

    func validate() throws {
        if check, record { throw ValidationError("--check and --record do not go together.") }
        if let pace, !(0...60).contains(pace) { throw ValidationError("--pace takes 0 to 60 seconds.") }
        if pace != nil, options.format == .json { throw ValidationError("--pace plays back text, not json.") }
        if check || record {
            if script == "-" { throw ValidationError("--check and --record need a script file, not '-'.") }
            if pace != nil || options.state != nil || options.format == .json {
                throw ValidationError("--check and --record run from a fresh state in text; drop --pace, --state and --format.")
            }
        }
    }

    mutating func run() throws {
        let shell = try ShellContext(options: options)
        if check || record {
            let transcript = TranscriptRun(path: script, state: shell.initialState)
            throw ExitCode(check ? transcript.check() : transcript.record())
        }
        if script == "-" {
            throw ExitCode(shell.runScript(named: "<stdin>", lines: LineReader(descriptor: STDIN_FILENO), pace: pace))
        }
        let descriptor = open(script, O_RDONLY)
        guard descriptor >= 0 else {
            Output.error("omnipanel: cannot read \(script): \(String(cString: strerror(errno)))")
            throw ExitCode(2)
        }
        defer { close(descriptor) }
        throw ExitCode(shell.runScript(named: script, lines: LineReader(descriptor: descriptor), pace: pace))
    }
}
